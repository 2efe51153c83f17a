package org.trackbench.queue.derby.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.trackbench.core.queue.AttemptOutcome;
import org.trackbench.core.queue.BlobSource;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.FailureGroup;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueException;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueuePage;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.queue.UnknownItemException;
import org.trackbench.testing.Producers;

/**
 * The {@link QueueStore} contract, written once and run against every implementation: each subclass
 * supplies a fresh store per test and knows how to restart it as a crash would.
 */
public abstract class QueueStoreContractTest {

    protected static final Duration LEASE = Duration.ofMinutes(5);

    /** The store under test, empty at the start of each test. */
    protected abstract QueueStore store();

    /** Stops the store without releasing its leases, as a killed process would, and opens it again. */
    protected abstract QueueStore restartAsAfterCrash();

    /** The same store reopened with a different blob size limit. */
    protected abstract QueueStore withMaxBlobBytes(long maxBlobBytes);

    // --- given/when helpers -----------------------------------------------------------------------

    protected QueueItem givenEvent(String group, String type) {
        return store().enqueue(EnqueueRequest.of("time_entry_event", "{\"type\":\"" + type + "\",\"at\":\"2026-11-30T09:00:00Z\"}").inGroup(group, true));
    }

    protected QueueItem givenScreenshot(String group, byte[] image) {
        return store().enqueue(EnqueueRequest.of("screenshot", "{\"capturedAt\":\"2026-11-26T10:00:00Z\"}")
                .inGroup(group, false).withBlob(BlobSource.of(image), "image/jpeg"));
    }

    protected QueueItem givenNote(String text) {
        return store().enqueue(EnqueueRequest.of("note", "{\"text\":\"" + text + "\"}"));
    }

    protected List<Long> claimIds(int max) {
        return store().claim(max, LEASE).stream().map(QueueItem::id).toList();
    }

    protected QueueItem reread(QueueItem item) {
        return store().find(item.id()).orElseThrow();
    }

    protected static AttemptOutcome retryLater(String error, boolean counts) {
        return new AttemptOutcome(Instant.now().plus(Duration.ofHours(1)), error, counts);
    }

    protected static AttemptOutcome retryNow(String error, boolean counts) {
        return new AttemptOutcome(Instant.now().minusMillis(1), error, counts);
    }

    // --- enqueue and the delivery transitions ------------------------------------------------------

    @Test
    void enqueueStoresThePendingItemAsGiven() {
        UUID key = UUID.randomUUID();
        QueueItem item = store().enqueue(EnqueueRequest.of("note", "{\"text\":\"hello\"}").withIdempotencyKey(key));

        QueueItem stored = reread(item);
        assertEquals(item, stored);
        assertEquals(ItemStatus.PENDING, stored.status());
        assertEquals("note", stored.entityType());
        assertEquals(key, stored.idempotencyKey());
        assertEquals("{\"text\":\"hello\"}", stored.payload());
        assertEquals(0, stored.attempts());
        assertFalse(stored.hasBlob());
    }

    @Test
    void claimLeasesDueItemsOldestFirstAndOnlyOnce() {
        QueueItem first = givenNote("a");
        QueueItem second = givenNote("b");

        assertEquals(List.of(first.id(), second.id()), claimIds(10));
        assertEquals(ItemStatus.IN_FLIGHT, reread(first).status());
        assertTrue(reread(first).lastAttempt().isPresent());
        assertEquals(List.of(), claimIds(10), "an item under lease is not claimed twice");
    }

    @Test
    void claimTakesAtMostTheRequestedNumber() {
        givenNote("a");
        givenNote("b");
        givenNote("c");

        assertEquals(2, claimIds(2).size());
        assertEquals(1, claimIds(2).size());
    }

    @Test
    void sentItemDropsItsBlob() throws IOException {
        QueueItem shot = givenScreenshot("entry-1", new byte[] { 1, 2, 3 });
        assertTrue(shot.hasBlob());
        assertEquals(3, shot.blobSize());
        try (InputStream in = store().openBlob(shot.id())) {
            assertArrayEquals(new byte[] { 1, 2, 3 }, in.readAllBytes());
        }
        claimIds(1);

        store().markSent(shot.id());

        QueueItem sent = reread(shot);
        assertEquals(ItemStatus.SENT, sent.status());
        assertFalse(sent.hasBlob());
        assertEquals(0, store().unsentBlobBytes());
        QueueException gone = assertThrows(QueueException.class, () -> store().openBlob(shot.id()));
        assertTrue(gone.getMessage().contains("dropped once sent"), gone.getMessage());
    }

