package org.trackbench.core.sync;

import java.time.Duration;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Controls the background delivery of the queue. Every method returns at once; the work happens in the
 * sync job. Status changes are posted on {@link SyncEvents#TOPIC_STATUS}.
 */
@ProviderType
public interface SyncService {

    /** The job family of the sync job, for {@code IJobManager.find} and the Progress view. */
    String JOB_FAMILY = "org.trackbench.sync";

    /** Runs the sync job now, even if it was backing off; does not resume a paused sync. */
    void syncNow();

    /** Stops delivering after the requests in flight; nothing is lost or spent. */
    void pause();

    /** Delivers again, also after "sign-in needed" once a new token is in place. */
    void resume();

    /**
     * A new token was stored: a sync waiting for sign-in tries again now. A pause an admin set stays; so does the
     * state of a sync that was not waiting for a token.
     *
     * @since 1.2
     */
    void tokenChanged();

    SyncStatus status();

    /**
     * How far this machine's clock is ahead of the server's (negative: behind), smoothed over the server's answers;
     * empty before the first. Cheap: no queue read, unlike {@link #status()}.
     *
     * @since 1.3
     */
    Optional<Duration> clockOffset();
}
