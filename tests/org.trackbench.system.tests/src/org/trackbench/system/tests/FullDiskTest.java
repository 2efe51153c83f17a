package org.trackbench.system.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackbench.server.AppliedItem;
import org.trackbench.server.ReferenceServer;
import org.trackbench.testing.Await;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.SmallDisk;
import org.trackbench.testing.product.GogoConsole;
import org.trackbench.testing.product.LaunchedProduct;

/**
 * The headless product with its data directory on a small disk that fills up while an entry runs and screenshots are
 * taken: it says so, pauses capture, refuses commands with one line, and goes on by itself once there is room,
 * without a restart and without losing what it had stored.
 */
class FullDiskTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern ENTRY = Pattern.compile("entry ([0-9a-f-]{36})");

    /** A token made up per run: no credential lives in the test sources. */
    private final String token = UUID.randomUUID().toString();
    private final Configurations configurations = new Configurations();
    private LaunchedProduct product;
    private SmallDisk disk;

    @TempDir
    Path home;

    @AfterEach
    void stopProductThenUnmount() throws Exception {
        if (product != null) {
            product.close();
        }
        if (disk != null) {
            disk.close();
        }
    }

    @Test
    void aFullDiskIsAStateTheProductLeavesByItselfWhenThereIsRoom() throws Exception {
        ReferenceServer server = configurations.configure("org.trackbench.server",
                Map.of("port", 0, "token", token, "dataDirectory", ""), ReferenceServer.class);
        disk = SmallDisk.mount(home.resolve("data"), 64);
        product = LaunchedProduct.launch(home, server.baseUri(), token);
        try (GogoConsole console = product.console()) {
            console.run("trackbench:config org.trackbench.sync serverUrl " + server.baseUri());
            console.run("trackbench:config org.trackbench.capture screenSource.target '(trackbench.screen.source=synthetic)'");
            console.run("trackbench:config org.trackbench.capture intervalSeconds 1");
            // A new screen source restarts capture: the command answers once it is back.
            Await.until("capture accepts the terms", Duration.ofSeconds(30),
                    () -> console.run("trackbench:capture accept").startsWith("Accepted"), () -> "");
            String entry = entryOf(console.run("trackbench:start Filling the disk"));
            Await.until("a screenshot is taken", WAIT, () -> status(console).contains("last screenshot at"),
                    () -> status(console));

            // Paused, the sync drops no sent screenshot whose pages Derby would reuse: the disk fills at once.
            console.run("trackbench:sync pause");
            disk.fill();
            Await.until("the status says the disk is full", WAIT, () -> status(console).contains("is full"),
                    () -> status(console));
            // Capture looks at its next interval, a second at most.
            Await.until("capture pauses", WAIT, () -> status(console).contains("capture paused: the disk holding the queue"),
                    () -> status(console));
            String full = status(console);
            assertTrue(full.contains(disk.root().resolve("queue").toString()), "names the disk's directory:\n" + full);
            String refused = console.run("trackbench:pause");
            assertTrue(refused.startsWith("error: Nothing was stored: the disk holding the queue"), refused);
            assertEquals(1, refused.strip().lines().count(), "one line, no stack trace:\n" + refused);

            disk.free();
            Await.until("the product takes writes again", WAIT, () -> !status(console).contains("is full"),
                    () -> status(console));
            console.run("trackbench:sync resume");
            assertTrue(console.run("trackbench:pause").startsWith("Paused entry " + entry));
            assertTrue(console.run("trackbench:stop").startsWith("Stopped entry " + entry));
            Await.until("the entry's events reach the server", WAIT, () -> events(server, entry).size() == 3,
                    () -> server.stats() + "\n" + status(console));
            assertEquals(List.of("start", "pause", "stop"), events(server, entry));
            Await.until("the screenshots stored before the disk filled are delivered", WAIT,
                    () -> status(console).contains("pending 0, in flight 0, blocked 0, failed 0"), () -> status(console));
            assertTrue(product.isAlive());
        }
    }

    private static List<String> events(ReferenceServer server, String entry) {
        return server.applied().stream().filter(item -> entry.equals(item.timeEntryId()) && item.kind().equals("event"))
                .map(AppliedItem::detail).toList();
    }

    private String status(GogoConsole console) {
        try {
            return console.run("trackbench:status");
        } catch (UncheckedIOException e) {
            throw new AssertionError("the console stopped answering; the product's log:\n" + product.log(), e);
        }
    }

    private static String entryOf(String answer) {
        Matcher matcher = ENTRY.matcher(answer);
        assertTrue(matcher.find(), answer);
        return matcher.group(1);
    }
}
