package org.trackbench.ui.internal.handlers;

import java.util.Set;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.trackbench.core.capture.TimeTracker;
import org.trackbench.core.capture.TrackerState;

import jakarta.inject.Named;

/** Start: asks what the new entry is about, then starts it (project and task are set in the Tracker view). */
public final class StartHandler {

    @CanExecute
    boolean canExecute(@Optional @Service TimeTracker tracker) {
        return TrackerTransitions.allowed(tracker, Set.of(TrackerState.IDLE, TrackerState.STOPPED));
    }

    @Execute
    void execute(@Service TimeTracker tracker, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        InputDialog ask = new InputDialog(shell, "Start a time entry", "What are you working on?", "", null);
        if (ask.open() != Window.OK) {
            return;
        }
        String description = ask.getValue().isBlank() ? null : ask.getValue().strip();
        TrackerTransitions.run("Start", shell, tracker, current -> current.start(description, null, null));
    }
}
