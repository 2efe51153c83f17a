package org.trackbench.ui.internal.handlers;

import java.util.Set;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;
import org.trackbench.core.capture.TimeTracker;
import org.trackbench.core.capture.TrackerState;

import jakarta.inject.Named;

/** Pause: the running entry stops counting time until it is resumed. */
public final class PauseHandler {

    @CanExecute
    boolean canExecute(@Optional @Service TimeTracker tracker) {
        return TrackerTransitions.allowed(tracker, Set.of(TrackerState.RUNNING));
    }

    @Execute
    void execute(@Service TimeTracker tracker, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        TrackerTransitions.run("Pause", shell, tracker, TimeTracker::pause);
    }
}
