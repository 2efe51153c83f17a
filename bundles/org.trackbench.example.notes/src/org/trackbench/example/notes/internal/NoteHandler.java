package org.trackbench.example.notes.internal;

import org.osgi.service.component.annotations.Component;
import org.trackbench.core.handler.EntityHandler;
import org.trackbench.core.handler.OutboundRequest;
import org.trackbench.core.queue.QueueItem;

/** Teaches Trackbench the {@code note} entity type: how to check it, send it and show it. */
@Component(property = EntityHandler.ENTITY_TYPE + "=" + Note.ENTITY_TYPE)
public final class NoteHandler implements EntityHandler {

    private static final int SUMMARY_TEXT = 40;

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
}
