package org.trackbench.sync.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trackbench.testing.SyncRig.seconds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.trackbench.core.handler.EntityHandler;
import org.trackbench.core.handler.OutboundRequest;
import org.trackbench.core.queue.BlobSource;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.sync.SyncEvents;
import org.trackbench.core.sync.SyncService;
import org.trackbench.core.sync.SyncState;
import org.trackbench.core.sync.SyncStatus;
import org.trackbench.server.AppliedItem;
import org.trackbench.server.Faults;
import org.trackbench.testing.Await;
import org.trackbench.testing.Producers;
import org.trackbench.testing.SyncRig;

/** The sync service against the real reference server on loopback, in Equinox. */
class SyncTest {

    private static final Duration DELIVERY = seconds(30);

    private static QueueItem event(SyncRig f, String entry, String type) {
        return f.store.enqueue(EnqueueRequest.of("time_entry_event",
                "{\"type\":\"" + type + "\",\"at\":\"" + Instant.now() + "\"}").inGroup(entry, true));
    }

    private static QueueItem screenshot(SyncRig f, String entry, int bytes) {
        return f.store.enqueue(EnqueueRequest.of("screenshot", "{\"capturedAt\":\"" + Instant.now() + "\"}")
                .inGroup(entry, false).withBlob(BlobSource.of(new byte[bytes]), "image/jpeg"));
    }

    private static void awaitAllSent(SyncRig f, long count) {
        Await.until(count + " items sent", DELIVERY, () -> f.count(ItemStatus.SENT) == count, f::describe);
    }

    @Test
    void deliversTimeEntryEventsAndScreenshots() {
        SyncRig f = SyncRig.start();
        String entry = UUID.randomUUID().toString();

        event(f, entry, "start");
        screenshot(f, entry, 200 * 1024);
        event(f, entry, "stop");

        awaitAllSent(f, 3);
        List<AppliedItem> applied = f.server.applied();
        List<String> details = applied.stream().map(AppliedItem::detail).toList();
        assertEquals("start", details.get(0), "the start goes first: " + details);
        assertEquals(Set.of("start", "image/jpeg", "stop"), Set.copyOf(details), "the stop need not wait for the screenshot");
        assertEquals(200 * 1024, applied.get(details.indexOf("image/jpeg")).bytes());
        assertEquals(0, f.store.unsentBlobBytes(), "blobs are dropped once sent");
        assertEquals(SyncState.ONLINE, f.sync.status().state());
        assertTrue(f.sync.status().lastSuccess() != null);
        assertTrue(f.sync.clockOffset().orElseThrow().abs().compareTo(Duration.ofSeconds(2)) < 0,
                "the server's clock is read from its answers, and here it is this machine's");
        assertTrue(f.sync.status().clockWarning().isEmpty());
    }

    @Test
    void serverErrorsAreRetriedWithoutSpendingAttempts() {
        SyncRig f = SyncRig.start();
        f.server.setFaults(Faults.none().withErrorRate(500, 1.0));
        QueueItem start = event(f, UUID.randomUUID().toString(), "start");

        Await.until("the 500 is recorded", DELIVERY,
                () -> f.store.find(start.id()).orElseThrow().error().orElse("").contains("HTTP 500"), f::describe);
        f.server.setFaults(Faults.none());

        awaitAllSent(f, 1);
        assertEquals(0, f.store.find(start.id()).orElseThrow().attempts());
        assertEquals(1, f.server.applied().size());
    }

    @Test
    void retryAfterIsHonoured() {
        SyncRig f = SyncRig.start(Map.of("backoffCapMillis", 10_000L));
        f.server.setFaults(Faults.none().withErrorRate(500, 1.0).withRetryAfter(Duration.ofSeconds(2), false));
        QueueItem start = event(f, UUID.randomUUID().toString(), "start");

        Await.until("the 500 is recorded", DELIVERY,
                () -> f.store.find(start.id()).orElseThrow().error().orElse("").contains("HTTP 500"), f::describe);
        QueueItem waiting = f.store.find(start.id()).orElseThrow();
        f.server.setFaults(Faults.none());
        awaitAllSent(f, 1);

        Duration asked = Duration.between(waiting.lastAttemptAt(), waiting.nextAttemptAt());
        assertTrue(asked.compareTo(Duration.ofMillis(1_900)) >= 0, "next attempt follows Retry-After: " + asked);
        Instant applied = f.server.applied().get(0).appliedAt();
        assertTrue(!applied.isBefore(waiting.nextAttemptAt().minusMillis(50)),
                "not sent before Retry-After elapsed: applied " + applied + ", allowed from " + waiting.nextAttemptAt());
    }

