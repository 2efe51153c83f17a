package org.trackbench.ui.internal.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.trackbench.core.admin.AdminAction;
import org.trackbench.core.admin.AuditTrail;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.export.ExportProgress;
import org.trackbench.export.ItemExport;
import org.trackbench.export.ItemFormat;

/**
 * Exports queue items to a file as a user job, with progress and cancel in the Progress view; the export
 * library makes the file appear whole or not at all. A failure is the job's result, with its cause.
 */
public final class ExportJob extends Job {

    private static final String BUNDLE = "org.trackbench.ui";

    private final QueueStore store;
    private final List<QueueItem> selected;
    private final QueueQuery filtered;
    private final long expected;
    private final Path target;
    private final AuditTrail audit;

    private ExportJob(QueueStore store, List<QueueItem> selected, QueueQuery filtered, long expected, Path target,
            AuditTrail audit) {
        super("Exporting the queue to " + target.getFileName());
        this.store = store;
        this.selected = List.copyOf(selected);
        this.filtered = filtered;
        this.expected = expected;
        this.target = target;
        this.audit = audit;
        setUser(true);
    }

    /** Exports exactly these items, recorded in {@code audit} ({@code null} while the queue is down). */
    public static ExportJob ofSelection(List<QueueItem> items, Path target, AuditTrail audit) {
        return new ExportJob(null, items, null, items.size(), target, audit);
    }

    /**
     * Exports every item the query's filters match, recorded in {@code audit}; {@code expected} sizes the progress
     * bar, -1 if unknown.
     */
    public static ExportJob ofFiltered(QueueStore store, QueueQuery filtered, long expected, Path target,
            AuditTrail audit) {
        return new ExportJob(store, List.of(), filtered, expected, target, audit);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), expected > 0 && expected <= Integer.MAX_VALUE ? (int) expected : IProgressMonitor.UNKNOWN);
        try {
            ItemFormat format = ItemFormat.of(target.getFileName().toString());
            long written = filtered == null ? ItemExport.write(selected, format, target)
                    : ItemExport.write(store, filtered, format, target, progress(monitor));
            if (audit != null) {
                audit.record(AdminAction.EXPORT, (filtered == null ? "the selected items" : "the items of the Queue"
                        + " view's filters") + " to " + target, written);
            }
            return new Status(IStatus.OK, BUNDLE, "Exported " + written + " item(s) to " + target);
        } catch (CancellationException e) {
            return Status.CANCEL_STATUS;
        } catch (IOException | RuntimeException e) {
            String reason = e instanceof IllegalArgumentException ? e.getMessage()
                    : "Cannot export the queue to " + target + ": " + e.getMessage();
            return new Status(IStatus.ERROR, BUNDLE, reason, e);
        } finally {
            monitor.done();
        }
    }

    private static ExportProgress progress(IProgressMonitor monitor) {
        return new ExportProgress() {
            @Override
            public void worked(int items) {
                monitor.worked(items);
            }

            @Override
            public boolean cancelled() {
                return monitor.isCanceled();
            }
        };
    }
}
