package org.trackbench.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.trackbench.core.sync.SyncService;

/** Sync now: the sync job runs at once, probing the server even while it backs off from an outage. */
public final class SyncNowHandler {

    @CanExecute
    boolean canExecute(@Optional @Service SyncService sync) {
        return sync != null;
    }

    @Execute
    void execute(@Service SyncService sync) {
        sync.syncNow();
    }
}
