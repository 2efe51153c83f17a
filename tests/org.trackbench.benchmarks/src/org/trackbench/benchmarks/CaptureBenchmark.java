package org.trackbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.trackbench.core.capture.ScreenSource;
import org.trackbench.core.capture.TimeTracker;
import org.trackbench.testing.Await;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.QueueStoreFixture;

/**
 * How long {@code stop()} takes to return, which is the time to its event's durable commit; and one
 * screenshot at default settings (whole desktop, JPEG quality 0.7) through the real capture path, from the
 * desktop (Xvfb in CI) or, without a display, the synthetic screen.
 */
class CaptureBenchmark {

    private static final int ITEMS = Integer.getInteger("trackbench.bench.items", 300);
    private static final Path REPORTS = Path.of(System.getProperty("trackbench.bench.reports", "target/benchmarks"));

    @Test
    void stopLatencyAndCaptureCost() throws Exception {
        Configurations configurations = new Configurations();
        QueueStoreFixture queues = new QueueStoreFixture();
        queues.configure(queues.newDirectory("capture-bench"), 64L * 1024 * 1024);
        String source = GraphicsEnvironment.isHeadless() ? "synthetic" : "desktop";
        configurations.update("org.trackbench.capture",
                Map.of("intervalSeconds", 1L, "screenSource.target", "(" + ScreenSource.SOURCE + "=" + source + ")"));
        TimeTracker tracker = configurations.configure("org.trackbench.tracker", Map.of(), TimeTracker.class);

        int cycles = Math.max(50, ITEMS / 10);
        long[] stopNanos = new long[cycles];
        for (int i = 0; i < cycles; i++) {
            tracker.start(null, null, null);
            long begin = System.nanoTime();
            tracker.stop();
            stopNanos[i] = System.nanoTime() - begin;
        }
        Arrays.sort(stopNanos);

        tracker.start(null, null, null);
        Await.until("a screenshot is taken", Duration.ofSeconds(30),
                () -> tracker.status().capture().startsWith("last screenshot"), () -> tracker.status().toString());
        String capture = tracker.status().capture();
        tracker.stop();

        String report = String.format(Locale.ROOT, "# Capture%n%n| figure | value |%n|---|---:|%n"
                + "| stop() to durable commit, median of %d | %.2f ms |%n| stop(), 90th percentile | %.2f ms |%n"
                + "| one screenshot at default settings, %s source | %s |%n", cycles, stopNanos[cycles / 2] / 1e6,
                stopNanos[cycles * 9 / 10] / 1e6, source, capture.substring(capture.indexOf(": ") + 2));
        Files.createDirectories(REPORTS);
        Files.writeString(REPORTS.resolve("capture.md"), report);
        assertTrue(Files.readString(REPORTS.resolve("capture.md")).contains("stop() to durable commit"));
    }
}
