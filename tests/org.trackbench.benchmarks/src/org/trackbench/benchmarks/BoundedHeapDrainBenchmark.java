package org.trackbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackbench.core.queue.BlobSource;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.server.ReferenceServer;
import org.trackbench.testing.Await;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.QueueStoreFixture;
import org.trackbench.testing.product.GogoConsole;
import org.trackbench.testing.product.LaunchedProduct;

/**
 * The headless product in a JVM limited to 64 MB of heap drains 5 MB screenshots to the reference server (in this
 * test runtime). The screenshots are queued beforehand into the product's own data directory by this runtime's
 * queue and security bundles, as the product would have queued them itself. Peak heap is read from the product's
 * GC log: the most in use before any collection, and the most still live after a full one.
 */
class BoundedHeapDrainBenchmark {

    private static final int SCREENSHOTS = BenchSize.pick(10, 200);
    private static final int SCREENSHOT_BYTES = 5 * 1024 * 1024;
    private static final int PER_ENTRY = 50;
    private static final String HEAP = "-Xmx64m";
    /** Derby caches up to 1,000 pages by default, and a blob's are 32 KB: half this heap. An eighth of it instead. */
    private static final String PAGE_CACHE = "-Dderby.storage.pageCacheSize=250";
    private static final Pattern GC_HEAP = Pattern.compile(" (\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final String SECURITY = "org.trackbench.security";

    private final Configurations configurations = new Configurations();
    private final QueueStoreFixture queues = new QueueStoreFixture();
    private final String token = UUID.randomUUID().toString();
    /** Short paths: the product's console socket lives in its data directory, and socket paths are short. */
    @TempDir
    Path homes;

    @Test
    void fiveMegabyteScreenshotsDrainIn64Megabytes() throws Exception {
        ReferenceServer server = configurations.configure("org.trackbench.server",
                Map.of("port", 0, "token", token, "dataDirectory", ""), ReferenceServer.class);
        List<double[]> runs = new ArrayList<>();
        BenchmarkReport report = new BenchmarkReport("bounded-heap-drain", "Draining " + SCREENSHOTS
                + " × 5 MB screenshots with " + HEAP);
        Measurement seconds = report.add(Measurement.measure("drain time", "s", BenchSize.pick(1, 3), () -> {
            double[] run = drainOnce(server);
            runs.add(run);
            return run[0];
        }));
        report.add(new Measurement("peak heap in use (before a collection)", "MB",
                runs.stream().mapToDouble(run -> run[1]).toArray()));
        report.add(new Measurement("heap still live after a full collection (highest; NaN: none ran)", "MB",
                runs.stream().mapToDouble(run -> run[2]).toArray()));
        report.add(new Measurement("throughput", "MB/s", runs.stream()
                .mapToDouble(run -> SCREENSHOTS * 5.0 / run[0]).toArray()));
        report.note("The product runs with " + HEAP + " " + PAGE_CACHE + " -XX:+ExitOnOutOfMemoryError; every run delivered all "
                + SCREENSHOTS + " screenshots (asserted). Median drain time " + String.format("%.1f", seconds.median()) + " s.");
        report.write();

        assertTrue(Files.readString(report.markdown()).contains("peak heap"));
    }

    /** One launch: {drain seconds, peak heap MB, most live heap MB}. */
    private double[] drainOnce(ReferenceServer server) throws Exception {
        Path home = Files.createTempDirectory(homes, "bounded-heap");
        queueScreenshots(home.resolve("data"));
        int screenshotsBefore = screenshotsApplied(server);
        Path gcLog = home.resolve("gc.log");
        try (LaunchedProduct product = LaunchedProduct.launch(home, server.baseUri(), token, "Trackbench ready",
                List.of(HEAP, PAGE_CACHE, "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog))) {
            long start = System.nanoTime();
            try (GogoConsole console = product.console()) {
                console.run("trackbench:config org.trackbench.sync serverUrl " + server.baseUri());
            }
            Await.until(SCREENSHOTS + " screenshots applied", Duration.ofMinutes(30),
                    () -> screenshotsApplied(server) - screenshotsBefore == SCREENSHOTS || !product.isAlive(),
                    () -> server.stats() + "\n" + product.log());
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(product.isAlive(), () -> "the product died (out of memory?); its output is beside " + gcLog);
            product.terminate();
            double[] heap = heapMegabytes(gcLog);
            return new double[] { seconds, heap[0], heap[1] };
        }
    }

    /** Queues the screenshots with this runtime's queue and keys pointed at the product's data directory, then lets go of it. */
    private void queueScreenshots(Path data) {
        configurations.configureAndAwait(SECURITY, Map.of("storageDirectory", data.resolve("secure").toString()),
                "org.trackbench.security.internal.SecureStorage");
        QueueStore store = queues.configure(data.resolve("queue"), 20L * 1024 * 1024);
        byte[] screenshot = new byte[SCREENSHOT_BYTES];
        Random random = new Random(20261127);
        String entry = null;
        for (int i = 0; i < SCREENSHOTS; i++) {
            if (i % PER_ENTRY == 0) {
                entry = UUID.randomUUID().toString();
                store.enqueue(EnqueueRequest.of("time_entry_event", "{\"type\":\"start\",\"at\":\"" + Instant.now() + "\"}")
                        .inGroup(entry, true));
            }
            random.nextBytes(screenshot);
            store.enqueue(EnqueueRequest.of("screenshot", "{\"capturedAt\":\"" + Instant.now() + "\"}").inGroup(entry, false)
                    .withBlob(BlobSource.of(screenshot), "image/jpeg"));
        }
        queues.configure(queues.newDirectory("after-bounded-heap"), 20L * 1024 * 1024);
        configurations.configureAndAwait(SECURITY, Map.of("storageDirectory", ""), "org.trackbench.security.internal.SecureStorage");
    }

    private static int screenshotsApplied(ReferenceServer server) {
        return (int) server.applied().stream().filter(item -> "screenshot".equals(item.kind())).count();
    }

    /**
     * The most heap in use before any collection, and the most still live after a full one (G1 frees the 5 MB
     * arrays, humongous objects, only in full or mixed collections, so a young collection's figure overstates it).
     */
    private static double[] heapMegabytes(Path gcLog) throws IOException {
        double[] most = { 0, Double.NaN };
        for (String line : Files.readAllLines(gcLog)) {
            Matcher heap = GC_HEAP.matcher(line);
            if (heap.find()) {
                most[0] = Math.max(most[0], Integer.parseInt(heap.group(1)));
                if (line.contains("Pause Full")) {
                    most[1] = Double.isNaN(most[1]) ? Integer.parseInt(heap.group(2))
                            : Math.max(most[1], Integer.parseInt(heap.group(2)));
                }
            }
        }
        if (most[0] == 0) {
            throw new IllegalStateException("no collection in " + gcLog + "; cannot tell the heap in use");
        }
        return most;
    }
}
