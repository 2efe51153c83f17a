package org.trackbench.headless.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.trackbench.core.capture.CaptureStorage;
import org.trackbench.core.capture.ScreenCapture;
import org.trackbench.core.capture.TimeEntry;
import org.trackbench.core.capture.TimeTracker;
import org.trackbench.core.capture.TrackerStatus;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.sync.SyncService;
import org.trackbench.core.sync.SyncStatus;

/**
 * {@code trackbench:status}: sync, queue and tracker on one screen. It works when they do not: a service that
 * could not start is shown with the reason its component recorded (a locked or damaged database, say).
 */
@Component(service = StatusCommand.class, property = { Commands.SCOPE, "osgi.command.function=status" })
public final class StatusCommand {

    private final ComponentHealth health;
    private final Clock clock = Clock.systemUTC();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SyncService sync;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile QueueStore store;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TimeTracker tracker;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ScreenCapture capture;

    @Activate
    public StatusCommand(@Reference ServiceComponentRuntime runtime) {
        this.health = new ComponentHealth(runtime);
    }

    @Descriptor("shows the sync, the queue and the time entry")
    public String status() {
        Instant now = clock.instant();
        SyncService currentSync = sync;
        QueueStore currentStore = store;
        TimeTracker currentTracker = tracker;
        ScreenCapture currentCapture = capture;
        TextTable table = TextTable.fields("TRACKBENCH", "");
        if (currentSync == null) {
            table.row("sync", health.why(SyncService.class));
        } else {
            SyncStatus syncStatus = currentSync.status();
            table.row("sync", syncStatus.state().label() + ", next run " + Durations.until(syncStatus.nextRun(), now)
                    + ", last success " + Durations.local(syncStatus.lastSuccess()));
            table.row("last error", syncStatus.lastError());
            syncStatus.clockWarning().ifPresent(warning -> table.row("clock", "warning: " + warning));
            if (!syncStatus.typesWithoutHandler().isEmpty()) {
                table.row("no handler", String.join(", ", syncStatus.typesWithoutHandler().stream().sorted().toList())
                        + " (items wait until a plug-in handles them)");
            }
        }
        if (currentStore == null) {
            table.row("queue", health.why(QueueStore.class));
        } else {
            Map<ItemStatus, Long> counts = currentStore.countByStatus();
            table.row("queue", "pending " + counts.get(ItemStatus.PENDING) + ", in flight " + counts.get(ItemStatus.IN_FLIGHT)
                    + ", blocked " + counts.get(ItemStatus.BLOCKED) + ", failed " + counts.get(ItemStatus.FAILED)
                    + ", sent " + counts.get(ItemStatus.SENT));
            currentStore.storageShortage().ifPresent(shortage -> table.row("disk", shortage.describe()));
        }
        if (currentTracker == null) {
            table.row("tracker", health.why(TimeTracker.class));
        } else {
            table.row("tracker", tracker(currentTracker.status(), now));
        }
        table.row("capture", currentCapture == null ? health.why(ScreenCapture.class) : currentCapture.status().describe());
        if (currentCapture != null) {
            CaptureStorage storage = currentCapture.storage();
            table.row("storage", storage.describe() + (storage.nearlyFull() ? "; capture pauses at the quota" : ""));
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
