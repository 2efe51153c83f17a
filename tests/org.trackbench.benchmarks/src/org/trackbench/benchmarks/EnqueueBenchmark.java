package org.trackbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.trackbench.core.queue.BlobSource;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.sync.SyncService;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.QueueStoreFixture;

/**
 * Durable enqueue, side by side in one run on one disk: the real Derby queue with 1 and 8 producers; the store of
 * the tracker Trackbench replaces (SQLite, defaults) and the same store tuned for equal durability; a bare Derby
 * insert loop; and the disk's limit, a write + force loop. Then a 200 KB screenshot against the disk's forced
 * write bandwidth.
 */
class EnqueueBenchmark {

    private static final int EVENTS = BenchSize.pick(300, 10_000);
    private static final int SCREENSHOTS = BenchSize.pick(30, 500);
    private static final int SCREENSHOT_BYTES = 200 * 1024;
    /**
     * Screenshots queued before the measured runs: the JIT compiles AES-GCM with its intrinsics only after ~1,500
     * (until then sealing one takes ~3 ms instead of ~0.2), and every run should measure the same code.
     */
    private static final int SCREENSHOT_WARM_UP = BenchSize.pick(0, 2_000);
    private static final String EVENT = "time_entry_event";
    private static final String SCREENSHOT_PAYLOAD = "{\"capturedAt\":\"2026-11-26T09:12:31.123Z\"}";
    private static final String RAW = "disk: write + force, 1 thread";
    private static final String SQLITE = "SQLite as the replaced tracker had it (defaults), 1 thread";
    private static final String SQLITE_TUNED = "SQLite, WAL + synchronous=FULL, 1 thread";
    private static final String QUEUE = "Trackbench queue, 1 thread";
    private static final String QUEUE_8 = "Trackbench queue, 8 threads";

    private final QueueStoreFixture fixture = new QueueStoreFixture();

    /** A pause outlives the sync it was given to: the benchmarks after this one get a running sync. */
    @AfterEach
    void resumeSync() {
        new Configurations().await(SyncService.class, "").resume();
    }

    /** The store alone is measured: the sync of this runtime is told to send nothing. */
    private QueueStore store(Path directory) {
        QueueStore store = fixture.configure(directory, 1024L * 1024);
        new Configurations().await(SyncService.class, "").pause();
        return store;
    }

    @Test
    void durableEventEnqueue() throws Exception {
        Path directory = Files.createDirectories(fixture.newDirectory("enqueue-bench"));
        QueueStore store = store(directory.resolve("queue"));
        byte[] record = eventPayload().getBytes(StandardCharsets.UTF_8);

        BenchmarkReport report = new BenchmarkReport("enqueue-event", "Durable enqueue of a ~300-byte event");
        report.add(Measurement.measure(RAW, "writes/s", () -> DiskLimit.forcedWritesPerSecond(directory, record, EVENTS)));
        try (SqliteQueue sqlite = SqliteQueue.tracker(directory.resolve("tracker.sqlite"))) {
            report.add(Measurement.measure(SQLITE, "items/s", () -> rate(1, EVENTS, () -> sqlite::enqueue)));
        }
        try (SqliteQueue sqlite = SqliteQueue.tuned(directory.resolve("tuned.sqlite"))) {
            report.add(Measurement.measure(SQLITE_TUNED, "items/s", () -> rate(1, EVENTS, () -> sqlite::enqueue)));
        }
        try (BareDerby derby = new BareDerby(directory.resolve("bare-derby"))) {
            for (int threads : new int[] { 1, 8 }) {
                report.add(Measurement.measure("bare Derby insert loop, " + threads + " thread" + (threads > 1 ? "s" : ""),
                        "items/s", () -> rate(threads, EVENTS, derby::producer)));
            }
        }
        Producer queue = () -> (type, payload) -> store.enqueue(EnqueueRequest.of(type, payload)
                .inGroup(UUID.randomUUID().toString(), true));
        rate(1, EVENTS / 5 + 1, queue);
        report.add(Measurement.measure(QUEUE, "items/s", () -> rate(1, EVENTS, queue)));
        report.add(Measurement.measure(QUEUE_8, "items/s", () -> rate(8, EVENTS, queue)));
        report.ratioGoal("1 thread: ≥ 1.0× tuned SQLite", QUEUE, SQLITE_TUNED, 1.0);
        report.ratioGoal("1 thread: ≥ 4× the replaced tracker's SQLite", QUEUE, SQLITE, 4.0);
        report.ratioGoal("1 thread: ≥ 0.8× the disk's write + force rate", QUEUE, RAW, 0.8);
        report.ratioGoal("8 threads: ≥ 1.5× the disk's write + force rate (commits shared)", QUEUE_8, RAW, 1.5);
        report.write();

        assertTrue(Files.readString(report.markdown()).contains(QUEUE_8));
        assertTrue(Files.readString(BenchSize.REPORTS.resolve("report.md")).contains(SQLITE_TUNED));
    }

