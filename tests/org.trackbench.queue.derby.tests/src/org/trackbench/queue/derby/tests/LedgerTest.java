package org.trackbench.queue.derby.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.trackbench.core.admin.AdminAction;
import org.trackbench.core.admin.AuditEntry;
import org.trackbench.core.admin.AuditQuery;
import org.trackbench.core.admin.AuditTrail;
import org.trackbench.core.admin.QueueAdmin;
import org.trackbench.core.ledger.LedgerEntry;
import org.trackbench.core.ledger.TimeLedger;
import org.trackbench.core.ledger.Transition;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.QueueStoreFixture;

/**
 * The ledger of time entries: written with each event's enqueue, untouched by what becomes of the queued items, kept
 * by its own retention, and what an entry the server lost is queued again from, under new keys and audited.
 */
class LedgerTest {

    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Instant NINE = Instant.parse("2026-11-30T09:00:00Z");

    private final QueueStoreFixture fixture = new QueueStoreFixture();
    private final Configurations configurations = new Configurations();
    private final BundleContext context = FrameworkUtil.getBundle(LedgerTest.class).getBundleContext();
    private QueueStore store;
    private TimeLedger ledger;

    @BeforeEach
    void openFreshStore() {
        store = fixture.configure(fixture.newDirectory("ledger"), 1024);
        ledger = configurations.await(TimeLedger.class, "");
    }

    @Test
    void eachTransitionIsKeptWhateverBecomesOfItsQueuedEvent() {
        UUID entry = UUID.randomUUID();
        List<QueueItem> events = List.of(record(entry, "start", NINE, 0), record(entry, "pause", NINE.plusSeconds(600), 600),
                record(entry, "resume", NINE.plusSeconds(900), 600));

        deliverAll();
        assertEquals(3, service(QueueAdmin.class).purgeSent(Duration.ZERO), "the sent events are purged");

        LedgerEntry kept = ledger.latest().orElseThrow();
        assertEquals(entry, kept.id());
        assertEquals("Ledger", kept.description());
        assertEquals(List.of("start", "pause", "resume"), kept.transitions().stream().map(Transition::type).toList());
        assertEquals(events.stream().map(QueueItem::payload).toList(),
                kept.transitions().stream().map(Transition::payload).toList(), "each event as it was queued");
        assertEquals(Duration.ofMinutes(10), kept.worked());
        assertEquals(List.of(kept), ledger.entries(NINE, NINE.plusSeconds(1)));
        assertEquals(List.of(), ledger.entries(NINE.plusSeconds(1), NINE.plusSeconds(3600)), "by the time it started");
    }

    @Test
    void anEntryTheServerLostIsQueuedAgainUnderNewKeysAndAudited() {
        UUID entry = UUID.randomUUID();
        List<QueueItem> first = List.of(record(entry, "start", NINE, 0), record(entry, "stop", NINE.plusSeconds(60), 60));
        QueueAdmin admin = service(QueueAdmin.class);

        IllegalArgumentException waiting = assertThrows(IllegalArgumentException.class, () -> admin.requeue(List.of(entry)));
        assertTrue(waiting.getMessage().contains("still has 2 event(s) waiting"), waiting.getMessage());
        deliverAll();
        UUID unknown = UUID.randomUUID();
        IllegalArgumentException notHere = assertThrows(IllegalArgumentException.class,
                () -> admin.requeue(List.of(entry, unknown)));
        assertTrue(notHere.getMessage().contains(unknown + " is not in the ledger"), notHere.getMessage());
        assertEquals(2, store.count(QueueQuery.all(10)), "a refusal queues nothing");

        assertEquals(2, admin.requeue(List.of(entry)));

        List<QueueItem> again = store.query(QueueQuery.all(10).inGroup(entry.toString())).items().subList(2, 4);
        assertEquals(first.stream().map(QueueItem::payload).toList(), again.stream().map(QueueItem::payload).toList());
        assertTrue(again.stream().allMatch(item -> item.ordered() && item.status() == ItemStatus.PENDING));
        assertEquals(Set.of(), intersection(first, again), "new idempotency keys");
        assertEquals(2, ledger.latest().orElseThrow().transitions().size(), "the ledger is not written twice");
        AuditEntry recorded = service(AuditTrail.class).entries(AuditQuery.latest(1)).get(0);
        assertEquals(AdminAction.REQUEUE, recorded.action());
        assertEquals(2, recorded.items());
        assertTrue(recorded.detail().contains(entry.toString()), recorded.detail());
    }

    @Test
    void aNewEntryRetiresThoseStartedBeforeTheRetention() {
        UUID old = UUID.randomUUID();
        record(old, "start", Instant.now().minus(Duration.ofDays(91)), 0);
        assertEquals(old, ledger.latest().orElseThrow().id());

        UUID today = UUID.randomUUID();
        record(today, "start", Instant.now(), 0);

        assertEquals(List.of(today), ledger.entries(Instant.EPOCH, Instant.now().plusSeconds(60)).stream()
                .map(LedgerEntry::id).toList(), "90 days by default");
    }

    /** As the sync does: an ordered group hands out one item at a time. */
    private void deliverAll() {
        for (List<QueueItem> claimed = store.claim(10, LEASE); !claimed.isEmpty(); claimed = store.claim(10, LEASE)) {
            claimed.forEach(item -> store.markSent(item.id()));
        }
    }

    private QueueItem record(UUID entry, String type, Instant at, long workedSeconds) {
        String payload = "{\"type\":\"" + type + "\",\"at\":\"" + at + "\",\"workedMs\":" + workedSeconds * 1000
                + (type.equals("start") ? ",\"description\":\"Ledger\"" : "") + "}";
        return store.enqueue(EnqueueRequest.of("time_entry_event", payload).inGroup(entry.toString(), true)
                .recording(new Transition(entry, type, at, Duration.ofSeconds(workedSeconds), payload)));
    }

    private static Set<UUID> intersection(List<QueueItem> first, List<QueueItem> second) {
        Set<UUID> keys = new HashSet<>(first.stream().map(QueueItem::idempotencyKey).toList());
        keys.retainAll(second.stream().map(QueueItem::idempotencyKey).toList());
        return keys;
    }

    private <S> S service(Class<S> type) {
        return configurations.await(context, type);
    }
}
