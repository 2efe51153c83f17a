package org.trackbench.system.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackbench.server.ReferenceServer;
import org.trackbench.testing.Await;
import org.trackbench.testing.ByteScan;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.product.GogoConsole;
import org.trackbench.testing.product.LaunchedProduct;

/**
 * The product's whole data directory, its logs and an export, after a token was set and a screenshot was taken,
 * queued and sent: neither the token nor the screenshot's bytes are anywhere in clear.
 */
class DataProtectionTest {

    private static final Duration DELIVERY = Duration.ofSeconds(60);

    /** A token made up per run: no credential lives in the test sources. */
    private final String token = UUID.randomUUID().toString();
    private final Configurations configurations = new Configurations();
    private LaunchedProduct product;

    @TempDir
    Path home;

    @TempDir
    Path serverData;

    @AfterEach
    void stopProduct() {
        if (product != null) {
            product.close();
        }
    }

    @Test
    void neitherTheTokenNorAScreenshotIsStoredLoggedOrExportedInClear() throws Exception {
        ReferenceServer server = configurations.configure("org.trackbench.server",
                Map.of("port", 0, "token", token, "dataDirectory", serverData.toString()), ReferenceServer.class);
        product = LaunchedProduct.launch(home, null, null);
        Path export = home.resolve("export.jsonl");
        try (GogoConsole console = product.console()) {
            console.run("trackbench:config org.trackbench.sync serverUrl " + server.baseUri());
            String login = console.run("trackbench:login " + token);
            assertTrue(login.startsWith("Token stored for " + server.baseUri()), login);
            console.run("trackbench:config org.trackbench.capture screenSource.target '(trackbench.screen.source=synthetic)'");
            console.run("trackbench:config org.trackbench.capture intervalSeconds 1");
            // A new screen source restarts capture: the command answers once it is back.
            Await.until("capture accepts the terms", Duration.ofSeconds(30),
                    () -> console.run("trackbench:capture accept").startsWith("Accepted"), () -> "");
            console.run("trackbench:start Protected work");

            Await.until("a screenshot reaches the server", DELIVERY, () -> screenshots().count() > 0,
                    () -> console.run("trackbench:status"));
            console.run("trackbench:stop");
            assertTrue(console.run("trackbench:export " + export).startsWith("Exported "));
        }
        product.terminate();

        byte[] image = Files.readAllBytes(screenshots().findFirst().orElseThrow());
        byte[] imageSlice = Arrays.copyOfRange(image, image.length / 2, image.length / 2 + 64);
        byte[] tokenBytes = token.getBytes(StandardCharsets.UTF_8);
        assertTrue(Files.readString(export).contains("time_entry_event"), "the export holds the items");
        assertFalse(ByteScan.filesContaining(serverData, imageSlice).isEmpty(), "the scan finds the image where it is in clear");

        assertEquals(List.of(), ByteScan.filesContaining(home, tokenBytes), "the token in clear");
        assertEquals(List.of(), ByteScan.filesContaining(home, imageSlice), "the screenshot's bytes in clear");
        try (Stream<Path> secure = Files.list(home.resolve("data/secure"))) {
            assertTrue(Files.exists(home.resolve("data/queue/seg0"))
                    && secure.anyMatch(file -> file.getFileName().toString().startsWith("secure_storage-")),
                    "the scan covered the queue database and the secure storage");
        }
    }

    private Stream<Path> screenshots() {
        try {
            Path directory = serverData.resolve("screenshots");
            return Files.exists(directory) ? Files.list(directory).toList().stream() : Stream.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