    @Test
    void durableScreenshotEnqueue() throws Exception {
        Path directory = Files.createDirectories(fixture.newDirectory("screenshot-bench"));
        QueueStore store = store(directory.resolve("queue"));
        byte[] screenshot = new byte[SCREENSHOT_BYTES];
        new Random(20261127).nextBytes(screenshot);
        double megabytes = SCREENSHOT_BYTES / (1024.0 * 1024.0);
        String raw = "disk: write + force of 200 KB";
        String queued = "Trackbench queue: one 200 KB screenshot per item";

        BenchmarkReport report = new BenchmarkReport("enqueue-screenshot", "Durable enqueue of a 200 KB screenshot");
        report.add(Measurement.measure(raw, "MB/s", () -> megabytes
                * DiskLimit.forcedWritesPerSecond(directory, screenshot, SCREENSHOTS)));
        String group = UUID.randomUUID().toString();
        Producer queue = () -> (type, payload) -> store.enqueue(EnqueueRequest.of("screenshot", SCREENSHOT_PAYLOAD)
                .inGroup(group, false).withBlob(BlobSource.of(screenshot), "image/jpeg"));
        if (SCREENSHOT_WARM_UP > 0) {
            rate(1, SCREENSHOT_WARM_UP, queue);
        }
        report.add(Measurement.measure(queued, "MB/s", () -> megabytes * rate(1, SCREENSHOTS, queue)));
        report.ratioGoal("≥ 0.5× the disk's forced write bandwidth", queued, raw, 0.5);
        if (SCREENSHOT_WARM_UP > 0) {
            report.note("Measured after " + SCREENSHOT_WARM_UP + " screenshots queued unmeasured, for the JIT to compile"
                    + " AES-GCM with its intrinsics. Each screenshot is a file forced, renamed and its directory forced,"
                    + " then its row committed: three forced writes where the disk's figure has one.");
        }
        report.write();

        assertTrue(Files.readString(report.markdown()).contains(queued));
    }

    /** Items per second for {@code items} enqueues shared by {@code threads} producers, each made by {@code producers}. */
    private static double rate(int threads, int items, Producer producers) throws Exception {
        String payload = eventPayload();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int share = items / threads + (t < items % threads ? 1 : 0);
                running.add(pool.submit(() -> {
                    try (Enqueuer enqueue = producers.open()) {
                        for (int i = 0; i < share; i++) {
                            enqueue.enqueue(EVENT, payload);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> producer : running) {
                producer.get();
            }
            return items / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String eventPayload() {
        return "{\"type\":\"start\",\"at\":\"2026-11-26T09:12:31.123Z\",\"timeEntryId\":\"" + UUID.randomUUID()
                + "\",\"description\":\"Reviewing the sync backoff change for the offline queue\","
                + "\"project\":\"Trackbench client\",\"task\":\"Code review and benchmark follow-up\"}";
    }

    /** Makes one producer thread's {@link Enqueuer} (its own connection, where the store needs one). */
    @FunctionalInterface
    private interface Producer {
        Enqueuer open() throws Exception;
    }
}
