package org.trackbench.capture.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackbench.core.capture.EntityTypes;
import org.trackbench.core.capture.TimeEntry;
import org.trackbench.core.capture.TrackerState;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Rebuilds the current entry from the queue after a restart or crash: the newest entry's events, replayed
 * through the state machine. An entry whose last event is a stop is over; anything else is still open.
 * (Sent events count too, as long as retention has not purged them.)
 */
final class EntryRestorer {

    private static final Logger LOG = LoggerFactory.getLogger(EntryRestorer.class);

    private EntryRestorer() {
    }

    static Optional<TimeEntry> openEntry(QueueStore store) {
        QueueQuery events = QueueQuery.all(1).withEntityTypes(Set.of(EntityTypes.TIME_ENTRY_EVENT));
        List<QueueItem> newest = store.query(events.sortedBy(QueueQuery.SortKey.ID, true)).items();
        if (newest.isEmpty() || newest.get(0).orderingGroup() == null) {
            return Optional.empty();
        }
        String group = newest.get(0).orderingGroup();
        List<QueueItem> history = store.query(QueueQuery.all(QueueQuery.MAX_LIMIT)
                .withEntityTypes(Set.of(EntityTypes.TIME_ENTRY_EVENT)).inGroup(group)).items();
        TimeEntry entry = null;
        try {
            for (QueueItem item : history) {
                entry = replay(entry, UUID.fromString(group), EventPayloads.parse(item.payload()));
            }
        } catch (RuntimeException e) {
            // An admin deleted or purged part of the entry's history (its start, say): what is left cannot be replayed.
            // The tracker must still start; the events stay queued as they are.
            LOG.warn("The time entry {} cannot be restored from its queued events ({}); the tracker starts idle", group,
                    e.getMessage());
            return Optional.empty();
        }
        return entry == null || entry.state() == TrackerState.STOPPED ? Optional.empty() : Optional.of(entry);
    }

    private static TimeEntry replay(TimeEntry entry, UUID id, JsonNode event) {
        Instant at = Instant.parse(event.path("at").asText());
        return switch (event.path("type").asText()) {
            case "start" -> TrackerTransitions.start(null, id, text(event, "description"), text(event, "project"),
                    text(event, "task"), at);
            case "pause" -> worked(TrackerTransitions.pause(entry, at), event);
            case "resume" -> TrackerTransitions.resume(entry, at);
            case "stop" -> worked(TrackerTransitions.stop(entry, at), event);
            default -> entry;
        };
    }

    /**
     * The time worked as the tracker measured it when it recorded {@code event} ({@code workedMs}, monotonic), not as
     * the instants of the events tell it, which a clock set in between would skew; events of older versions lack it.
     */
    private static TimeEntry worked(TimeEntry entry, JsonNode event) {
        JsonNode worked = event.path("workedMs");
        return !worked.canConvertToLong() ? entry : new TimeEntry(entry.id(), entry.description(), entry.project(),
                entry.task(), entry.state(), entry.startedAt(), Duration.ofMillis(worked.asLong()), entry.runningSince());
    }

    private static String text(JsonNode event, String field) {
        return event.hasNonNull(field) ? event.get(field).asText() : null;
    }
}
