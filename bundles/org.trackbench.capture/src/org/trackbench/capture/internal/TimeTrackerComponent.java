package org.trackbench.capture.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackbench.core.capture.EntityTypes;
import org.trackbench.core.capture.TimeEntry;
import org.trackbench.core.capture.TimeTracker;
import org.trackbench.core.capture.TrackerEvents;
import org.trackbench.core.capture.TrackerState;
import org.trackbench.core.capture.TrackerStatus;
import org.trackbench.core.ledger.TimeLedger;
import org.trackbench.core.ledger.Transition;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.queue.RetentionHold;
import org.trackbench.core.sync.SyncService;

/**
 * The time tracker: each transition is committed to the queue as a {@code time_entry_event} in the entry's
 * ordering group before the call returns, then announced. Transitions are serialized, so a stop can never
 * overtake the start it follows. It holds the open entry's group against purge and delete: those events are what
 * restores the entry after a restart.
 */
@Component(service = { TimeTracker.class, EventHandler.class, RetentionHold.class }, immediate = true,
        configurationPid = "org.trackbench.tracker",
        property = EventConstants.EVENT_TOPIC + "=" + TrackerEvents.TOPIC_CAPTURE)
public final class TimeTrackerComponent implements TimeTracker, EventHandler, RetentionHold {

    private static final Logger LOG = LoggerFactory.getLogger(TimeTrackerComponent.class);

    private final QueueStore store;
    private final EventAdmin events;
    private final Clock clock;
    private final LongSupplier ticker;
    private TimeEntry entry;
    /** {@link #ticker}'s reading when the current running stretch began, while one runs. */
    private long runningSinceTick;
    private String message;
    private volatile String capture = "not capturing";

    /** The sync while it runs: the clock offset it measured goes with each event. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SyncService sync;

    @Activate
    public TimeTrackerComponent(@Reference QueueStore store, @Reference TimeLedger ledger, @Reference EventAdmin events) {
        this(store, ledger, events, Clock.systemUTC(), System::nanoTime);
    }

    /**
     * {@code clock} gives the instants events are recorded at; {@code ticker} (nanoseconds, as
     * {@link System#nanoTime()}) measures the time worked, so setting the clock (NTP, a person, a suspend's
     * catch-up) while an entry runs changes no duration.
     */
    TimeTrackerComponent(QueueStore store, TimeLedger ledger, EventAdmin events, Clock clock, LongSupplier ticker) {
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.ticker = ticker;
        Optional<TimeEntry> restored = EntryRestorer.openEntry(ledger);
        if (restored.isPresent()) {
            entry = restored.get();
            // Across a restart there is no monotonic reading to go on: the stretch so far is as the clock says.
            if (entry.runningSince() != null) {
                runningSinceTick = ticker.getAsLong() - Duration.between(entry.runningSince(), now()).toNanos();
            }
            message = "restored " + entry.state().label() + " entry since " + entry.startedAt();
            LOG.info("Time tracker {}", message);
            announce();
        }
    }

    @Override
    public synchronized Map<String, String> heldGroups() {
        return entry == null || entry.state() == TrackerState.STOPPED ? Map.of()
                : Map.of(entry.id().toString(), "the " + entry.state().label() + " time entry");
    }

    @Override
    public synchronized TimeEntry start(String description, String project, String task) {
        Instant now = now();
        TimeEntry next = TrackerTransitions.start(entry, UUID.randomUUID(), description, project, task, now);
        return commit("start", next, now);
    }

    @Override
    public synchronized TimeEntry pause() {
        Instant now = now();
        return commit("pause", TrackerTransitions.pause(measured(now), now), now);
    }

    @Override
    public synchronized TimeEntry resume() {
        Instant now = now();
        return commit("resume", TrackerTransitions.resume(entry, now), now);
    }

    @Override
    public synchronized TimeEntry stop() {
        Instant now = now();
        return commit("stop", TrackerTransitions.stop(measured(now), now), now);
    }

    /**
     * The entry with its running stretch measured by the ticker: its {@code runningSince} is when the stretch began
     * as this machine's clock reads now, so that {@code elapsed(now)} is the time worked whatever the clock did.
     */
    @Override
    public synchronized TrackerStatus status() {
        return new TrackerStatus(TrackerTransitions.stateOf(entry), measured(now()), message, capture);
    }

    private TimeEntry measured(Instant now) {
        if (entry == null || entry.runningSince() == null) {
            return entry;
        }
        Instant began = now.minusNanos(ticker.getAsLong() - runningSinceTick).truncatedTo(ChronoUnit.MILLIS);
        return new TimeEntry(entry.id(), entry.description(), entry.project(), entry.task(), entry.state(),
                entry.startedAt(), entry.accumulated(), began);
    }

    /** Keeps the capture's latest status, so {@link #status()} tells it without knowing the capture component. */
    @Override
    public void handleEvent(Event event) {
        Object status = event.getProperty(TrackerEvents.CAPTURE);
        if (status != null) {
            capture = status.toString();
        }
    }

    private TimeEntry commit(String type, TimeEntry next, Instant at) {
        SyncService current = sync;
        Optional<Duration> offset = current == null ? Optional.empty() : current.clockOffset();
        String payload = EventPayloads.event(type, at, next, offset);
        store.enqueue(EnqueueRequest.of(EntityTypes.TIME_ENTRY_EVENT, payload).inGroup(next.id().toString(), true)
                .recording(new Transition(next.id(), type, at, next.accumulated(), payload)));
        if (next.state() == TrackerState.RUNNING) {
            runningSinceTick = ticker.getAsLong();
        }
        entry = next;
        message = null;
        announce();
        return next;
    }

    private void announce() {
        events.postEvent(new Event(TrackerEvents.TOPIC_STATE,
                Map.of(TrackerEvents.STATE, entry.state().name(), TrackerEvents.ENTRY_ID, entry.id().toString())));
    }

    /** The queue keeps milliseconds; so does the entry, so a restored entry equals the one before the restart. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
