package org.trackbench.sync.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.trackbench.core.handler.EntityHandler;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.server.AppliedItem;
import org.trackbench.testing.Await;
import org.trackbench.testing.SyncRig;

/**
 * A screenshot that was due and is not there reaches the server as a marker with its reason, after its entry's start
 * and without waiting for anything else; a marker of an entry the server never saw is refused, not retried forever.
 */
class OmissionMarkerTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Test
    void aMarkerIsDeliveredWithItsReasonAfterTheStart() {
        try (SyncRig rig = SyncRig.start(Map.of(), Map.of())) {
            rig.configurations.await(EntityHandler.class, "(" + EntityHandler.ENTITY_TYPE + "=screenshot_omitted)");
            UUID entry = rig.track(Instant.now(), Duration.ofMinutes(5), "Private call");
            rig.store.enqueue(EnqueueRequest.of("screenshot_omitted", "{\"capturedAt\":\"" + Instant.now()
                    + "\",\"reason\":\"paused_by_user\"}").inGroup(entry.toString(), false));
            rig.awaitDelivered(DELIVERY);

            List<AppliedItem> applied = rig.server.applied().stream()
                    .filter(item -> entry.toString().equals(item.timeEntryId())).toList();
            assertEquals("event", applied.get(0).kind(), "the start first");
            assertTrue(applied.stream().anyMatch(item -> item.kind().equals("omission")
                    && item.detail().equals("paused_by_user")), applied.toString());
        }
    }

    @Test
    void aMarkerOfAnEntryTheServerNeverSawIsRefused() {
        try (SyncRig rig = SyncRig.start(Map.of(), Map.of())) {
            rig.configurations.await(EntityHandler.class, "(" + EntityHandler.ENTITY_TYPE + "=screenshot_omitted)");
            QueueItem marker = rig.store.enqueue(EnqueueRequest.of("screenshot_omitted", "{\"capturedAt\":\""
                    + Instant.now() + "\",\"reason\":\"excluded\"}").inGroup(UUID.randomUUID().toString(), false));

            Await.until("the marker refused", DELIVERY,
                    () -> rig.store.find(marker.id()).orElseThrow().status() == ItemStatus.FAILED, rig::describe);
            assertTrue(rig.store.find(marker.id()).orElseThrow().lastError().contains("HTTP 404"), rig.describe());
        }
    }
}
