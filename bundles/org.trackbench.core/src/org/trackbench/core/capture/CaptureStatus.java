package org.trackbench.core.capture;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * Screenshot capture's status, as capture itself reports it.
 *
 * @param state what capture is doing
 * @param lastImageAt when the last screenshot was taken, {@code null} if none yet
 * @param lastImageBytes its size as queued, all monitors together
 * @param lastImageTook how long capturing, encoding and queueing it took
 * @param reason why capture is paused, unavailable or failed, or how often it captures; for a person to read
 * @since 1.2
 */
public record CaptureStatus(CaptureState state, Instant lastImageAt, long lastImageBytes, Duration lastImageTook,
        String reason) {

    public CaptureStatus {
        Objects.requireNonNull(state, "state");
    }

    /** Nothing captured yet, no entry running. */
    public static CaptureStatus off() {
        return new CaptureStatus(CaptureState.OFF, null, 0, null, null);
    }

    /** This status in {@code newState} for {@code newReason}, keeping what it knows of the last image. */
    public CaptureStatus with(CaptureState newState, String newReason) {
        return new CaptureStatus(newState, lastImageAt, lastImageBytes, lastImageTook, newReason);
    }

    /** One line for a status bar or a console, e.g. "last screenshot at …: 54 KiB, 35 ms to capture, encode and queue". */
    public String describe() {
        return switch (state) {
            case OFF -> "not capturing";
            case CAPTURING -> lastImageAt == null ? "capturing " + reason
                    : String.format(Locale.ROOT, "last screenshot at %s: %d KiB, %d ms to capture, encode and queue",
                            lastImageAt.truncatedTo(ChronoUnit.SECONDS), lastImageBytes / 1024, lastImageTook.toMillis());
            case PAUSED -> "capture paused: " + reason;
            case UNAVAILABLE -> "capture unavailable: " + reason;
            case FAILED -> "capture failed: " + reason;
            case AWAITING_CONSENT -> "capture awaiting consent: " + reason;
        };
    }
}
