package org.trackbench.system.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackbench.testing.Await;
import org.trackbench.testing.product.RunScript;

/**
 * The README's run flow word for word: {@code ./trackbench run} (started without a terminal, so the console is
 * its socket), then {@code ./trackbench console} with {@code trackbench:start Writing docs}, {@code trackbench:status}
 * and {@code trackbench:queue}, against the reference server the run starts on port 8470.
 */
class ReadmeRunFlowTest {

    private static final Duration DELIVERY = Duration.ofSeconds(60);

    @TempDir
    Path home;

    private RunScript trackbench;

    @AfterEach
    void stop() {
        if (trackbench != null) {
            trackbench.close();
        }
    }

    @Test
    void theEntryStartedAtTheConsoleIsQueuedAndSynced() throws Exception {
        trackbench = RunScript.run(home.resolve("data"), Map.of());
        assertTrue(trackbench.output().contains("Trackbench console: ./trackbench console"), trackbench.output());

        assertTrue(trackbench.console("trackbench:start Writing docs").contains("Started entry"), "the entry starts");
        Await.until("the start is sent", DELIVERY, () -> trackbench.console("trackbench:status").contains("sent 1"),
                () -> trackbench.console("trackbench:status"));
        String queue = trackbench.console("trackbench:queue");
        assertTrue(queue.contains("time_entry_event") && queue.contains("sent"), queue);

        trackbench.terminate();
        assertTrue(trackbench.log().contains("Shutdown requested"), "SIGTERM stops Trackbench in order");
        try (ServerSocket reference = new ServerSocket(8470)) {
            assertEquals(8470, reference.getLocalPort(), "the reference server stopped with Trackbench");
        } catch (IOException e) {
            throw new AssertionError("the reference server still holds port 8470 after Trackbench stopped", e);
        }
    }
}
