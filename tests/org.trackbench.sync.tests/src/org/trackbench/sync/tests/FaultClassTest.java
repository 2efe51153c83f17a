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
    @ValueSource(ints = { 400, 404, 409, 410, 413, 422 })
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

    @Test
    void aRefusalOfTheOldTokenAnsweredAfterANewSignInDoesNotAskForSignInAgain() {
        try (SyncRig f = SyncRig.withWrongToken()) {
            f.server.setFaults(Faults.none().withLatency(Duration.ofSeconds(2)));
            QueueItem item = startEvent(f);
            Await.until("the request with the old token is on its way", DELIVERY,
                    () -> statusOf(f, item) == ItemStatus.IN_FLIGHT, f::describe);

            f.tokens.setToken(f.server.baseUri(), f.token);
            f.sync.tokenChanged();

            Await.until("sent with the new token, no sign-in asked for", DELIVERY, () -> statusOf(f, item) == ItemStatus.SENT,
                    f::describe);
            assertEquals(SyncState.ONLINE, f.sync.status().state());
        }
    }

    @Test
    void aNewTokenDoesNotEndAnAdminsPause() {
        try (SyncRig f = SyncRig.withWrongToken()) {
            f.sync.pause();

            f.tokens.setToken(f.server.baseUri(), f.token);
            f.sync.tokenChanged();

            assertEquals(SyncState.PAUSED, f.sync.status().state());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 408, 425, 429, 500, 502, 503, 504 })
    void aPassingFailureIsRetriedWithoutSpendingAndDeliveredOnceItPasses(int status) {
        try (SyncRig f = SyncRig.start()) {
            f.server.setFaults(Faults.none().withErrorRate(status, 1.0));
            QueueItem item = startEvent(f);

            String answer = "HTTP " + status;
            Await.until("the answer is recorded", DELIVERY, () -> String.valueOf(f.store.find(item.id()).orElseThrow().lastError())
                    .startsWith(answer) || String.valueOf(f.sync.status().lastError()).startsWith(answer), f::describe);
            QueueItem waiting = f.store.find(item.id()).orElseThrow();
            assertTrue(waiting.status() == ItemStatus.PENDING || waiting.status() == ItemStatus.IN_FLIGHT, waiting.toString());

            f.server.setFaults(Faults.none());
            f.sync.syncNow();
            Await.until("delivered once the server is well", DELIVERY, () -> statusOf(f, item) == ItemStatus.SENT, f::describe);
            assertEquals(0, f.store.find(item.id()).orElseThrow().attempts(), "being unwell is the server's fault, not the item's");
            assertEquals(1, f.server.applied().size());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 301, 405, 407, 415, 501 })
    void aWrongServerOrAddressBacksOffAsAWholeAndSpendsNothing(int status) {
        try (SyncRig f = SyncRig.start()) {
            f.server.setFaults(Faults.none().withErrorRate(status, 1.0));
            QueueItem item = startEvent(f);

            Await.until("the sync backs off with the reason", DELIVERY, () -> f.sync.status().state() == SyncState.OFFLINE
                    && String.valueOf(f.sync.status().lastError()).contains("the server or its address is wrong"), f::describe);
            QueueItem waiting = f.store.find(item.id()).orElseThrow();
            assertTrue(waiting.status() == ItemStatus.PENDING || waiting.status() == ItemStatus.IN_FLIGHT, waiting.toString());
            assertEquals(0, waiting.attempts(), "a proxy in maintenance is not the item's fault");

            f.server.setFaults(Faults.none());
            f.sync.syncNow();
            Await.until("delivered once the server is right", DELIVERY, () -> statusOf(f, item) == ItemStatus.SENT, f::describe);
            assertEquals(0, f.store.find(item.id()).orElseThrow().attempts());
        }
    }

    @Test
    void anAbsurdRetryAfterIsClampedToTheCapAndTheSyncGoesOnByItself() {
        try (SyncRig f = SyncRig.start()) {
            f.server.setFaults(Faults.none().withErrorRate(503, 1.0).withRetryAfter(Duration.ofSeconds(Long.MAX_VALUE), false));
            QueueItem item = startEvent(f);
            Await.until("offline", DELIVERY, () -> f.sync.status().state() == SyncState.OFFLINE, f::describe);

            f.server.setFaults(Faults.none());

            Await.until("delivered without a 'sync now', within the backoff cap", DELIVERY,
                    () -> statusOf(f, item) == ItemStatus.SENT, f::describe);
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
