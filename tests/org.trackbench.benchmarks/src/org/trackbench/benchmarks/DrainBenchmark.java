package org.trackbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
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
 * Draining queued events to the reference server on loopback, with 0 ms and 20 ms of injected latency: the
 * sync at its default concurrency against the same client sending one request at a time. The tracker
 * Trackbench replaces sent 10 items per 60-second tick; its rate is computed, not measured.
 */
class DrainBenchmark {

    private static final int ITEMS = BenchSize.pick(300, 10_000);
    /** One at a time at 20 ms would take minutes for 10,000 items; its rate settles long before. */
    private static final int SEQUENTIAL_ITEMS = Math.min(ITEMS, 1_000);
    private static final int DEFAULT_CONCURRENCY = 16;

    @Test
    void drainToTheReferenceServer() throws Exception {
        BenchmarkReport report = new BenchmarkReport("drain", "Draining " + ITEMS + " queued events to the reference server");
        for (int latency : new int[] { 0, 20 }) {
            report.add(Measurement.measure(oneAtATime(latency), "items/s", () -> drain(1, latency, SEQUENTIAL_ITEMS)));
            report.add(Measurement.measure(sync(latency), "items/s", () -> drain(DEFAULT_CONCURRENCY, latency, ITEMS)));
        }
        report.add(new Measurement("replaced tracker: 10 items per 60 s tick (computed)", "items/s", new double[] { 10 / 60.0 }));
        report.ratioGoal("20 ms: ≥ 10× one at a time", sync(20), oneAtATime(20), 10);
        report.note("One at a time sends " + SEQUENTIAL_ITEMS + " items per run; each event is its own time entry, so"
                + " ordering does not serialise them.");
        report.write();

        assertTrue(Files.readString(report.markdown()).contains(sync(20)));
    }

    private static String oneAtATime(int latency) {
        return "one request at a time, " + latency + " ms latency";
    }

    private static String sync(int latency) {
        return "sync, " + DEFAULT_CONCURRENCY + " concurrent (default), " + latency + " ms latency";
    }

    private static double drain(int concurrency, int latencyMillis, int items) throws Exception {
        try (SyncRig rig = SyncRig.start(Map.of("concurrency", concurrency, "pollIntervalMillis", 60_000L))) {
            rig.sync.pause();
            Producers.inParallel(8, items, i -> rig.store.enqueue(EnqueueRequest.of("time_entry_event",
                    "{\"type\":\"start\",\"at\":\"" + Instant.now() + "\"}").inGroup(UUID.randomUUID().toString(), true)));
            rig.server.setFaults(Faults.none().withLatency(Duration.ofMillis(latencyMillis)));
            long start = System.nanoTime();
            rig.sync.resume();
            Await.until(items + " items sent", Duration.ofMinutes(10), () -> rig.count(ItemStatus.SENT) == items,
                    rig::describe);
            return items / ((System.nanoTime() - start) / 1e9);
        }
    }
}
