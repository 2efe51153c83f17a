package org.trackbench.ui.internal.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;

/**
 * Exports queue items to a file as a user job. It writes a temporary file beside the target and moves it into
 * place only when complete, so a failed or cancelled export never leaves a truncated file (or replaces a good one).
 */
public final class ExportJob extends Job {

    private static final String BUNDLE = "org.trackbench.ui";

    private final QueueStore store;
    private final List<QueueItem> selected;
    private final QueueQuery filtered;
    private final long expected;
    private final Path target;

    private ExportJob(QueueStore store, List<QueueItem> selected, QueueQuery filtered, long expected, Path target) {
        super("Exporting the queue to " + target.getFileName());
        this.store = store;
        this.selected = List.copyOf(selected);
        this.filtered = filtered;
        this.expected = expected;
        this.target = target;
        setUser(true);
    }

    /** Exports exactly these items. */
    public static ExportJob ofSelection(List<QueueItem> items, Path target) {
        return new ExportJob(null, items, null, items.size(), target);
    }

    /** Exports every item the query's filters match; {@code expected} sizes the progress bar, -1 if unknown. */
    public static ExportJob ofFiltered(QueueStore store, QueueQuery filtered, long expected, Path target) {
        return new ExportJob(store, List.of(), filtered, expected, target);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        QueueExport.Format format;
        try {
            format = QueueExport.Format.of(target.getFileName().toString());
        } catch (IllegalArgumentException e) {
            return new Status(IStatus.ERROR, BUNDLE, e.getMessage(), e);
        }
        monitor.beginTask(getName(), expected > 0 && expected <= Integer.MAX_VALUE ? (int) expected : IProgressMonitor.UNKNOWN);
        Path partial = null;
        try {
            partial = Files.createTempFile(target.toAbsolutePath().getParent(), ".trackbench-export-", ".part");
            long written;
            try (OutputStream out = Files.newOutputStream(partial)) {
                written = filtered == null ? QueueExport.write(selected, format, out)
                        : QueueExport.write(store, filtered, format, out, monitor);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Status(IStatus.OK, BUNDLE, "Exported " + written + " item(s) to " + target);
        } catch (OperationCanceledException e) {
            deleteQuietly(partial);
            return Status.CANCEL_STATUS;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(partial);
            return new Status(IStatus.ERROR, BUNDLE, "Cannot export the queue to " + target + ": " + e.getMessage(), e);
        } finally {
            monitor.done();
        }
    }

    private static void deleteQuietly(Path partial) {
        if (partial == null) {
            return;
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            // The temporary file is hidden and named as one; the export's own failure is what the user must see.
        }
    }
}