    @Test
    void anItemHeldUntilLaterIsNotClaimedBeforeAndTheSyncWakesThen() {
        Instant later = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        QueueItem held = store().enqueue(EnqueueRequest.of("note", "{\"text\":\"under review\"}").notBefore(later));
        QueueItem now = store().enqueue(EnqueueRequest.of("note", "{\"text\":\"sent at once\"}")
                .notBefore(Instant.now().minusSeconds(60)));

        assertEquals(later, held.nextAttemptAt());
        assertEquals(later, reread(held).nextAttemptAt());
        assertEquals(List.of(now.id()), claimIds(10), "a not-before in the past holds nothing");
        store().markSent(now.id());
        assertEquals(later, store().earliestNextAttempt().orElseThrow(), "the sync wakes when the hold ends");
    }

    @Test
    void aReplacedItemTakesItsPlaceAndLeavesNoBlob() throws IOException {
        QueueItem start = givenEvent("entry-1", "start");
        QueueItem shot = store().enqueue(EnqueueRequest.of("screenshot", "{\"capturedAt\":\"2026-11-26T10:00:00Z\"}")
                .inGroup("entry-1", false).withBlob(BlobSource.of(new byte[] { 1, 2, 3 }), "image/jpeg")
                .notBefore(Instant.now().plus(Duration.ofHours(1))));
        QueueItem stop = givenEvent("entry-1", "stop");

        QueueItem marker = store().replace(shot.id(), EnqueueRequest.of("screenshot_omitted",
                "{\"capturedAt\":\"2026-11-26T10:00:00Z\",\"reason\":\"deleted_by_user\"}").inGroup("entry-1", false));

        assertEquals(shot.id(), marker.id(), "same id, same place in its group");
        assertEquals(marker, reread(shot));
        assertEquals("screenshot_omitted", marker.entityType());
        assertFalse(marker.hasBlob());
        assertEquals(0, store().unsentBlobBytes(), "the bytes are gone");
        assertThrows(QueueException.class, () -> store().openBlob(shot.id()));
        assertFalse(marker.idempotencyKey().equals(shot.idempotencyKey()), "a new record, under a new key");
        assertEquals(List.of(start.id()), claimIds(10), "held no more, it still comes after the entry's start");
        store().markSent(start.id());
        assertEquals(List.of(shot.id(), stop.id()), claimIds(10), "and before its stop");
    }

    @Test
    void onlyAnUnsentUnorderedItemIsReplacedAndARefusalChangesNothing() throws IOException {
        QueueItem start = givenEvent("entry-1", "start");
        QueueItem shot = givenScreenshot("entry-1", new byte[] { 4, 5 });
        EnqueueRequest marker = EnqueueRequest.of("screenshot_omitted",
                "{\"capturedAt\":\"2026-11-26T10:00:00Z\",\"reason\":\"evicted_over_quota\"}").inGroup("entry-1", false);

        assertRefused("an ordered member", () -> store().replace(start.id(), marker));
        assertRefused("expected an unordered member of group entry-1",
                () -> store().replace(shot.id(), marker.inGroup("entry-2", false)));
        assertRefused("without a blob", () -> store().replace(shot.id(),
                marker.withBlob(BlobSource.of(new byte[] { 1 }), "image/png")));
        assertThrows(UnknownItemException.class, () -> store().replace(Long.MAX_VALUE, marker));
        claimIds(10);
        store().markSent(start.id());
        assertEquals(List.of(shot.id()), claimIds(10));
        assertRefused("is in_flight", () -> store().replace(shot.id(), marker));
        store().markSent(shot.id());
        assertRefused("is sent", () -> store().replace(shot.id(), marker));

        assertEquals("screenshot", reread(shot).entityType(), "nothing was changed by a refusal");
        assertEquals("time_entry_event", reread(start).entityType());
    }

