package org.trackbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.trackbench.core.capture.CaptureStatus;
import org.trackbench.core.capture.ScreenCapture;
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

    private static final int STOPS = BenchSize.pick(50, 1_000);

    @Test
    void stopLatencyAndCaptureCost() throws Exception {
        Configurations configurations = new Configurations();
        QueueStoreFixture queues = new QueueStoreFixture();
        queues.configure(queues.newDirectory("capture-bench"), 64L * 1024 * 1024);
        String source = GraphicsEnvironment.isHeadless() ? "synthetic" : "desktop";
        configurations.update("org.trackbench.capture",
                Map.of("intervalSeconds", 1L, "screenSource.target", "(" + ScreenSource.SOURCE + "=" + source + ")",
                        "consentAcceptedAt", "2026-12-01T08:00:00Z"));
        TimeTracker tracker = configurations.configure("org.trackbench.tracker", Map.of(), TimeTracker.class);

        double[] stopMillis = new double[STOPS];
        for (int i = 0; i < STOPS; i++) {
            tracker.start(null, null, null);
            long begin = System.nanoTime();
            tracker.stop();
            stopMillis[i] = (System.nanoTime() - begin) / 1e6;
        }

        tracker.start(null, null, null);
        Await.until("a screenshot is taken", Duration.ofSeconds(30),
                () -> capture(configurations).lastImageAt() != null, () -> capture(configurations).toString());
        CaptureStatus capture = capture(configurations);
        tracker.stop();

        BenchmarkReport report = new BenchmarkReport("capture", "Capture: stop() to its durable commit");
        report.add(new Measurement("stop(), each of " + STOPS + " (median, fastest, slowest)", "ms", stopMillis));
        report.note("One screenshot at default settings (whole desktop, JPEG quality 0.7) from the " + source
                + " source: " + capture.lastImageBytes() / 1024 + " KiB, " + capture.lastImageTook().toMillis()
                + " ms to capture, encode and queue.");
        report.write();
        assertTrue(Files.readString(report.markdown()).contains("stop(), each of"));
    }

    private static CaptureStatus capture(Configurations configurations) {
        return configurations.await(ScreenCapture.class, "").status();
    }
}
