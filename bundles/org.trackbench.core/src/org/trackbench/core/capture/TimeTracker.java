package org.trackbench.core.capture;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One current time entry and its transitions. Each transition commits a {@code time_entry_event} item in the
 * entry's ordering group before it returns; an impossible one throws {@link IllegalTransitionException}
 * and queues nothing. A running or paused entry survives a restart: the tracker restores it from the queue.
 */
@ProviderType
public interface TimeTracker {

    /** Starts a new entry; description, project and task may be {@code null}. */
    TimeEntry start(String description, String project, String task);

    TimeEntry pause();

    TimeEntry resume();

    TimeEntry stop();

    TrackerStatus status();
}