    private static void assertRefused(String expected, org.junit.jupiter.api.function.Executable change) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, change);
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }

    @Test
    void rescheduleWaitsUntilTheNextAttemptAndCountsOnlyWhenAsked() {
        QueueItem item = givenNote("a");
        claimIds(1);

        store().reschedule(item.id(), retryLater("connection refused", false));

        QueueItem waiting = reread(item);
        assertEquals(ItemStatus.PENDING, waiting.status());
        assertEquals(0, waiting.attempts(), "an unreachable server does not use up retries");
        assertEquals("connection refused", waiting.lastError());
        assertEquals(List.of(), claimIds(10), "not due before its next attempt");
        assertEquals(waiting.nextAttemptAt(), store().earliestNextAttempt().orElseThrow());

        store().retry(List.of(item.id()));
        claimIds(1);
        store().reschedule(item.id(), retryNow("HTTP 503", true));

        assertEquals(1, reread(item).attempts());
        assertEquals(List.of(item.id()), claimIds(10));
    }

    @Test
    void anItemWaitingForAHandlerIsDueAtOnceWhenOneForItsTypeArrives() {
        QueueItem note = store().enqueue(EnqueueRequest.of("note", "{\"text\":\"waits\"}"));
        QueueItem activity = store().enqueue(EnqueueRequest.of("activity", "{\"level\":1}"));
        claimIds(2);
        Instant inAnHour = Instant.now().plus(Duration.ofHours(1));
        store().awaitHandler(note.id(), inAnHour, "no handler installed for entity type note");
        store().awaitHandler(activity.id(), inAnHour, "no handler installed for entity type activity");

        assertEquals(0, reread(note).attempts(), "waiting spends nothing");
        assertEquals(List.of(), claimIds(10), "not due before a handler arrives");
        assertEquals(0, store().releaseAwaitingHandler("screenshot"), "no item of that type waits");
        assertEquals(1, store().releaseAwaitingHandler("note"));

        assertEquals(List.of(note.id()), claimIds(10), "only the items of the handler's type are released");
        store().reschedule(note.id(), retryLater("HTTP 503", false));
        assertEquals(0, store().releaseAwaitingHandler("note"), "another outcome ends the wait");
    }

    @Test
    void theNextWakeUpIsWhenAnItemCanBeClaimedNotWhenAHeldOneWasDue() {
        String entry = UUID.randomUUID().toString();
        QueueItem start = givenEvent(entry, "start");
        givenEvent(entry, "stop");
        claimIds(1);
        store().reschedule(start.id(), retryLater("HTTP 503", true));

        assertEquals(List.of(), claimIds(10), "the stop waits for its start");
        assertEquals(reread(start).nextAttemptAt(), store().earliestNextAttempt().orElseThrow(),
                "the stop was due at once, but cannot be claimed before its start: waking then would spin");
    }

    @Test
    void anItemEnqueuedWhileItsPredecessorFailsIsBlockedNeverLeftPending() throws Exception {
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 150; round++) {
                String entry = UUID.randomUUID().toString();
                QueueItem start = givenEvent(entry, "start");
                assertEquals(List.of(start.id()), claimIds(1), "round " + round);
                CountDownLatch go = new CountDownLatch(1);
                Future<QueueItem> follower = both.submit(() -> {
                    go.await();
                    return givenEvent(entry, "stop");
                });
                Future<?> failure = both.submit(() -> {
                    go.await();
                    store().markFailed(start.id(), "HTTP 409: impossible transition");
                    return null;
                });
                go.countDown();
                failure.get();
                assertEquals(ItemStatus.BLOCKED, reread(follower.get()).status(),
                        "round " + round + ": a pending item behind a failed start could never be claimed");
            }
        } finally {
            both.shutdownNow();
        }
    }

    @Test
    void failedItemKeepsItsReason() {
        QueueItem item = givenNote("a");
        claimIds(1);

        store().markFailed(item.id(), "HTTP 422: text must not be empty");

        QueueItem failed = reread(item);
        assertEquals(ItemStatus.FAILED, failed.status());
        assertEquals("HTTP 422: text must not be empty", failed.lastError());
        assertEquals(1, failed.attempts());
        assertEquals(List.of(), claimIds(10));
    }

    @Test
    void transitionsNeedAClaimedItem() {
        QueueItem item = givenNote("a");

        QueueException notClaimed = assertThrows(QueueException.class, () -> store().markSent(item.id()));
        assertTrue(notClaimed.getMessage().contains("pending"), notClaimed.getMessage());
        assertTrue(notClaimed.getMessage().contains("in_flight"), notClaimed.getMessage());
        assertThrows(QueueException.class, () -> store().reschedule(item.id(), retryNow("x", false)));
        assertThrows(QueueException.class, () -> store().markFailed(item.id(), "x"));
        assertEquals(ItemStatus.PENDING, reread(item).status());
    }

    @Test
    void unknownIdsAreNamed() {
        QueueItem item = givenNote("a");
        long unknown = item.id() + 1000;

        assertTrue(store().find(unknown).isEmpty());
        UnknownItemException e = assertThrows(UnknownItemException.class, () -> store().markSent(unknown));
        assertTrue(e.getMessage().contains(Long.toString(unknown)), e.getMessage());
        assertThrows(UnknownItemException.class, () -> store().openBlob(unknown));
        assertThrows(UnknownItemException.class, () -> store().retry(List.of(item.id(), unknown)));
        assertThrows(UnknownItemException.class, () -> store().delete(List.of(item.id(), unknown)));
        assertTrue(store().find(item.id()).isPresent(), "a rejected delete deletes nothing");
    }

    // --- leases and crashes -----------------------------------------------------------------------

    @Test
    void expiredLeaseMakesTheItemDueAgain() throws InterruptedException {
        QueueItem item = givenNote("a");
        assertEquals(1, store().claim(1, Duration.ofMillis(1)).size());
        Thread.sleep(20);

        assertEquals(List.of(item.id()), claimIds(1));
    }

    @Test
    void itemsInFlightAtACrashArePendingAfterRestart() {
        QueueItem first = givenNote("a");
        QueueItem second = givenNote("b");
        claimIds(10);

        QueueStore reopened = restartAsAfterCrash();

        assertEquals(ItemStatus.PENDING, reopened.find(first.id()).orElseThrow().status());
        assertEquals(ItemStatus.PENDING, reopened.find(second.id()).orElseThrow().status());
        assertEquals(List.of(first.id(), second.id()),
                reopened.claim(10, LEASE).stream().map(QueueItem::id).toList());
    }

    // --- ordering groups --------------------------------------------------------------------------

    @Test
    void orderedItemsWaitForEarlierOrderedItemsOfTheirGroupOnly() {
        QueueItem start = givenEvent("entry-1", "start");
        QueueItem shot1 = givenScreenshot("entry-1", new byte[] { 1 });
        QueueItem shot2 = givenScreenshot("entry-1", new byte[] { 2 });
        QueueItem pause = givenEvent("entry-1", "pause");
        QueueItem stop = givenEvent("entry-1", "stop");
        QueueItem otherStart = givenEvent("entry-2", "start");
        QueueItem note = givenNote("independent");

        assertEquals(List.of(start.id(), otherStart.id(), note.id()), claimIds(10),
                "only the first ordered item of each group, and ungrouped items");

        store().markSent(start.id());

        assertEquals(List.of(shot1.id(), shot2.id(), pause.id()), claimIds(10),
                "screenshots wait for the start only, and the pause does not wait for screenshots");
        store().markSent(pause.id());
        assertEquals(List.of(stop.id()), claimIds(10), "the stop waits for the pause, not for the screenshots");
    }

    @Test
    void aFailedOrderedItemBlocksItsGroupUntilRetried() {
        QueueItem start = givenEvent("entry-1", "start");
        QueueItem shot = givenScreenshot("entry-1", new byte[] { 1 });
        QueueItem stop = givenEvent("entry-1", "stop");
        QueueItem other = givenEvent("entry-2", "start");
        claimIds(10);

        store().markFailed(start.id(), "HTTP 409: entry already stopped");

        assertEquals(ItemStatus.BLOCKED, reread(shot).status());
        assertEquals(ItemStatus.BLOCKED, reread(stop).status());
        assertEquals(ItemStatus.IN_FLIGHT, reread(other).status(), "other groups go on");
        QueueItem late = givenEvent("entry-1", "resume");
        assertEquals(ItemStatus.BLOCKED, late.status(), "items enqueued behind a failure start blocked");
        assertEquals(3, store().countByStatus().get(ItemStatus.BLOCKED));
        assertEquals(start.id(), store().holder(stop.id()).orElseThrow().id(), "the failed start holds the stop");
        assertEquals(start.id(), store().holder(late.id()).orElseThrow().id());
        assertTrue(store().holder(start.id()).isEmpty(), "a failed item is not held");
        assertTrue(store().holder(other.id()).isEmpty(), "an item of another group is not held");
        assertTrue(store().holder(Long.MAX_VALUE).isEmpty(), "an unknown item is not held");

        assertEquals(1, store().retry(List.of(start.id())));

        assertEquals(ItemStatus.PENDING, reread(shot).status());
        assertEquals(ItemStatus.PENDING, reread(stop).status());
        assertEquals(0, reread(start).attempts(), "a retry starts with fresh retries");
        assertTrue(store().holder(stop.id()).isEmpty(), "nothing holds a released item");
        assertEquals(List.of(start.id()), claimIds(10), "the group's order holds again");
    }

    @Test
    void deletingTheFailedItemReleasesItsGroup() {
        QueueItem start = givenEvent("entry-1", "start");
        QueueItem stop = givenEvent("entry-1", "stop");
        claimIds(10);
        store().markFailed(start.id(), "HTTP 400");

        assertEquals(1, store().delete(List.of(start.id())));

        assertTrue(store().find(start.id()).isEmpty());
        assertEquals(ItemStatus.PENDING, reread(stop).status());
        assertEquals(List.of(stop.id()), claimIds(10));
    }

    @Test
    void retryAllFailedRetriesEveryFailedItem() {
        QueueItem a = givenNote("a");
        QueueItem b = givenNote("b");
        QueueItem c = givenNote("c");
        claimIds(10);
        store().markFailed(a.id(), "x");
        store().markFailed(b.id(), "y");
        store().markSent(c.id());

        assertEquals(2, store().retryAllFailed());

        assertEquals(List.of(a.id(), b.id()), claimIds(10));
    }

    @Test
    void failuresAreCountedByReasonAndRepairedAGroupAtATime() {
        QueueItem a = givenNote("a");
        QueueItem b = givenNote("b");
        QueueItem c = givenNote("c");
        QueueItem start = givenEvent("entry-1", "start");
        QueueItem stop = givenEvent("entry-1", "stop");
        assertEquals(List.of(a.id(), b.id(), c.id(), start.id()), claimIds(10), "the stop waits for the start");
        store().markFailed(a.id(), "HTTP 422: invalid");
        store().markFailed(b.id(), "HTTP 422: invalid");
        store().markFailed(c.id(), "HTTP 409: conflict");
        store().markFailed(start.id(), "HTTP 422: invalid");

        assertEquals(List.of(new FailureGroup("HTTP 422: invalid", 3), new FailureGroup("HTTP 409: conflict", 1)),
                store().failureGroups(), "largest group first");
        assertEquals(ItemStatus.BLOCKED, reread(stop).status());

        assertEquals(3, store().retryFailed("HTTP 422: invalid"));
        assertEquals(ItemStatus.PENDING, reread(a).status());
        assertEquals(ItemStatus.PENDING, reread(stop).status(), "the retried start releases its group");
        assertEquals(ItemStatus.FAILED, reread(c).status(), "another reason is left alone");

        assertEquals(1, store().deleteFailed("HTTP 409: conflict"));
        assertTrue(store().find(c.id()).isEmpty());
        assertEquals(List.of(), store().failureGroups());
        assertEquals(0, store().retryFailed("HTTP 500: no such reason"));
    }

    @Test
    void purgeSentRemovesOnlySentItemsOlderThanTheAge() throws InterruptedException {
        QueueItem sent = givenNote("a");
        QueueItem pending = givenNote("b");
        store().claim(1, LEASE);
        store().markSent(sent.id());

        assertEquals(0, store().purgeSent(Duration.ofHours(1)));
        Thread.sleep(5);
        assertEquals(1, store().purgeSent(Duration.ZERO));

        assertTrue(store().find(sent.id()).isEmpty());
        assertTrue(store().find(pending.id()).isPresent());
    }

    // --- volume --------------------------------------------------------------------------------------

    @Test
    void concurrentProducersLoseAndDuplicateNothing() throws Exception {
        int threads = 8;
        int perThread = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<QueueItem>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int producer = t;
                results.add(pool.submit(() -> {
                    List<QueueItem> mine = new ArrayList<>(perThread);
                    for (int i = 0; i < perThread; i++) {
                        mine.add(store().enqueue(EnqueueRequest.of("note",
                                "{\"producer\":" + producer + ",\"seq\":" + i + "}")));
                    }
                    return mine;
                }));
            }
            Set<Long> ids = new HashSet<>();
            Set<UUID> keys = new HashSet<>();
            for (Future<List<QueueItem>> result : results) {
                for (QueueItem item : result.get()) {
                    ids.add(item.id());
                    keys.add(item.idempotencyKey());
                }
            }
            assertEquals(threads * perThread, ids.size(), "every enqueue got its own id");
            assertEquals(threads * perThread, keys.size(), "every enqueue got its own idempotency key");
            assertEquals(threads * perThread, store().countByStatus().get(ItemStatus.PENDING));
            Set<String> payloads = new HashSet<>();
            QueueQuery query = QueueQuery.all(5_000);
            for (QueuePage page = store().query(query); ; page = store().query(query.after(page.next()))) {
                page.items().forEach(item -> payloads.add(item.payload()));
                if (page.nextCursor().isEmpty()) {
                    break;
                }
            }
            assertEquals(threads * perThread, payloads.size(), "every payload is stored exactly once");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keysetPagingVisitsEveryRowOnceInOrder() throws Exception {
        int total = 100_000;
        Producers.inParallel(8, total,
                i -> store().enqueue(EnqueueRequest.of(i % 3 == 0 ? "screenshot_meta" : "note", "{\"n\":" + i + "}")));

        assertEquals(total, countPages(QueueQuery.all(1_000), false));
        assertEquals(total, countPages(QueueQuery.all(997).sortedBy(QueueQuery.SortKey.CREATED_AT, true), true));
        long notes = total - (total + 2) / 3;
        assertEquals(notes, countPages(QueueQuery.all(1_000).withEntityTypes(Set.of("note")), false));
        assertEquals(1, countPages(QueueQuery.all(10).withText("\"n\":77777}"), false));
        assertEquals(total, store().count(QueueQuery.all(1)));
        assertEquals(notes, store().count(QueueQuery.all(1).withEntityTypes(Set.of("note"))));
        assertEquals(1, store().count(QueueQuery.all(1).withText("\"n\":77777}")));
    }

    @Test
    void countIgnoresTheCursorAndCountsOnlyWhatTheFiltersMatch() {
        givenNote("100%");
        QueueItem beta = givenNote("1000");
        givenEvent("entry-1", "start");
        claimIds(1);

        QueueQuery notes = QueueQuery.all(1).withEntityTypes(Set.of("note"));
        assertEquals(2, store().count(notes));
        assertEquals(2, store().count(notes.after(new QueueQuery.PageCursor(beta.id(), beta.id()))));
        assertEquals(1, store().count(notes.withStatuses(Set.of(ItemStatus.PENDING))));
        assertEquals(2, store().count(notes.withText("100")));
        assertEquals(1, store().count(notes.withText("100%")), "LIKE wildcards in the text are literal");
        assertEquals(1, store().count(QueueQuery.all(1).inGroup("entry-1")));
    }

    private long countPages(QueueQuery first, boolean descending) {
        Set<Long> seen = new HashSet<>();
        long previous = descending ? Long.MAX_VALUE : Long.MIN_VALUE;
        QueueQuery query = first;
        while (true) {
            QueuePage page = store().query(query);
            for (QueueItem item : page.items()) {
                long key = first.sort() == QueueQuery.SortKey.ID ? item.id() : item.createdAt().toEpochMilli();
                assertTrue(descending ? key <= previous : key >= previous, "rows arrive in sort order");
                previous = key;
                assertTrue(seen.add(item.id()), "no row is listed twice: " + item.id());
            }
            if (page.nextCursor().isEmpty()) {
                return seen.size();
            }
            query = query.after(page.next());
        }
    }

    @Test
    void aGroupCanBeListedOnItsOwn() {
        QueueItem start = givenEvent("entry-1", "start");
        givenEvent("entry-2", "start");
        QueueItem stop = givenEvent("entry-1", "stop");

        List<Long> ids = store().query(QueueQuery.all(10).inGroup("entry-1")).items().stream().map(QueueItem::id).toList();

        assertEquals(List.of(start.id(), stop.id()), ids);
    }

    @Test
    void fiftyMegabyteBlobStreamsInAndOut() throws Exception {
        long size = 50L * 1024 * 1024;
        QueueStore big = withMaxBlobBytes(64L * 1024 * 1024);
        MessageDigest written = sha256();

        QueueItem item = big.enqueue(EnqueueRequest.of("screenshot", "{\"capturedAt\":\"2026-11-30T09:00:00Z\"}").inGroup("entry-1", false)
                .withBlob(() -> new DigestInputStream(new GeneratedStream(size), written), "image/png"));

        assertEquals(size, item.blobSize());
        assertEquals(size, big.unsentBlobBytes());
        MessageDigest read = sha256();
        try (InputStream in = new DigestInputStream(big.openBlob(item.id()), read)) {
            assertEquals(size, in.transferTo(java.io.OutputStream.nullOutputStream()));
        }
        assertArrayEquals(written.digest(), read.digest());
    }

    // --- bad input --------------------------------------------------------------------------------

    @Test
    void blankOrMissingEntityTypeIsRefusedByName() {
        for (String type : new String[] { null, "", "  ", "has space", "a/b" }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> store().enqueue(EnqueueRequest.of(type, "{}")));
            assertTrue(e.getMessage().contains("entityType"), e.getMessage());
            assertTrue(e.getMessage().contains("letters, digits"), e.getMessage());
        }
        assertEquals(0, totalItems());
    }

    @Test
    void payloadMustBeOneJsonObject() {
        for (String payload : new String[] { null, "", "[]", "42", "not json", "{\"a\":1", "{} {}" }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> store().enqueue(EnqueueRequest.of("note", payload)));
            assertTrue(e.getMessage().contains("payload"), e.getMessage());
            assertTrue(e.getMessage().contains("JSON object"), e.getMessage());
        }
        assertEquals(0, totalItems());
    }

    @Test
    void oversizeBlobIsRefusedAndLeavesNothingBehind() {
        QueueStore small = withMaxBlobBytes(1024);
        small.enqueue(EnqueueRequest.of("note", "{}"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> small.enqueue(EnqueueRequest
                .of("screenshot", "{\"capturedAt\":\"2026-11-30T09:00:00Z\"}").withBlob(BlobSource.of(new byte[1025]), "image/jpeg")));

        assertTrue(e.getMessage().contains("maxBlobBytes = 1024"), e.getMessage());
        assertEquals(1, small.countByStatus().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(0, small.unsentBlobBytes());
    }

    @Test
    void blobNeedsAMediaType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store().enqueue(EnqueueRequest.of("screenshot", "{\"capturedAt\":\"2026-11-30T09:00:00Z\"}").withBlob(BlobSource.of(new byte[1]), null)));
        assertTrue(e.getMessage().contains("blobContentType"), e.getMessage());
    }

    @Test
    void orderedItemNeedsAGroup() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store().enqueue(new EnqueueRequest("note", "{}", null, true, null, null, null)));
        assertTrue(e.getMessage().contains("orderingGroup"), e.getMessage());
    }

    @Test
    void aReusedIdempotencyKeyIsRefused() {
        UUID key = UUID.randomUUID();
        store().enqueue(EnqueueRequest.of("note", "{}").withIdempotencyKey(key));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store().enqueue(EnqueueRequest.of("note", "{}").withIdempotencyKey(key)));
        assertTrue(e.getMessage().contains(key.toString()), e.getMessage());
        assertEquals(1, totalItems());
    }

    @Test
    void unreadableBlobSourceKeepsItsCause() {
        IOException cause = new IOException("screen source vanished");
        QueueException e = assertThrows(QueueException.class, () -> store().enqueue(
                EnqueueRequest.of("screenshot", "{\"capturedAt\":\"2026-11-30T09:00:00Z\"}").withBlob(() -> { throw cause; }, "image/png")));
        assertEquals(cause, e.getCause());
        assertEquals(0, totalItems());
    }

    protected long totalItems() {
        return store().countByStatus().values().stream().mapToLong(Long::longValue).sum();
    }

    private static MessageDigest sha256() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256");
    }

    /** Deterministic bytes of a given length, made as they are read: the test never holds the blob. */
    private static final class GeneratedStream extends InputStream {

        private long remaining;
        private long state = 0x9E3779B97F4A7C15L;

        GeneratedStream(long length) {
            this.remaining = length;
        }

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            remaining--;
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            return (int) (state & 0xFF);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(length, remaining);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) read();
            }
            return n;
        }
    }
}
