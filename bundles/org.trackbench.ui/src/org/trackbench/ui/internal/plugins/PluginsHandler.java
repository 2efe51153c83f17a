package org.trackbench.ui.internal.plugins;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;
import org.trackbench.core.plugins.PluginInstaller;

import jakarta.inject.Named;

/** Help > Plug-ins…: the installed plug-ins, and installing more from a p2 repository. */
public final class PluginsHandler {

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Service PluginInstaller installer) {
        new PluginsDialog(shell, installer).open();
    }
}
