package org.trackbench.sync.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.sync.SyncEvents;
import org.trackbench.core.sync.SyncState;
import org.trackbench.core.sync.SyncStatus;

/** The sync's own view of itself, joined with the queue's counts into a {@link SyncStatus}, and announced. */
final class SyncStatusReporter {

    private final QueueStore store;
    private final ClockOffset clockOffset = new ClockOffset();
    private final EventAdmin events;
    private final Set<String> typesWithoutHandler = ConcurrentHashMap.newKeySet();
    private final PauseSwitch pauseSwitch;
    /** What the job found out; never {@code PAUSED}: a pause is the switch's, and overrides this until resumed. */
    private final AtomicReference<SyncState> state = new AtomicReference<>(SyncState.ONLINE);
    private volatile Instant lastSuccess;
    private volatile Instant nextRun;
    private volatile String lastError;

    SyncStatusReporter(QueueStore store, EventAdmin events, PauseSwitch pauseSwitch) {
        this.store = store;
        this.events = events;
        this.pauseSwitch = pauseSwitch;
    }

    SyncState state() {
        return pauseSwitch.paused() ? SyncState.PAUSED : state.get();
    }

    /** What the job found out (online, offline, sign-in needed); it never undoes a pause, which only {@link #resume} ends. */
    void state(SyncState newState) {
        state.set(newState);
    }

    void pause() {
        pauseSwitch.pause();
    }

    /** Claims through {@code claim} unless paused: once {@link #pause} returns, nothing more is claimed. */
    List<QueueItem> claimUnlessPaused(Supplier<List<QueueItem>> claim) {
        return pauseSwitch.claimUnlessPaused(claim);
    }

    /** Ends a wait for sign-in, never a pause; returns whether it did. */
    boolean signedIn() {
        return state.compareAndSet(SyncState.SIGN_IN_NEEDED, SyncState.ONLINE);
    }

    /** Ends a pause or a wait for sign-in; returns whether it did. */
    boolean resume() {
        boolean wasPaused = pauseSwitch.release();
        return state.compareAndSet(SyncState.SIGN_IN_NEEDED, SyncState.ONLINE) || wasPaused;
    }

    void succeeded(Instant at) {
        lastSuccess = at;
    }

    Instant lastSuccess() {
        return lastSuccess;
    }

    String lastError() {
        return lastError;
    }

    void failed(String error) {
        lastError = error;
    }

    void nextRun(Instant at) {
        nextRun = at;
    }

    void noHandler(String entityType) {
        typesWithoutHandler.add(entityType);
    }

    void handlerArrived(String entityType) {
        typesWithoutHandler.remove(entityType);
    }

    /** This machine's clock against the server's, kept across restarts of the engine like the rest. */
    ClockOffset clockOffset() {
        return clockOffset;
    }

    SyncStatus status() {
        Map<ItemStatus, Long> counts = store.countByStatus();
        SyncState current = state();
        return new SyncStatus(current, counts.get(ItemStatus.PENDING), counts.get(ItemStatus.IN_FLIGHT),
                counts.get(ItemStatus.BLOCKED), counts.get(ItemStatus.FAILED), lastSuccess,
                current == SyncState.PAUSED || current == SyncState.SIGN_IN_NEEDED ? null : nextRun, lastError,
                typesWithoutHandler, clockOffset.current().orElse(null));
    }

    void publish() {
        SyncStatus status = status();
        events.postEvent(new Event(SyncEvents.TOPIC_STATUS,
                Map.of(SyncEvents.STATE, status.state().name(), SyncEvents.STATUS, status)));
    }
}
