package org.trackbench.ui.internal.handlers;

import java.nio.file.Path;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.trackbench.core.admin.AuditTrail;
import org.trackbench.ui.internal.export.ExportJob;
import org.trackbench.ui.internal.queue.QueuePart;

import jakarta.inject.Named;

/**
 * Export…: the Queue view's selection, or everything its filters match when nothing is selected, to a CSV, JSON
 * or JSON Lines file the admin chooses. The export runs as a user job; a failure is shown with its reason.
 */
public final class ExportHandler {

    private static final String[] EXTENSIONS = { "*.csv", "*.json", "*.jsonl" };
    private static final String[] NAMES = { "CSV (*.csv)", "JSON (*.json)", "JSON Lines (*.jsonl)" };

    @CanExecute
    boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_PART) MPart part) {
        return part != null && part.getObject() instanceof QueuePart;
    }

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_PART) MPart part, Shell shell, UISynchronize ui,
            @Optional @Service AuditTrail audit) {
        QueuePart queue = (QueuePart) part.getObject();
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText("Export " + queue.exportScope());
        dialog.setFilterExtensions(EXTENSIONS);
        dialog.setFilterNames(NAMES);
        dialog.setFileName("trackbench-queue.csv");
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        Path target = withExtension(Path.of(chosen), EXTENSIONS[Math.max(0, dialog.getFilterIndex())].substring(1));
        ExportJob job = queue.export(target, audit);
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                if (event.getResult().getSeverity() == IStatus.ERROR) {
                    ui.asyncExec(() -> MessageDialog.openError(shell.isDisposed() ? null : shell, "Export failed",
                            event.getResult().getMessage()));
                }
            }
        });
        job.schedule();
    }

    /** A name typed without an extension gets the chosen filter's. */
    private static Path withExtension(Path chosen, String extension) {
        String name = chosen.getFileName().toString();
        return name.contains(".") ? chosen : chosen.resolveSibling(name + extension);
    }
}
