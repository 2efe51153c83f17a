package org.trackbench.ui.internal.plugins;

import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackbench.core.plugins.PluginInstaller;
import org.trackbench.core.plugins.ProductUpdates;
import org.trackbench.core.plugins.ProvisioningException;
import org.trackbench.core.plugins.Update;

import jakarta.inject.Named;

/**
 * Help > Check for Updates…: asks for the update site, lists the updates it offers, installs them when the person
 * agrees and restarts the workbench to run them. p2 runs in jobs (the Progress view shows them); its answers come
 * back as dialogs.
 */
public final class CheckForUpdatesHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CheckForUpdatesHandler.class);
    private static final String TITLE = "Check for Updates";

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Service ProductUpdates updates,
            IWorkbench workbench, UISynchronize ui) {
        InputDialog site = new InputDialog(shell, TITLE, "Trackbench's update site, a p2 repository (a folder or an"
                + " https URL):", updates.updateSite().orElse(""), text -> {
                    try {
                        PluginInstaller.repository(text);
                        return null;
                    } catch (IllegalArgumentException e) {
                        return e.getMessage();
                    }
                });
        if (site.open() != Window.OK) {
            return;
        }
        URI repository = PluginInstaller.repository(site.getValue());
        inJob("Checking " + repository + " for updates", ui, shell, () -> updates.check(repository), found -> {
            if (found.isEmpty()) {
                MessageDialog.openInformation(shell, TITLE, "Trackbench is up to date with " + repository + ".");
            } else if (MessageDialog.openQuestion(shell, TITLE, repository + " offers:\n\n" + lines(found)
                    + "\n\nInstall them and restart Trackbench? The queue is kept as it is.")) {
                inJob("Updating Trackbench from " + repository, ui, shell, () -> updates.apply(repository),
                        applied -> restart(shell, workbench, applied));
            }
        });
    }

    private static void restart(Shell shell, IWorkbench workbench, List<Update> applied) {
        if (applied.isEmpty()) {
            MessageDialog.openInformation(shell, TITLE, "Trackbench was already up to date; nothing was changed.");
            return;
        }
        MessageDialog.openInformation(shell, TITLE, "Updated:\n\n" + lines(applied)
                + "\n\nTrackbench restarts now to run the update.");
        workbench.restart();
    }

    private static void inJob(String name, UISynchronize ui, Shell shell, P2Call call, Consumer<List<Update>> then) {
        Job.create(name, monitor -> {
            try {
                List<Update> result = call.run();
                ui.asyncExec(() -> then.accept(result));
            } catch (ProvisioningException e) {
                ui.asyncExec(() -> MessageDialog.openError(shell, TITLE, e.getMessage()));
            } catch (RuntimeException e) {
                LOG.error("{} failed", name, e);
                ui.asyncExec(() -> MessageDialog.openError(shell, TITLE, "p2 failed unexpectedly: " + e
                        + " (trackbench.log has the details)"));
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    private static String lines(List<Update> updates) {
        return String.join("\n", updates.stream().map(Update::toString).toList());
    }

    @FunctionalInterface
    private interface P2Call {
        List<Update> run() throws ProvisioningException;
    }
}
