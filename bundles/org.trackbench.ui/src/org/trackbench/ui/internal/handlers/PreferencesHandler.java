package org.trackbench.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferenceManager;
import org.eclipse.jface.preference.PreferenceNode;
import org.eclipse.swt.widgets.Shell;
import org.trackbench.core.admin.AuditTrail;
import org.trackbench.core.fleet.FleetService;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.settings.SettingsService;
import org.trackbench.core.sync.SyncService;
import org.trackbench.core.sync.TokenProvider;
import org.trackbench.ui.internal.fleet.FleetVisibility;
import org.trackbench.ui.internal.preferences.SettingsPage;
import org.trackbench.ui.internal.preferences.SignInPage;

/**
 * Preferences…: Sign in, then a page per Trackbench component's settings, from its Metatype. They are saved to
 * Configuration Admin, the store the headless console edits too.
 */
public final class PreferencesHandler {

    @Execute
    void execute(Shell shell, @Service SettingsService settings, @Service TokenProvider tokens,
            @Optional @Service SyncService sync, @Optional @Service AuditTrail audit,
            @Optional @Service QueueStore store, @Optional @Service FleetService fleet, MApplication application,
            EModelService models, EPartService parts) {
        PreferenceManager pages = new PreferenceManager();
        pages.addToRoot(new PreferenceNode("sign-in", new SignInPage(settings, tokens, sync, audit, store)));
        settings.definitions().forEach((pid, group) -> pages.addToRoot(new PreferenceNode(pid,
                new SettingsPage(settings, group, audit))));
        PreferenceDialog dialog = new PreferenceDialog(shell, pages);
        dialog.setMinimumPageSize(560, 360);
        dialog.open();
        FleetVisibility.update(fleet, application, models, parts);
    }
}
