package org.trackbench.example.notes.internal;

import java.util.UUID;

import org.trackbench.core.handler.RepairAction;
import org.trackbench.core.queue.QueueItem;

/**
 * The note plug-in's repair: a note written outside any entry, or on one the server does not know, is attached to
 * the time entry running now.
 *
 * @param entry the running entry's id
 */
record AttachToEntry(UUID entry) implements RepairAction {

    static final String ID = "attach-to-current-entry";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Attach to the current time entry";
    }

    @Override
    public String repair(QueueItem item) {
        Note note = Note.parse(item.payload());
        return new Note(entry, note.text(), note.at()).toJson();
    }
}
