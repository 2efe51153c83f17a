package org.trackbench.core.capture;

/**
 * What screenshot capture is doing.
 *
 * @since 1.2
 */
public enum CaptureState {
    /** No entry runs: nothing to capture. */
    OFF,
    /** An entry runs and a screenshot is taken each interval. */
    CAPTURING,
    /** An entry runs but capture waits: the disk quota is reached or the disk is full. It resumes by itself. */
    PAUSED,
    /** An entry runs but there is no screen to capture (no display, no matching source). */
    UNAVAILABLE,
    /** The last screenshot could not be taken or queued; the next interval tries again. */
    FAILED,
    /**
     * An entry runs but no screenshot is taken: the person has not accepted the capture terms yet
     * ({@link ScreenCapture#terms}, {@link ScreenCapture#accept}).
     *
     * @since 1.4
     */
    AWAITING_CONSENT
}
