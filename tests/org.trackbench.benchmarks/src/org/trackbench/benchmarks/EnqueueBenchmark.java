package org.trackbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.testing.QueueStoreFixture;

/**
 * Durable enqueue throughput of the real Derby store, against the disk's own limit (a write + force
 * loop on a plain file in the same directory). Sized by {@code trackbench.bench.items} and
 * {@code trackbench.bench.runs}; CI runs a smoke size that only proves the harness works.
 */
class EnqueueBenchmark {

    private static final int ITEMS = Integer.getInteger("trackbench.bench.items", 300);
    private static final int RUNS = Integer.getInteger("trackbench.bench.runs", 1);
    private static final Path REPORTS = Path.of(System.getProperty("trackbench.bench.reports", "target/benchmarks"));

    private final QueueStoreFixture fixture = new QueueStoreFixture();

    @Test
    void durableEnqueueAgainstTheDisksForceRate() throws Exception {
        Path directory = fixture.newDirectory("bench");
        QueueStore store = fixture.configure(directory, 20L * 1024 * 1024);
        String payload = eventPayload();
        enqueue(store, payload, 1, ITEMS / 5 + 1);

        BenchmarkReport report = new BenchmarkReport("Durable enqueue of a ~300-byte event");
        report.add(new Measurement("raw write+force", "writes/s", sample(() -> forceLoop(directory.getParent(), ITEMS))));
        report.add(new Measurement("queue, 1 thread", "items/s", sample(() -> enqueue(store, payload, 1, ITEMS))));
        report.add(new Measurement("queue, 8 threads", "items/s", sample(() -> enqueue(store, payload, 8, ITEMS))));
        String environment = String.format("%d items per run, %d runs; %d cores, Java %s, %s", ITEMS, RUNS,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        report.write(REPORTS, "enqueue", "raw write+force", environment);

        assertTrue(Files.readString(REPORTS.resolve("enqueue.md")).contains("queue, 8 threads"));
        assertTrue(Files.size(REPORTS.resolve("enqueue.json")) > 0);
    }

    /** One operation rate per run. */
    private static double[] sample(RateRun run) throws Exception {
        double[] rates = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            rates[i] = run.perSecond();
        }
        return rates;
    }

    private static double enqueue(QueueStore store, String payload, int threads, int items) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> producers = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int share = items / threads + (t < items % threads ? 1 : 0);
                producers.add(pool.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        store.enqueue(EnqueueRequest.of("time_entry_event", payload).inGroup(UUID.randomUUID().toString(), true));
                    }
                }));
            }
            for (Future<?> producer : producers) {
                producer.get();
            }
            return items / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double forceLoop(Path directory, int writes) throws IOException {
        Path file = directory.resolve("force-" + UUID.randomUUID() + ".bin");
        ByteBuffer record = ByteBuffer.wrap(eventPayload().getBytes(StandardCharsets.UTF_8));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long start = System.nanoTime();
            for (int i = 0; i < writes; i++) {
                record.rewind();
                channel.write(record);
                channel.force(false);
            }
            return writes / ((System.nanoTime() - start) / 1e9);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String eventPayload() {
        return "{\"type\":\"start\",\"at\":\"2026-11-26T09:12:31.123Z\",\"timeEntryId\":\"" + UUID.randomUUID()
                + "\",\"description\":\"Reviewing the sync backoff change for the offline queue\","
                + "\"project\":\"Trackbench client\",\"task\":\"Code review and benchmark follow-up\"}";
    }

    @FunctionalInterface
    private interface RateRun {
        double perSecond() throws Exception;
    }
}
