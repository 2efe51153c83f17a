package org.trackbench.capture.internal;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackbench.core.capture.TimeEntry;
import org.trackbench.core.ledger.LedgerEntry;
import org.trackbench.core.ledger.TimeLedger;
import org.trackbench.core.ledger.Transition;

/**
 * Rebuilds the current entry after a restart or crash from the ledger, which keeps every transition whatever became
 * of the queued events (sent, purged, deleted by an admin): the newest entry's transitions, replayed through the
 * state machine, with the time worked as the tracker measured it. An entry whose last transition is a stop is over.
 */
final class EntryRestorer {

    private static final Logger LOG = LoggerFactory.getLogger(EntryRestorer.class);

    private EntryRestorer() {
    }

    static Optional<TimeEntry> openEntry(TimeLedger ledger) {
        Optional<LedgerEntry> latest = ledger.latest();
        if (latest.isEmpty() || latest.get().stopped()) {
            return Optional.empty();
        }
        LedgerEntry recorded = latest.get();
        TimeEntry entry = null;
        try {
            for (Transition transition : recorded.transitions()) {
                entry = replay(entry, recorded, transition);
            }
        } catch (RuntimeException e) {
            // A ledger written by hand, say: the tracker must still start.
            LOG.warn("The time entry {} cannot be restored from the ledger ({}); the tracker starts idle", recorded.id(),
                    e.getMessage());
            return Optional.empty();
        }
        return Optional.ofNullable(entry);
    }

    private static TimeEntry replay(TimeEntry entry, LedgerEntry recorded, Transition transition) {
        return switch (transition.type()) {
            case "start" -> TrackerTransitions.start(null, recorded.id(), recorded.description(), recorded.project(),
                    recorded.task(), transition.at());
            case "pause" -> worked(TrackerTransitions.pause(entry, transition.at()), transition);
            case "resume" -> TrackerTransitions.resume(entry, transition.at());
            case "stop" -> worked(TrackerTransitions.stop(entry, transition.at()), transition);
            default -> entry;
        };
    }

    /** The time worked as the tracker measured it (monotonic), not as the instants tell it. */
    private static TimeEntry worked(TimeEntry entry, Transition transition) {
        return new TimeEntry(entry.id(), entry.description(), entry.project(), entry.task(), entry.state(),
                entry.startedAt(), transition.worked(), entry.runningSince());
    }
}
