package org.trackbench.core.capture;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Periodic screenshots while the time entry runs. Its changes are also posted on {@link TrackerEvents#TOPIC_CAPTURE}.
 *
 * @since 1.2
 */
@ProviderType
public interface ScreenCapture {

    /** The family of the Eclipse Job that takes the screenshots, for {@code IJobManager.find} and progress views. */
    String JOB_FAMILY = "org.trackbench.capture";

    /** What capture is doing now, and what it last took. */
    CaptureStatus status();

    /**
     * No screenshots for {@code duration} from now (zero ends a pause): the time entry keeps running, and each
     * screenshot skipped leaves an omission marker ({@link OmissionReason#PAUSED_BY_USER}).
     *
     * @throws IllegalArgumentException for a negative duration or one over a day
     * @since 1.3
     */
    void pauseFor(Duration duration);

    /**
     * The space unsent screenshots take against the quota, read from the queue now.
     *
     * @since 1.3
     */
    CaptureStorage storage();

    /**
     * Until when screenshots are paused by the person, if they are.
     *
     * @since 1.3
     */
    Optional<Instant> pausedUntil();
}
