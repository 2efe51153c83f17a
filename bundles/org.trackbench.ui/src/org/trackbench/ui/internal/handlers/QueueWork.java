package org.trackbench.ui.internal.handlers;

import java.util.function.IntSupplier;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Runs an admin's change to the queue off the UI thread, as a user job the Progress view shows; the queue's
 * own events then refresh the views. A failure is reported with its cause, in the job's result.
 */
public final class QueueWork {

    private static final String BUNDLE = "org.trackbench.ui";

    private QueueWork() {
    }

    public static Job run(String name, IntSupplier change) {
        Job job = Job.create(name, monitor -> {
            try {
                int changed = change.getAsInt();
                return new Status(IStatus.OK, BUNDLE, name + ": " + changed + " item(s)");
            } catch (RuntimeException e) {
                return new Status(IStatus.ERROR, BUNDLE, name + " failed: " + e.getMessage(), e);
            }
        });
        job.setUser(true);
        job.schedule();
        return job;
    }
}
