package org.trackbench.example.notes.internal;

import java.time.Clock;
import java.util.UUID;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.trackbench.core.capture.TimeEntry;
import org.trackbench.core.capture.TimeTracker;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueStore;

/**
 * {@code trackbench:note <text>}: writes a note on the current time entry. The note joins the entry's ordering
 * group as an unordered member, so it reaches the server after the entry's start but holds nothing up.
 */
@Component(service = NoteCommand.class, property = { "osgi.command.scope=trackbench", "osgi.command.function=note" })
public final class NoteCommand {

    private final QueueStore store;
    private final TimeTracker tracker;
    private final Clock clock;

    @Activate
    public NoteCommand(@Reference QueueStore store, @Reference TimeTracker tracker) {
        this(store, tracker, Clock.systemUTC());
    }

    NoteCommand(QueueStore store, TimeTracker tracker, Clock clock) {
        this.store = store;
        this.tracker = tracker;
        this.clock = clock;
    }

    @Descriptor("writes a note on the current time entry")
    public String note(@Descriptor("the note") String... words) {
        UUID entry = tracker.status().currentEntry().map(TimeEntry::id).orElse(null);
        Note note;
        try {
            note = new Note(entry, words == null ? null : String.join(" ", words), clock.instant());
        } catch (IllegalArgumentException e) {
            return "error: " + e.getMessage() + "\nusage: trackbench:note <text>\n";
        }
        EnqueueRequest request = EnqueueRequest.of(Note.ENTITY_TYPE, note.toJson());
        QueueItem item = store.enqueue(entry == null ? request : request.inGroup(entry.toString(), false));
        return "Queued note " + item.id() + (entry == null ? " (no time entry running)" : " on entry " + entry) + ".\n";
    }
}
