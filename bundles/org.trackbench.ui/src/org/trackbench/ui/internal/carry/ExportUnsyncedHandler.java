package org.trackbench.ui.internal.carry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.trackbench.core.admin.AdminAction;
import org.trackbench.core.admin.AuditTrail;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.export.UnsyncedBundle;

/**
 * File > Export unsynced…: every item not delivered yet, screenshots included, into a passphrase-protected bundle to
 * import on another machine. The items stay queued here; whichever machine sends one, the server applies it once.
 */
public final class ExportUnsyncedHandler {

    private static final String BUNDLE = "org.trackbench.ui";

    @Execute
    void execute(Shell shell, @Service QueueStore store, @Optional @Service AuditTrail audit) {
        FileDialog files = new FileDialog(shell, SWT.SAVE);
        files.setText("Export unsynced items");
        files.setFilterExtensions(new String[] { "*" + UnsyncedBundle.EXTENSION });
        files.setFileName("trackbench-unsynced" + UnsyncedBundle.EXTENSION);
        files.setOverwrite(true);
        String chosen = files.open();
        if (chosen == null) {
            return;
        }
        PassphraseDialog dialog = new PassphraseDialog(shell, "Protect the bundle", "The bundle is encrypted with this"
                + " passphrase; the other machine needs it to import the items. It cannot be recovered.", true);
        if (dialog.open() != Window.OK) {
            return;
        }
        Path target = Path.of(chosen);
        char[] passphrase = dialog.passphrase();
        Job job = Job.create("Exporting unsynced items to " + target.getFileName(), monitor -> {
            try {
                long written = UnsyncedBundle.write(store, audit, target, passphrase);
                if (audit != null) {
                    audit.record(AdminAction.BUNDLE_EXPORT, "to " + target, written);
                }
                return new Status(IStatus.OK, BUNDLE, "Exported " + written + " unsynced item(s) to " + target);
            } catch (IOException | RuntimeException e) {
                return new Status(IStatus.ERROR, BUNDLE, "Cannot export to " + target + ": " + e.getMessage(), e);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        });
        job.setUser(true);
        job.schedule();
    }
}
