package org.trackbench.core.capture;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    /**
     * The screenshots queued but held back because their review window is still open, newest first: until it ends,
     * the person can {@link #deleteUnderReview delete} each one. Empty when the review window is 0.
     *
     * @since 1.4
     */
    List<ScreenshotUnderReview> underReview();

    /**
     * Deletes a screenshot under review: its encrypted bytes are deleted, never sent, and an omission marker
     * ({@link OmissionReason#DELETED_BY_USER}) takes its place in the queue, in the same transaction.
     *
     * @throws IllegalArgumentException naming the id when it is not a screenshot under review (unknown, its window
     *         over, being sent or sent); nothing is changed then
     * @since 1.4
     */
    void deleteUnderReview(long id);

    /**
     * What capture takes, how often, how it is protected and how long each screenshot can be reviewed, with when the
     * person accepted it: no screenshot is taken before ({@link CaptureState#AWAITING_CONSENT}).
     *
     * @since 1.4
     */
    CaptureTerms terms();

    /**
     * The person accepts the {@link #terms}: recorded with the time in capture's configuration
     * ({@code consentAcceptedAt}), and capture starts with the next interval.
     *
     * @since 1.4
     */
    void accept();
}
