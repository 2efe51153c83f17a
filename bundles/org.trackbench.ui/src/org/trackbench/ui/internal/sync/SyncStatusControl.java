package org.trackbench.ui.internal.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.resource.ColorDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.osgi.service.event.Event;
import org.trackbench.core.capture.CaptureStorage;
import org.trackbench.core.capture.ScreenCapture;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueEvents;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.queue.StorageShortage;
import org.trackbench.core.sync.SyncEvents;
import org.trackbench.core.sync.SyncService;
import org.trackbench.core.sync.SyncState;
import org.trackbench.core.sync.SyncStatus;
import org.trackbench.ui.internal.PartJob;
import org.trackbench.ui.internal.StatusPalette;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The sync's state in the trim bar: online, offline, sign-in needed or paused, pending and failed counts and the
 * countdown to the next attempt, from the sync's status events; a full disk before all of it, since nothing is
 * stored until it has room. A click syncs now.
 */
public final class SyncStatusControl {

    private static final int TICK_MILLIS = 1_000;
    private static final long RECOUNT_DELAY_MILLIS = 1_000;
    private static final double MIB = 1024 * 1024;

    @Inject
    private UISynchronize ui;

    private Label label;
    private LocalResourceManager colors;
    private volatile SyncService sync;
    private volatile ScreenCapture capture;
    private SyncStatus status;
    private CaptureStorage storage;
    private StorageShortage diskFull;
    private final Job recount = PartJob.system("Counting the queue", this, monitor -> {
        SyncService current = sync;
        ScreenCapture currentCapture = capture;
        CaptureStorage used = currentCapture == null ? null : currentCapture.storage();
        if (current != null) {
            SyncStatus counted = current.status();
            ui.asyncExec(() -> {
                status = counted;
                storage = used;
                show();
            });
        }
    });

    @PostConstruct
    void createControls(Composite parent) {
        parent.setLayout(new FillLayout());
        label = new Label(parent, SWT.NONE);
        colors = new LocalResourceManager(JFaceResources.getResources(), label);
        label.setText("sync: starting…");
        label.setToolTipText("Click to sync now");
        label.addListener(SWT.MouseUp, event -> {
            SyncService current = sync;
            if (current != null) {
                current.syncNow();
            }
        });
        tick();
    }

    /** Closed: a recount under way is cancelled. */
    @PreDestroy
    void close() {
        Job.getJobManager().cancel(this);
    }

    @Inject
    void setSync(@Optional @Service SyncService service) {
        this.sync = service;
    }

    @Inject
    void setCapture(@Optional @Service ScreenCapture service) {
        this.capture = service;
    }

    /** A disk already full when the workbench starts; later changes come as events. */
    @Inject
    void setStore(@Optional @Service QueueStore store) {
        if (store != null) {
            diskFull = store.storageShortage().orElse(null);
        }
    }

    @Inject
    @Optional
    void storageChanged(@UIEventTopic(QueueEvents.TOPIC_STORAGE) Event event) {
        diskFull = event.getProperty(QueueEvents.SHORTAGE) instanceof StorageShortage shortage ? shortage : null;
        show();
    }

    /**
     * The queue changed: read the counts again (at most once a second, off the UI thread), since a paused or
     * offline sync announces nothing until it runs.
     */
    @Inject
    @Optional
    void queueChanged(@UIEventTopic(QueueEvents.TOPIC_ALL) Event event) {
        SyncService current = sync;
        if (current != null && label != null && !label.isDisposed()) {
            recount.schedule(RECOUNT_DELAY_MILLIS);
        }
    }

    @Inject
    @Optional
    void statusChanged(@UIEventTopic(SyncEvents.TOPIC_STATUS) Event event) {
        if (event.getProperty(SyncEvents.STATUS) instanceof SyncStatus newStatus) {
            status = newStatus;
            show();
        }
    }

    /** Colours the text as the status palette colours what needs attention; {@code null}: the theme's own. */
    private void tone(ItemStatus status) {
        label.setForeground(status == null ? null : colors.create(ColorDescriptor.createFrom(StatusPalette.swt(status))));
    }

    private void tick() {
        if (label.isDisposed()) {
            return;
        }
        show();
        label.getDisplay().timerExec(TICK_MILLIS, this::tick);
    }

    private void show() {
        if (label == null || label.isDisposed()) {
            return;
        }
        if (diskFull != null) {
            label.setText("disk full: nothing new is stored");
            label.setToolTipText(diskFull.describe());
            tone(ItemStatus.FAILED);
            label.requestLayout();
            return;
        }
        if (status == null) {
            return;
        }
        StringBuilder text = new StringBuilder("sync: ").append(status.state().label()).append(" · ")
                .append(status.pending()).append(" pending · ").append(status.failed()).append(" failed");
        if (status.nextRun() != null && status.state() != SyncState.PAUSED) {
            long seconds = Math.max(0, Duration.between(Instant.now(), status.nextRun()).toSeconds());
            if (seconds > 0) {
                text.append(" · next try in ").append(seconds).append(" s");
            }
        }
        status.clockWarning().ifPresent(warning -> text.append(" · clock off"));
        CaptureStorage used = storage;
        if (used != null && used.unsentBytes() > 0) {
            text.append(String.format(Locale.ROOT, " · screenshots %.0f of %.0f MiB",
                    used.unsentBytes() / MIB, used.quotaBytes() / MIB));
        }
        label.setText(text.toString());
        tone(status.failed() > 0 || status.clockOff() || used != null && used.nearlyFull() ? ItemStatus.FAILED
                : status.state() == SyncState.OFFLINE || status.state() == SyncState.SIGN_IN_NEEDED ? ItemStatus.BLOCKED
                        : null);
        label.setToolTipText(status.clockWarning().map(warning -> capitalized(warning) + "\n").orElse("")
                + (used == null ? "" : capitalized(used.describe()) + "\n")
                + (status.lastError() == null ? "" : "Last error: " + status.lastError() + "\n") + "Click to sync now");
        label.requestLayout();
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
