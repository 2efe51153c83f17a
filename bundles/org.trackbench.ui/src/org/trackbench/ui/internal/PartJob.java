package org.trackbench.ui.internal;

import org.eclipse.core.runtime.ICoreRunnable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * A background read of a view, in the family of the view that made it, so that the view cancels all of its jobs when
 * it closes: {@code Job.getJobManager().cancel(view)} in its {@code @PreDestroy}.
 */
public final class PartJob extends Job {

    private final Object part;
    private final ICoreRunnable work;

    private PartJob(String name, Object part, ICoreRunnable work) {
        super(name);
        this.part = part;
        this.work = work;
    }

    /** A user-visible job of {@code part}'s family. */
    public static PartJob of(String name, Object part, ICoreRunnable work) {
        return new PartJob(name, part, work);
    }

    /** A system job (not shown in the Progress view) of {@code part}'s family. */
    public static PartJob system(String name, Object part, ICoreRunnable work) {
        PartJob job = new PartJob(name, part, work);
        job.setSystem(true);
        return job;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == part;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            work.run(monitor);
            return Status.OK_STATUS;
        } catch (org.eclipse.core.runtime.CoreException e) {
            return e.getStatus();
        }
    }
}
