package org.trackbench.sync.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.trackbench.testing.SyncRig.seconds;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.server.Faults;
import org.trackbench.testing.Await;
import org.trackbench.testing.SyncRig;

/** When the sync job runs next, and what a stop leaves behind: the real job against the real server. */
class SyncSchedulingTest {

    private static final Duration DELIVERY = seconds(30);

    @Test
    void itemsHeldBehindABackingOffPredecessorDoNotWakeTheJob() {
        try (SyncRig f = SyncRig.start(Map.of("pollIntervalMillis", 60_000L, "backoffCapMillis", 60_000L))) {
            f.server.setFaults(Faults.none().withErrorRate(500, 1.0).withRetryAfter(Duration.ofSeconds(30), false));
            String entry = UUID.randomUUID().toString();
            QueueItem start = event(f, entry, "start");
            event(f, entry, "stop");

            Await.until("the start waits for its retry", DELIVERY,
                    () -> String.valueOf(f.store.find(start.id()).orElseThrow().lastError()).startsWith("HTTP 500"), f::describe);

            Instant retry = f.store.find(start.id()).orElseThrow().nextAttemptAt();
            Await.until("the job sleeps until the start's retry, not 'now' for the stop that was due at once", DELIVERY,
                    () -> f.sync.status().nextRun() != null && !f.sync.status().nextRun().isBefore(retry.minusSeconds(1)),
                    f::describe);
        }
    }

    @Test
    void aSettingsChangeDuringASlowBatchLeavesNoItemClaimed() {
        try (SyncRig f = SyncRig.start(Map.of("concurrency", 1, "connectTimeoutMillis", 1_000L, "responseTimeoutMillis", 1_000L))) {
            f.server.setFaults(Faults.none().withLatency(Duration.ofSeconds(3)));
            f.sync.pause();
            for (int i = 0; i < 4; i++) {
                event(f, UUID.randomUUID().toString(), "start");
            }
            f.sync.resume();
            Await.until("one batch of four is claimed", DELIVERY, () -> f.count(ItemStatus.IN_FLIGHT) == 4, f::describe);

            f.sync.pause();
            f.reconfigure(Map.of("pollIntervalMillis", 600L));

            Await.until("every claimed item is recorded, none left to its lease", DELIVERY,
                    () -> f.count(ItemStatus.IN_FLIGHT) == 0, f::describe);
            assertEquals(4, f.count(ItemStatus.PENDING) + f.count(ItemStatus.SENT), f.describe());
            f.items().forEach(item -> assertEquals(0, item.attempts(), "a stopping sync is nobody's fault: " + item));
        }
    }

    private static QueueItem event(SyncRig f, String entry, String type) {
        String payload = "{\"type\":\"" + type + "\",\"at\":\"" + Instant.now() + "\"}";
        return f.store.enqueue(EnqueueRequest.of("time_entry_event", payload).inGroup(entry, true));
    }
}
