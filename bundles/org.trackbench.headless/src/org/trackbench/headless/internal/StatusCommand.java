package org.trackbench.headless.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.trackbench.core.capture.TimeEntry;
import org.trackbench.core.capture.TimeTracker;
import org.trackbench.core.capture.TrackerStatus;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.sync.SyncService;
import org.trackbench.core.sync.SyncStatus;

/** {@code trackbench:status}: sync, queue and tracker on one screen. */
@Component(service = StatusCommand.class, property = { Commands.SCOPE, "osgi.command.function=status" })
public final class StatusCommand {

    private final SyncService sync;
    private final QueueStore store;
    private final TimeTracker tracker;
    private final Clock clock;

    @Activate
    public StatusCommand(@Reference SyncService sync, @Reference QueueStore store, @Reference TimeTracker tracker) {
        this(sync, store, tracker, Clock.systemUTC());
    }

    StatusCommand(SyncService sync, QueueStore store, TimeTracker tracker, Clock clock) {
        this.sync = sync;
        this.store = store;
        this.tracker = tracker;
        this.clock = clock;
    }

    @Descriptor("shows the sync, the queue and the time entry")
    public String status() {
        Instant now = clock.instant();
        SyncStatus syncStatus = sync.status();
        Map<ItemStatus, Long> counts = store.countByStatus();
        TrackerStatus trackerStatus = tracker.status();
        TextTable table = TextTable.fields("TRACKBENCH", "")
                .row("sync", syncStatus.state().label() + ", next run " + Durations.until(syncStatus.nextRun(), now)
                        + ", last success " + Durations.local(syncStatus.lastSuccess()))
                .row("queue", "pending " + counts.get(ItemStatus.PENDING) + ", in flight " + counts.get(ItemStatus.IN_FLIGHT)
                        + ", blocked " + counts.get(ItemStatus.BLOCKED) + ", failed " + counts.get(ItemStatus.FAILED)
                        + ", sent " + counts.get(ItemStatus.SENT))
                .row("last error", syncStatus.lastError())
                .row("tracker", tracker(trackerStatus, now))
                .row("capture", trackerStatus.capture());
        if (!syncStatus.typesWithoutHandler().isEmpty()) {
            table.row("no handler", String.join(", ", syncStatus.typesWithoutHandler().stream().sorted().toList())
                    + " (items wait until a plug-in handles them)");
        }
        return table.toString();
    }

    private static String tracker(TrackerStatus status, Instant now) {
        if (status.entry() == null) {
            return status.state().label();
        }
        TimeEntry entry = status.entry();
        String what = entry.description() == null ? "" : " \"" + entry.description() + "\"";
        return status.state().label() + what + ", " + Durations.clock(entry.elapsed(now)) + " worked (entry " + entry.id() + ")";
    }
}
