package org.trackbench.core.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A snapshot of the sync, for status bars and the console.
 *
 * @param state what the sync is doing
 * @param pending items waiting to be sent
 * @param inFlight items being sent now
 * @param blocked items held behind a failed item of their group
 * @param failed dead letters waiting for an admin
 * @param lastSuccess when the server last accepted an item, {@code null} if never
 * @param nextRun when the sync job runs next, {@code null} if not scheduled (paused, or nothing to do)
 * @param lastError the last reason an attempt did not succeed, {@code null} if none; never holds a credential
 * @param typesWithoutHandler entity types that are queued but have no handler installed; they wait
 * @param clockOffset how far this machine's clock is ahead of the server's (negative: behind), {@code null} before the
 *        server answered (since 1.3)
 */
public record SyncStatus(SyncState state, long pending, long inFlight, long blocked, long failed, Instant lastSuccess,
        Instant nextRun, String lastError, Set<String> typesWithoutHandler, Duration clockOffset) {

    /** How far this machine's clock may be from the server's before it is worth a warning. @since 1.3 */
    public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(2);

    /** A status without a clock measurement, as before version 1.3. */
    public SyncStatus(SyncState state, long pending, long inFlight, long blocked, long failed, Instant lastSuccess,
            Instant nextRun, String lastError, Set<String> typesWithoutHandler) {
        this(state, pending, inFlight, blocked, failed, lastSuccess, nextRun, lastError, typesWithoutHandler, null);
    }

    public SyncStatus {
        Objects.requireNonNull(state, "state");
        typesWithoutHandler = Set.copyOf(typesWithoutHandler);
    }

    /** Whether this machine's clock is further than {@link #CLOCK_TOLERANCE} from the server's. @since 1.3 */
    public boolean clockOff() {
        return clockOffset != null && clockOffset.abs().compareTo(CLOCK_TOLERANCE) > 0;
    }

    /**
     * For people, when {@link #clockOff()}: e.g. "this machine's clock is 5 min 3 s ahead of the server's".
     *
     * @since 1.3
     */
    public Optional<String> clockWarning() {
        if (!clockOff()) {
            return Optional.empty();
        }
        Duration off = clockOffset.abs();
        String amount = (off.toHours() > 0 ? off.toHours() + " h " : "") + off.toMinutesPart() + " min "
                + off.toSecondsPart() + " s";
        return Optional.of("this machine's clock is " + amount + (clockOffset.isNegative() ? " behind" : " ahead of")
                + " the server's; events carry the offset, but set the clock right");
    }
}
