package org.trackbench.ui.internal.handlers;

import java.util.Set;
import java.util.function.Function;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.trackbench.core.capture.TimeEntry;
import org.trackbench.core.capture.TimeTracker;
import org.trackbench.core.capture.TrackerState;

/**
 * What the toolbar's and the Tracker menu's transitions share: each is enabled only in the states it leaves from,
 * and runs in a job (it commits to the queue), saying in a dialog when the tracker refuses it.
 */
final class TrackerTransitions {

    private TrackerTransitions() {
    }

    static boolean allowed(TimeTracker tracker, Set<TrackerState> from) {
        return tracker != null && from.contains(tracker.status().state());
    }

    static void run(String label, Shell shell, TimeTracker tracker, Function<TimeTracker, TimeEntry> transition) {
        Job.create(label + " the time entry", monitor -> {
            try {
                transition.apply(tracker);
            } catch (RuntimeException e) {
                shell.getDisplay().asyncExec(() -> {
                    if (!shell.isDisposed()) {
                        MessageDialog.openError(shell, label + " refused", e.getMessage());
                    }
                });
            }
            return Status.OK_STATUS;
        }).schedule();
    }
}
