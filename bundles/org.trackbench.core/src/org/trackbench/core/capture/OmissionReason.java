package org.trackbench.core.capture;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Why a screenshot that was due is not there, as the omission marker tells the server.
 *
 * @since 1.3
 */
public enum OmissionReason {
    /** The person deleted it while it was under review. */
    DELETED_BY_USER,
    /** Dropped, unsent, to keep the queue under its storage quota. */
    EVICTED_OVER_QUOTA,
    /** The screen could not be captured (no display, a desktop that refuses). */
    CAPTURE_UNAVAILABLE,
    /** Its monitor is excluded from capture. */
    EXCLUDED,
    /** The person paused screenshots for a while; the entry kept running. */
    PAUSED_BY_USER;

    /** The name on the wire and for people: {@code paused_by_user}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the text and the accepted reasons */
    public static OmissionReason parse(String text) {
        for (OmissionReason reason : values()) {
            if (reason.label().equals(text)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("omission reason '" + text + "' is not accepted; expected one of "
                + Arrays.stream(values()).map(OmissionReason::label).collect(Collectors.joining(", ")));
    }
}
