package org.trackbench.sync.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trackbench.testing.SyncRig.seconds;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.sync.SyncState;
import org.trackbench.server.Faults;
import org.trackbench.testing.Await;
import org.trackbench.testing.SyncRig;

/**
 * Each answer class of ../shared/DESIGN.md, provoked at the real reference server: the server answers every
 * request with the status under test, and the item ends where the design says.
 */
class FaultClassTest {

    private static final Duration DELIVERY = seconds(30);

    @ParameterizedTest
    @ValueSource(ints = { 400, 404, 409, 413, 422 })
    void anAnswerThatBlamesTheItemFailsItWithTheServersReason(int status) {
        try (SyncRig f = SyncRig.start()) {
            f.server.setFaults(Faults.none().withErrorRate(status, 1.0));
            QueueItem item = startEvent(f);

            Await.until("the item is a dead letter", DELIVERY, () -> statusOf(f, item) == ItemStatus.FAILED, f::describe);
            QueueItem failed = f.store.find(item.id()).orElseThrow();
            assertTrue(failed.lastError().contains(String.valueOf(status)) && failed.lastError().contains("fault injected"),
                    failed.lastError());
            assertEquals(0, f.server.applied().size());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 401, 403 })
    void aRefusedTokenPausesTheSyncAndSpendsNothing(int status) {
        try (SyncRig f = SyncRig.start()) {
            f.server.setFaults(Faults.none().withErrorRate(status, 1.0));
            QueueItem item = startEvent(f);

            Await.until("sign-in needed", DELIVERY, () -> f.sync.status().state() == SyncState.SIGN_IN_NEEDED, f::describe);
            QueueItem waiting = f.store.find(item.id()).orElseThrow();
            assertEquals(ItemStatus.PENDING, waiting.status());
            assertEquals(0, waiting.attempts());

            f.server.setFaults(Faults.none());
            f.sync.resume();
            Await.until("sent after sign-in", DELIVERY, () -> statusOf(f, item) == ItemStatus.SENT, f::describe);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 408, 425, 429, 500, 502, 503, 504 })
    void aPassingFailureIsRetriedWithoutSpendingAndDeliveredOnceItPasses(int status) {
        try (SyncRig f = SyncRig.start()) {
            f.server.setFaults(Faults.none().withErrorRate(status, 1.0));
            QueueItem item = startEvent(f);

            Await.until("the failure is recorded", DELIVERY,
                    () -> f.store.find(item.id()).orElseThrow().lastError() != null || f.sync.status().lastError() != null,
                    f::describe);
            QueueItem waiting = f.store.find(item.id()).orElseThrow();
            assertTrue(waiting.status() == ItemStatus.PENDING || waiting.status() == ItemStatus.IN_FLIGHT, waiting.toString());

            f.server.setFaults(Faults.none());
            f.sync.syncNow();
            Await.until("delivered once the server is well", DELIVERY, () -> statusOf(f, item) == ItemStatus.SENT, f::describe);
            assertEquals(0, f.store.find(item.id()).orElseThrow().attempts(), "being unwell is the server's fault, not the item's");
            assertEquals(1, f.server.applied().size());
        }
    }

    @Test
    void aHostNameThatDoesNotResolveIsBeingOfflineNotAFailure() {
        URI nowhere = URI.create("https://trackbench-server.invalid");
        try (SyncRig f = SyncRig.start(Map.of("serverUrl", nowhere.toString()))) {
            f.tokens.setToken(nowhere, f.token);
            f.sync.resume();
            QueueItem item = startEvent(f);

            Await.until("offline", DELIVERY, () -> f.sync.status().state() == SyncState.OFFLINE, f::describe);
            assertTrue(f.sync.status().lastError().contains("trackbench-server.invalid"), f.sync.status().lastError());
            QueueItem waiting = f.store.find(item.id()).orElseThrow();
            assertEquals(ItemStatus.PENDING, waiting.status());
            assertEquals(0, waiting.attempts());
            f.tokens.setToken(nowhere, null);
        }
    }

    private static QueueItem startEvent(SyncRig f) {
        return f.store.enqueue(EnqueueRequest.of("time_entry_event", "{\"type\":\"start\",\"at\":\"" + Instant.now() + "\"}")
                .inGroup(UUID.randomUUID().toString(), true));
    }

    private static ItemStatus statusOf(SyncRig f, QueueItem item) {
        return f.store.find(item.id()).orElseThrow().status();
    }
}
