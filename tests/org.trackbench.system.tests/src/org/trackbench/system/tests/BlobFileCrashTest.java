package org.trackbench.system.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trackbench.server.AppliedItem;
import org.trackbench.server.ReferenceServer;
import org.trackbench.testing.Await;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.product.GogoConsole;
import org.trackbench.testing.product.LaunchedProduct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The product killed (SIGKILL) between two steps of storing a screenshot as a blob file, or of dropping the file once
 * the screenshot is sent, starts again with nothing left over and nothing it had committed lost. The store's crash
 * point (the framework property {@code trackbench.queue.crashAfter}) holds the capturing or sending thread right after
 * the named step until the kill. Then: the files the kill left are those of that step; the next start removes what
 * no committed row names; every screenshot the queue holds is delivered once, the one committed before the kill
 * included; and no blob file stays behind.
 */
class BlobFileCrashTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern CRASHED = Pattern.compile("Crash point reached: (\\w+) of item (\\d+)");

    private final String token = UUID.randomUUID().toString();
    private final Configurations configurations = new Configurations();
    private final ObjectMapper json = new ObjectMapper();
    private LaunchedProduct product;

    @TempDir
    Path home;

    @AfterEach
    void stopProduct() {
        if (product != null) {
            product.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "TEMPORARY_WRITTEN", "TEMPORARY_FORCED", "RENAMED", "DIRECTORY_FORCED", "ROWS_INSERTED",
            "COMMITTED", "SENT_COMMITTED" })
    void killedAfterAStepTheNextStartLosesNothingAndLeavesNoFile(String step) throws Exception {
        ReferenceServer server = configurations.configure("org.trackbench.server",
                Map.of("port", 0, "token", token, "dataDirectory", ""), ReferenceServer.class);
        Path blobs = home.resolve("data").resolve("queue").resolve("blobs");

        product = LaunchedProduct.launch(home, server.baseUri(), token, "Trackbench ready",
                List.of("-Dtrackbench.queue.crashAfter=" + step));
        try (GogoConsole console = product.console()) {
            console.run("trackbench:config org.trackbench.sync serverUrl " + server.baseUri());
            console.run("trackbench:config org.trackbench.capture screenSource.target '(trackbench.screen.source=synthetic)'");
            console.run("trackbench:config org.trackbench.capture intervalSeconds 1");
            Await.until("capture accepts the terms", WAIT,
                    () -> console.run("trackbench:capture accept").startsWith("Accepted"), () -> "");
            if (!step.equals("SENT_COMMITTED")) {
                // Nothing is sent meanwhile: the file of a screenshot committed before the kill stays for the check.
                console.run("trackbench:sync pause");
            }
            console.run("trackbench:start Killed after " + step);
            Await.until("the crash point is reached", WAIT, () -> CRASHED.matcher(product.log()).find(), product::log);
        }
        Matcher crashed = CRASHED.matcher(product.log());
        assertTrue(crashed.find() && crashed.group(1).equals(step), "the crash point named " + step + ":\n" + product.log());
        long crashedItem = Long.parseLong(crashed.group(2));
        product.kill();
        String leftFile = crashedItem + (step.startsWith("TEMPORARY") ? ".tmp" : ".blob");
        assertTrue(names(blobs).contains(leftFile), "after " + step + " the kill leaves " + leftFile + ": " + names(blobs));

        product = LaunchedProduct.launch(home, server.baseUri(), token);
        assertEquals(!step.equals("COMMITTED"), product.log().contains("blob file(s) an interrupted enqueue or delivery left"),
                "a file no committed row names is removed at start, and only such a file:\n" + product.log());
        List<JsonNode> screenshots;
        try (GogoConsole console = product.console()) {
            console.run("trackbench:sync resume");
            console.run("trackbench:capture pause");
            console.run("trackbench:stop");
            Await.until("the queue is drained", WAIT,
                    () -> console.run("trackbench:status").contains("pending 0, in flight 0, blocked 0, failed 0"),
                    () -> console.run("trackbench:status"));
            Path export = home.resolve("export.jsonl");
            console.run("trackbench:export " + export);
            screenshots = Files.readAllLines(export, StandardCharsets.UTF_8).stream().map(this::parse)
                    .filter(item -> item.get("entityType").asText().equals("screenshot")).toList();
        }

        assertEquals(List.of(), names(blobs), "every file went with its sent screenshot");
        Set<String> queued = screenshots.stream().map(item -> item.get("idempotencyKey").asText()).collect(Collectors.toSet());
        List<AppliedItem> applied = server.applied().stream().filter(item -> item.kind().equals("screenshot")).toList();
        assertEquals(queued, applied.stream().map(AppliedItem::idempotencyKey).collect(Collectors.toSet()),
                "the server holds every screenshot queued, and only those");
        assertEquals(queued.size(), applied.size(), "none applied twice");
        assertTrue(applied.stream().allMatch(item -> item.bytes() > 0), "each arrived with its image");
        if (step.endsWith("COMMITTED")) {
            assertTrue(screenshots.stream().anyMatch(screenshot -> screenshot.get("id").asLong() == crashedItem),
                    "the screenshot committed before the kill (item " + crashedItem + ") is kept and delivered");
        }
    }

    private static List<String> names(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