    @Test
    void retryAfterAsHttpDateIsHonoured() {
        SyncRig f = SyncRig.start(Map.of("backoffCapMillis", 10_000L));
        f.server.setFaults(Faults.none().withErrorRate(503, 1.0).withRetryAfter(Duration.ofSeconds(3), true));
        event(f, UUID.randomUUID().toString(), "start");

        Await.until("the sync goes offline", DELIVERY, () -> f.sync.status().state() == SyncState.OFFLINE, f::describe);
        Instant offlineAt = Instant.now();
        Instant nextRun = f.sync.status().nextRun();
        f.server.setFaults(Faults.none());
        awaitAllSent(f, 1);

        assertTrue(Duration.between(offlineAt, nextRun).compareTo(Duration.ofMillis(1_000)) >= 0,
                "the job waits for the HTTP date (second resolution): next run " + nextRun + " after " + offlineAt);
    }

    @Test
    void aLongOutageSpendsNoAttemptsAndFailsNothing() throws Exception {
        SyncRig f = SyncRig.start(Map.of("maxAttempts", 2, "backoffBaseMillis", 5L, "backoffCapMillis", 100L));
        f.server.setFaults(Faults.none().withOffline(true));
        int items = 2_000;
        enqueueEntries(f, items / 4);

        Set<Instant> offlineRuns = ConcurrentHashMap.newKeySet();
        ServiceRegistration<EventHandler> watch = watchStatus(status -> {
            if (status.state() == SyncState.OFFLINE && status.nextRun() != null) {
                offlineRuns.add(status.nextRun());
            }
        });
        try {
            Await.until("the job has tried five times in the outage", DELIVERY, () -> offlineRuns.size() >= 5, f::describe);
        } finally {
            watch.unregister();
        }
        assertEquals(0, f.count(ItemStatus.FAILED), "five tries spend more than the 2-attempt budget if any counted");
        assertEquals(0, f.count(ItemStatus.SENT));

        f.server.setFaults(Faults.none());

        awaitAllSent(f, items);
        assertEquals(0, f.count(ItemStatus.FAILED));
        assertTrue(f.items().stream().allMatch(item -> item.attempts() == 0), "no attempt was spent");
        assertEquals(items, new HashSet<>(f.server.applied().stream().map(AppliedItem::idempotencyKey).toList()).size());
    }

    @Test
    void aRejectedItemFailsWithItsReasonWhileOthersFlow() {
        SyncRig f = SyncRig.start();
        QueueItem orphan = event(f, UUID.randomUUID().toString(), "pause");
        String entry = UUID.randomUUID().toString();
        event(f, entry, "start");
        event(f, entry, "stop");

        Await.until("the orphan fails", DELIVERY, () -> f.count(ItemStatus.FAILED) == 1, f::describe);
        awaitAllSent(f, 2);
        QueueItem failed = f.store.find(orphan.id()).orElseThrow();
        assertEquals(ItemStatus.FAILED, failed.status());
        assertTrue(failed.lastError().contains("HTTP 404") && failed.lastError().contains("never started"),
                failed.lastError());
    }

    @Test
    void aRefusedTokenPausesSyncAndSpendsNothing() {
        SyncRig f = SyncRig.withWrongToken();
        QueueItem start = event(f, UUID.randomUUID().toString(), "start");

        Await.until("sign-in is needed", DELIVERY, () -> f.sync.status().state() == SyncState.SIGN_IN_NEEDED,
                f::describe);
        QueueItem waiting = f.store.find(start.id()).orElseThrow();
        assertEquals(ItemStatus.PENDING, waiting.status());
        assertEquals(0, waiting.attempts());
        assertTrue(!f.sync.status().lastError().contains(f.clientToken), "the status never shows the token it sent");

        f.tokens.setToken(f.server.baseUri(), f.token);
        f.sync.resume();

        awaitAllSent(f, 1);
        assertEquals(SyncState.ONLINE, f.sync.status().state());
    }

    @Test
    void eventsArriveInOrderUnderConcurrencyAndFaults() throws Exception {
        SyncRig f = SyncRig.start(Map.of("concurrency", 8));
        f.server.setFaults(Faults.none().withErrorRate(503, 0.1).withErrorRate(500, 0.1).withDrops(0.05, 0.05));
        int entries = 40;
        enqueueEntries(f, entries);

        awaitAllSent(f, entries * 4L);
        f.server.setFaults(Faults.none());
        assertEquals(0, f.count(ItemStatus.FAILED), "the server answers 404/409 to anything out of order");
        Map<String, List<String>> perEntry = new HashMap<>();
        for (AppliedItem item : f.server.applied()) {
            perEntry.computeIfAbsent(item.timeEntryId(), k -> new ArrayList<>()).add(item.detail());
        }
        assertEquals(entries, perEntry.size());
        for (List<String> sequence : perEntry.values()) {
            assertEquals(List.of("start", "pause", "stop"),
                    sequence.stream().filter(detail -> !detail.equals("image/jpeg")).toList(), sequence.toString());
            assertTrue(sequence.indexOf("image/jpeg") > 0, "the screenshot follows the start: " + sequence);
        }
    }

