package org.trackbench.example.notes.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.trackbench.core.capture.TimeEntry;
import org.trackbench.core.capture.TimeTracker;
import org.trackbench.core.handler.EntityHandler;
import org.trackbench.core.handler.OutboundRequest;
import org.trackbench.core.handler.RepairAction;
import org.trackbench.core.queue.QueueItem;

/**
 * Teaches Trackbench the {@code note} entity type: how to check it, send it and show it, and how to repair a note
 * that failed: attach it to the time entry running now.
 */
@Component(property = EntityHandler.ENTITY_TYPE + "=" + Note.ENTITY_TYPE)
public final class NoteHandler implements EntityHandler {

    private static final int SUMMARY_TEXT = 40;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TimeTracker tracker;

    @Override
    public String entityType() {
        return Note.ENTITY_TYPE;
    }

    @Override
    public void validate(String payloadJson) {
        Note.parse(payloadJson);
    }

    @Override
    public OutboundRequest request(QueueItem item) {
        validate(item.payload());
        return OutboundRequest.postJson("/api/v1/items/" + Note.ENTITY_TYPE);
    }

    @Override
    public String summary(QueueItem item) {
        Note note = Note.parse(item.payload());
        String text = note.text().length() <= SUMMARY_TEXT ? note.text() : note.text().substring(0, SUMMARY_TEXT - 1) + "…";
        String entry = note.entryId() == null ? "no entry" : "entry " + note.entryId().toString().substring(0, 8) + "…";
        return "note on " + entry + ": \"" + text + "\"";
    }

    /** Offered while an entry runs that the note is not on yet, and the note itself is readable. */
    @Override
    public List<RepairAction> repairs(QueueItem item) {
        TimeTracker current = tracker;
        Optional<UUID> running = current == null ? Optional.empty()
                : current.status().currentEntry().map(TimeEntry::id);
        if (running.isEmpty()) {
            return List.of();
        }
        try {
            return running.get().equals(Note.parse(item.payload()).entryId()) ? List.of()
                    : List.of(new AttachToEntry(running.get()));
        } catch (IllegalArgumentException unreadable) {
            return List.of();
        }
    }
}
