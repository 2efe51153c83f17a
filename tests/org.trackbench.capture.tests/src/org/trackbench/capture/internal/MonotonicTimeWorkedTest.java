package org.trackbench.capture.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.EventAdmin;
import org.trackbench.core.capture.TimeEntry;
import org.trackbench.core.ledger.TimeLedger;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.QueueStoreFixture;

/**
 * The time worked comes from a monotonic ticker, not the machine's clock: the clock set five minutes ahead (or an
 * hour back) while an entry runs changes no duration, while each event keeps the local instant it was recorded at.
 */
class MonotonicTimeWorkedTest {

    private static final Instant NINE = Instant.parse("2026-11-30T09:00:00Z");

    private final SettableClock clock = new SettableClock(NINE);
    private final AtomicLong ticks = new AtomicLong(42_000_000_000L);

    @Test
    void settingTheClockWhileAnEntryRunsChangesNoTimeWorked() {
        QueueStoreFixture queues = new QueueStoreFixture();
        QueueStore store = queues.configure(queues.newDirectory("monotonic"), 64L * 1024 * 1024);
        Configurations registry = new Configurations();
        TimeTrackerComponent tracker = new TimeTrackerComponent(store, registry.await(TimeLedger.class, ""),
                registry.await(EventAdmin.class, ""), clock, ticks::get);

        TimeEntry started = tracker.start("Monotonic", null, null);
        work(Duration.ofMinutes(10));
        clock.set(clock.instant().plus(Duration.ofMinutes(5)));

        assertEquals(Duration.ofMinutes(10), tracker.status().entry().elapsed(clock.instant()));
        assertEquals(Duration.ofMinutes(10), tracker.pause().accumulated());

        work(Duration.ofMinutes(3));
        tracker.resume();
        work(Duration.ofMinutes(2));
        clock.set(clock.instant().minus(Duration.ofHours(1)));

        assertEquals(Duration.ofMinutes(12), tracker.status().entry().elapsed(clock.instant()));
        assertEquals(Duration.ofMinutes(12), tracker.stop().accumulated());
        assertEquals(List.of(NINE, NINE.plus(Duration.ofMinutes(15)), NINE.plus(Duration.ofMinutes(18)),
                NINE.plus(Duration.ofMinutes(20)).minus(Duration.ofHours(1))), recordedAt(store, started),
                "each event keeps the instant the clock gave when it was recorded");
        assertEquals(List.of(0L, 600_000L, 600_000L, 720_000L), worked(store, started),
                "and the time worked as the ticker measured it");
    }

    /** Time passes: the ticker and the clock move together. */
    private void work(Duration time) {
        ticks.addAndGet(time.toNanos());
        clock.set(clock.instant().plus(time));
    }

    private static List<Instant> recordedAt(QueueStore store, TimeEntry entry) {
        return store.query(QueueQuery.all(100).withEntityTypes(Set.of("time_entry_event")).inGroup(entry.id().toString()))
                .items().stream().map(QueueItem::payload).map(EventPayloads::parse)
                .map(event -> Instant.parse(event.path("at").asText())).toList();
    }

    private static List<Long> worked(QueueStore store, TimeEntry entry) {
        return store.query(QueueQuery.all(100).withEntityTypes(Set.of("time_entry_event")).inGroup(entry.id().toString()))
                .items().stream().map(QueueItem::payload).map(EventPayloads::parse)
                .map(event -> event.path("workedMs").asLong(-1)).toList();
    }

    /** This machine's clock, as a person or NTP sets it. */
    private static final class SettableClock extends Clock {

        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant newNow) {
            now = newNow;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
