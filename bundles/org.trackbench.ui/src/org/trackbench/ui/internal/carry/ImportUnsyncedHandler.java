package org.trackbench.ui.internal.carry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.trackbench.core.admin.QueueAdmin;
import org.trackbench.export.UnsyncedBundle;

/**
 * File > Import unsynced…: queues the items of a bundle exported on another machine with their idempotency keys,
 * all or none; a wrong passphrase or a damaged file imports nothing, and items already here are skipped.
 */
public final class ImportUnsyncedHandler {

    private static final String BUNDLE = "org.trackbench.ui";

    @Execute
    void execute(Shell shell, @Service QueueAdmin admin, UISynchronize ui) {
        FileDialog files = new FileDialog(shell, SWT.OPEN);
        files.setText("Import unsynced items");
        files.setFilterExtensions(new String[] { "*" + UnsyncedBundle.EXTENSION, "*" });
        String chosen = files.open();
        if (chosen == null) {
            return;
        }
        PassphraseDialog dialog = new PassphraseDialog(shell, "Open the bundle", "The passphrase it was exported with.",
                false);
        if (dialog.open() != Window.OK) {
            return;
        }
        Path source = Path.of(chosen);
        char[] passphrase = dialog.passphrase();
        Job job = Job.create("Importing unsynced items from " + source.getFileName(), monitor -> {
            String outcome;
            boolean imported;
            try (UnsyncedBundle.Contents contents = UnsyncedBundle.read(source, passphrase)) {
                int added = admin.importItems(contents.requests(), source.toString());
                outcome = "Imported " + added + " of the " + contents.requests().size() + " item(s) in " + source
                        + (added < contents.requests().size() ? "; the others were already queued here." : ".");
                imported = true;
            } catch (IOException | RuntimeException e) {
                outcome = e.getMessage();
                imported = false;
            } finally {
                Arrays.fill(passphrase, '\0');
            }
            String said = outcome;
            boolean done = imported;
            ui.asyncExec(() -> {
                if (done) {
                    MessageDialog.openInformation(shell.isDisposed() ? null : shell, "Import unsynced", said);
                } else {
                    MessageDialog.openError(shell.isDisposed() ? null : shell, "Nothing was imported", said);
                }
            });
            return new Status(done ? IStatus.OK : IStatus.ERROR, BUNDLE, said);
        });
        job.setUser(true);
        job.schedule();
    }
}
