package org.trackbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.trackbench.core.queue.BlobSource;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.sync.SyncState;
import org.trackbench.server.Faults;
import org.trackbench.testing.Await;
import org.trackbench.testing.SyncRig;

/**
 * Seven days offline: a week of time entries (start, pause, resume, stop) and their 200 KB screenshots queued while
 * the server refuses connections, the sync on its product defaults (backoff 1 s to 1 h, 16 concurrent, 60 s
 * poll) long enough in the outage for its health probes to be at their longest; then the time from the
 * server's return until everything is delivered.
 */
class OfflineWeekBenchmark {

    private static final int DAYS = 7;
    private static final int ENTRIES_PER_DAY = 6;
    private static final int SCREENSHOTS_PER_ENTRY = BenchSize.pick(1, 48);
    private static final Duration OUTAGE = Duration.ofSeconds(BenchSize.pick(3, 60));
    private static final int SCREENSHOT_BYTES = 200 * 1024;
    private static final String RETURN = "server's return to all delivered";

    @Test
    void aWeekOfflineDrainsAfterTheServerReturns() throws Exception {
        int entries = DAYS * ENTRIES_PER_DAY;
        int items = entries * (4 + SCREENSHOTS_PER_ENTRY);
        BenchmarkReport report = new BenchmarkReport("offline-week", "Seven days offline, then the server returns");
        report.add(Measurement.measure(RETURN, "s", BenchSize.pick(1, 3), () -> outageAndReturn(items)));
        report.limitGoal("< 60 s, nothing failed", RETURN, 60);
        report.note(String.format("Each run: %d time entries over %d days, %d events and %d screenshots of %d KB (%d items,"
                + " %d MB), queued with the server offline; the outage then lasts %d s more. Every run ends with all %d"
                + " items sent and none failed (asserted).", entries, DAYS, entries * 4, entries * SCREENSHOTS_PER_ENTRY,
                SCREENSHOT_BYTES / 1024, items, (long) entries * SCREENSHOTS_PER_ENTRY * SCREENSHOT_BYTES >> 20,
                OUTAGE.toSeconds(), items));
        report.write();

        assertTrue(Files.readString(report.markdown()).contains(RETURN));
    }

    private static double outageAndReturn(int items) throws Exception {
        try (SyncRig rig = SyncRig.start(Map.of("pollIntervalMillis", 60_000L, "backoffBaseMillis", 1_000L,
                "backoffCapMillis", 3_600_000L, "concurrency", 16, "connectTimeoutMillis", 10_000L,
                "responseTimeoutMillis", 30_000L))) {
            rig.server.setFaults(Faults.none().withOffline(true));
            queueAWeek(rig.store);
            Await.until("the sync notices the outage", Duration.ofMinutes(2),
                    () -> rig.sync.status().state() == SyncState.OFFLINE, rig::describe);
            Thread.sleep(OUTAGE.toMillis());

            rig.server.setFaults(Faults.none());
            long back = System.nanoTime();
            Await.until("all " + items + " items sent", Duration.ofMinutes(15),
                    () -> rig.count(ItemStatus.SENT) + rig.count(ItemStatus.FAILED) == items, rig::describe);
            double seconds = (System.nanoTime() - back) / 1e9;
            assertEquals(0, rig.count(ItemStatus.FAILED), rig::describe);
            return seconds;
        }
    }

    private static void queueAWeek(QueueStore store) {
        byte[] screenshot = new byte[SCREENSHOT_BYTES];
        Random random = new Random(20261127);
        Instant day = Instant.parse("2026-11-16T08:00:00Z");
        for (int d = 0; d < DAYS; d++, day = day.plus(1, ChronoUnit.DAYS)) {
            for (int e = 0; e < ENTRIES_PER_DAY; e++) {
                String entry = UUID.randomUUID().toString();
                Instant at = day.plus(e * 80L, ChronoUnit.MINUTES);
                event(store, entry, "start", at);
                for (int s = 0; s < SCREENSHOTS_PER_ENTRY; s++) {
                    random.nextBytes(screenshot);
                    store.enqueue(EnqueueRequest.of("screenshot", "{\"capturedAt\":\"" + at.plusSeconds(60L * s) + "\"}")
                            .inGroup(entry, false).withBlob(BlobSource.of(screenshot), "image/jpeg"));
                    if (s == SCREENSHOTS_PER_ENTRY / 2) {
                        event(store, entry, "pause", at.plusSeconds(60L * s + 1));
                        event(store, entry, "resume", at.plusSeconds(60L * s + 2));
                    }
                }
                event(store, entry, "stop", at.plus(75, ChronoUnit.MINUTES));
            }
        }
    }

    private static void event(QueueStore store, String entry, String type, Instant at) {
        store.enqueue(EnqueueRequest.of("time_entry_event", "{\"type\":\"" + type + "\",\"at\":\"" + at + "\"}")
                .inGroup(entry, true));
    }
}