    @Test
    void aLostResponseIsResentAndAppliedOnce() {
        SyncRig f = SyncRig.start();
        f.server.setFaults(Faults.none().withDrops(0, 1.0));
        event(f, UUID.randomUUID().toString(), "start");

        Await.until("the server applied it", DELIVERY, () -> f.server.applied().size() == 1, f::describe);
        Await.until("the client retried", DELIVERY, () -> f.server.stats().duplicatesSuppressed() >= 1
                || f.server.stats().faultsInjected() >= 2, f::describe);
        f.server.setFaults(Faults.none());

        awaitAllSent(f, 1);
        assertEquals(1, f.server.applied().size(), "applied once");
        assertTrue(f.server.stats().duplicatesSuppressed() >= 1, f.server.stats().toString());
    }

    @Test
    void aSlowServerTimesOutAndTheRetryIsAppliedOnce() {
        SyncRig f = SyncRig.start(Map.of("responseTimeoutMillis", 300L));
        f.server.setFaults(Faults.none().withLatency(Duration.ofMillis(800)));
        QueueItem start = event(f, UUID.randomUUID().toString(), "start");

        Await.until("the timeout is recorded", DELIVERY,
                () -> f.store.find(start.id()).orElseThrow().lastError() != null, f::describe);
        f.server.setFaults(Faults.none());

        awaitAllSent(f, 1);
        Await.until("the slow request finished on the server", DELIVERY, () -> f.server.applied().size() == 1);
        assertEquals(0, f.store.find(start.id()).orElseThrow().attempts());
        assertEquals(1, f.server.applied().size());
    }

    @Test
    void aConnectionResetMidUploadIsRetried() {
        SyncRig f = SyncRig.start();
        String entry = UUID.randomUUID().toString();
        event(f, entry, "start");
        awaitAllSent(f, 1);
        f.server.setFaults(Faults.none().withDrops(1.0, 0));
        QueueItem shot = screenshot(f, entry, 2 * 1024 * 1024);

        Await.until("the reset is recorded", DELIVERY,
                () -> f.store.find(shot.id()).orElseThrow().lastError() != null, f::describe);
        f.server.setFaults(Faults.none());

        awaitAllSent(f, 2);
        assertEquals(2, f.server.applied().size());
        assertEquals(0, f.store.find(shot.id()).orElseThrow().attempts());
    }

    @Test
    void anItemWithoutAHandlerWaitsAndIsNotFailed() {
        SyncRig f = SyncRig.start();
        QueueItem note = f.store.enqueue(EnqueueRequest.of("note", "{\"text\":\"no plug-in for me\"}"));
        event(f, UUID.randomUUID().toString(), "start");

        awaitAllSent(f, 1);
        Await.until("the wait is visible", DELIVERY,
                () -> f.sync.status().typesWithoutHandler().contains("note"), f::describe);
        QueueItem waiting = f.store.find(note.id()).orElseThrow();
        assertEquals(ItemStatus.PENDING, waiting.status());
        assertEquals(0, waiting.attempts());
        assertEquals("no handler installed for entity type note", waiting.lastError());
    }

    @Test
    void itemsWaitingForAHandlerGoAsSoonAsOneArrives() {
        SyncRig f = SyncRig.start(Map.of("pollIntervalMillis", 600_000L));
        QueueItem note = f.store.enqueue(EnqueueRequest.of("note", "{\"text\":\"waits for its plug-in\"}"));
        Await.until("the note waits", DELIVERY, () -> f.sync.status().typesWithoutHandler().contains("note"), f::describe);

        ServiceRegistration<EntityHandler> plugin = FrameworkUtil.getBundle(SyncTest.class).getBundleContext()
                .registerService(EntityHandler.class, new NoteHandler(), new Hashtable<>(Map.of(EntityHandler.ENTITY_TYPE, "note")));
        try {
            Await.until("the note is sent well before the 10-minute poll", DELIVERY,
                    () -> f.store.find(note.id()).orElseThrow().status() == ItemStatus.SENT, f::describe);
        } finally {
            plugin.unregister();
        }
        assertEquals(1L, f.server.stats().receivedByKind().get("note"));
        assertTrue(f.sync.status().typesWithoutHandler().isEmpty());
    }

    /** What a plug-in bundle would register for its own entity type. */
    private static final class NoteHandler implements EntityHandler {

        @Override
        public String entityType() {
            return "note";
        }

        @Override
        public void validate(String payloadJson) {
            // The store already checked that it is a JSON object; this test needs no more.
        }

        @Override
        public OutboundRequest request(QueueItem item) {
            return OutboundRequest.postJson("/api/v1/items/note");
        }

