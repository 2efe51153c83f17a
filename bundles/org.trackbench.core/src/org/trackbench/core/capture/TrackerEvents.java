package org.trackbench.core.capture;

/** EventAdmin topics posted by the {@link TimeTracker}. */
public final class TrackerEvents {

    /** The tracker's state changed; properties {@link #STATE} and {@link #ENTRY_ID}. */
    public static final String TOPIC_STATE = "org/trackbench/tracker/STATE";
    /**
     * A screenshot was queued, or capture changed its status; properties {@link #CAPTURE_STATUS} and {@link #CAPTURE},
     * and when a screenshot was queued {@link #SCREENSHOT_ID}.
     */
    public static final String TOPIC_CAPTURE = "org/trackbench/tracker/CAPTURE";

    public static final String STATE = "state";
    public static final String ENTRY_ID = "entryId";
    /** Capture's status described, a {@code String}; {@link #CAPTURE_STATUS} has it as a value. */
    public static final String CAPTURE = "capture";
    /**
     * Capture's status, a {@link CaptureStatus}.
     *
     * @since 1.2
     */
    public static final String CAPTURE_STATUS = "captureStatus";
    /**
     * The queue id ({@code Long}) of the screenshot just queued, the first monitor's when each is captured.
     *
     * @since 1.1
     */
    public static final String SCREENSHOT_ID = "screenshotId";

    private TrackerEvents() {
    }
}
