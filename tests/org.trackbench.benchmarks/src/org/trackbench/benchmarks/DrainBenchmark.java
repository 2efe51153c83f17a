package org.trackbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.server.Faults;
import org.trackbench.testing.Await;
import org.trackbench.testing.Producers;
import org.trackbench.testing.SyncRig;

/**
 * Draining queued events to the reference server on loopback, with 0 ms and 20 ms of injected latency:
 * the sync as configured by default (4 concurrent requests), with 16, and one request at a time. The
 * tracker Trackbench replaces sent 10 items per 60-second tick; its rate is computed, not measured.
 */
class DrainBenchmark {

    private static final int ITEMS = Integer.getInteger("trackbench.bench.items", 300);
    private static final int RUNS = Integer.getInteger("trackbench.bench.runs", 1);
    /** One at a time at 20 ms would take minutes for 10,000 items; its rate settles long before. */
    private static final int SEQUENTIAL_ITEMS = Math.min(ITEMS, 1_000);
    private static final Path REPORTS = Path.of(System.getProperty("trackbench.bench.reports", "target/benchmarks"));

    @Test
    void drainToTheReferenceServer() throws Exception {
        BenchmarkReport report = new BenchmarkReport("Draining queued events to the reference server on loopback");
        for (int latency : new int[] { 0, 20 }) {
            report.add(new Measurement("one at a time, " + latency + " ms", "items/s", drain(1, latency, SEQUENTIAL_ITEMS)));
            report.add(new Measurement("sync ×4 (default), " + latency + " ms", "items/s", drain(4, latency, ITEMS)));
            report.add(new Measurement("sync ×16, " + latency + " ms", "items/s", drain(16, latency, ITEMS)));
        }
        report.add(new Measurement("replaced tracker: 10 per 60 s tick (computed)", "items/s", new double[] { 10 / 60.0 }));
        report.write(REPORTS, "drain", "one at a time, 20 ms", String.format(
                "%d items per run (%d one at a time), %d runs; %d cores, Java %s", ITEMS, SEQUENTIAL_ITEMS, RUNS,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));

        assertTrue(Files.readString(REPORTS.resolve("drain.md")).contains("sync ×16, 20 ms"));
    }

    private static double[] drain(int concurrency, int latencyMillis, int items) throws Exception {
        double[] rates = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            try (SyncRig rig = SyncRig.start(Map.of("concurrency", concurrency, "pollIntervalMillis", 60_000L))) {
                rig.sync.pause();
                enqueue(rig, items);
                rig.server.setFaults(Faults.none().withLatency(Duration.ofMillis(latencyMillis)));
                Instant start = Instant.now();
                rig.sync.resume();
                Await.until(items + " items sent", Duration.ofMinutes(10),
                        () -> rig.count(ItemStatus.SENT) == items, rig::describe);
                rates[run] = items / (Duration.between(start, Instant.now()).toNanos() / 1e9);
            }
        }
        return rates;
    }

    private static void enqueue(SyncRig rig, int items) throws Exception {
        Producers.inParallel(8, items, i -> rig.store.enqueue(EnqueueRequest.of("time_entry_event",
                "{\"type\":\"start\",\"at\":\"" + Instant.now() + "\"}").inGroup(UUID.randomUUID().toString(), true)));
    }
}