        @Override
        public String summary(QueueItem item) {
            return "note " + item.id();
        }
    }

    private static ServiceRegistration<EventHandler> watchStatus(Consumer<SyncStatus> watcher) {
        return FrameworkUtil.getBundle(SyncTest.class).getBundleContext().registerService(EventHandler.class, event -> {
            if (event.getProperty(SyncEvents.STATUS) instanceof SyncStatus status) {
                watcher.accept(status);
            }
        }, new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, SyncEvents.TOPIC_STATUS)));
    }

    @Test
    void aSettingsChangeIsAppliedInPlaceKeepingTheServiceAndAPause() {
        SyncRig f = SyncRig.start();
        f.sync.pause();

        SyncService changed = f.reconfigure(Map.of("concurrency", 2, "pollIntervalMillis", 700L));

        assertSame(f.sync, changed, "the same service, changed in place");
        assertEquals(SyncState.PAUSED, changed.status().state(), "a pause outlives a settings change");
        event(f, UUID.randomUUID().toString(), "start");
        changed.resume();
        awaitAllSent(f, 1);
    }

    @Test
    void pauseHoldsDeliveryAndResumeReleasesIt() throws InterruptedException {
        SyncRig f = SyncRig.start();
        f.sync.pause();
        event(f, UUID.randomUUID().toString(), "start");

        CountDownLatch ran = new CountDownLatch(1);
        ServiceRegistration<EventHandler> watch = watchStatus(status -> ran.countDown());
        try {
            f.sync.syncNow();
            assertTrue(ran.await(DELIVERY.toSeconds(), TimeUnit.SECONDS), "a run happened while paused");
        } finally {
            watch.unregister();
        }
        assertEquals(SyncState.PAUSED, f.sync.status().state());
        assertEquals(0, f.server.applied().size(), "nothing is sent while paused");

        f.sync.resume();

        awaitAllSent(f, 1);
    }

    @Test
    void onceAPauseReturnsNothingMoreIsClaimed() throws InterruptedException {
        SyncRig f = SyncRig.start();
        f.server.setFaults(Faults.none().withLatency(Duration.ofMillis(50)));
        for (int i = 0; i < 300; i++) {
            event(f, UUID.randomUUID().toString(), "start");
        }
        Await.until("delivery under way", DELIVERY, () -> f.count(ItemStatus.SENT) > 0, f::describe);

        f.sync.pause();
        // The job ends its run once the requests in flight are answered; paused, it only wakes to report health.
        Await.until("no sync run is under way", DELIVERY, () -> Arrays.stream(Job.getJobManager()
                .find(SyncService.JOB_FAMILY)).noneMatch(job -> job.getState() == Job.RUNNING), f::describe);
        long pending = f.count(ItemStatus.PENDING);

        assertTrue(pending > 0, "the pause came before the end: " + f.describe());
        assertEquals(0, f.count(ItemStatus.IN_FLIGHT), "requests in flight finish; no pending item is claimed");
        f.sync.resume();
        awaitAllSent(f, 300);
    }

    @Test
    void aPauseOutlivesAChangeOfSettings() {
        SyncRig f = SyncRig.start();
        f.sync.pause();

        SyncService restarted = f.reconfigure(Map.of("pollIntervalMillis", 700L));
        event(f, UUID.randomUUID().toString(), "start");
        restarted.syncNow();

        assertEquals(SyncState.PAUSED, restarted.status().state(), "the new sync is paused as the old one was");
        restarted.resume();
        awaitAllSent(f, 1);
    }

    @Test
    void anEnqueueWakesTheIdleJob() {
        SyncRig f = SyncRig.start(Map.of("pollIntervalMillis", 600_000L, "healthIntervalSeconds", 3_600L));
        event(f, UUID.randomUUID().toString(), "start");
        awaitAllSent(f, 1);
        Await.until("the job sleeps", DELIVERY, () -> f.sync.status().nextRun() != null
                && f.sync.status().nextRun().isAfter(Instant.now().plusSeconds(60)), f::describe);

        long enqueuedAt = System.nanoTime();
        event(f, UUID.randomUUID().toString(), "start");
        awaitAllSent(f, 2);

        Duration took = Duration.ofNanos(System.nanoTime() - enqueuedAt);
        assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "woken by the enqueue, not the 10-minute poll: " + took);
    }

    /** Each entry: start, screenshot, pause, stop — enqueued by 4 producers, each entry by one. */
    private static void enqueueEntries(SyncRig f, int entries) throws Exception {
        Producers.inParallel(4, entries, e -> {
            String entry = UUID.randomUUID().toString();
            event(f, entry, "start");
            screenshot(f, entry, 1024);
            event(f, entry, "pause");
            event(f, entry, "stop");
        });
    }
}
