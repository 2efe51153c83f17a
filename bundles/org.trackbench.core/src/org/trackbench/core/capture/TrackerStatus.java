package org.trackbench.core.capture;

import java.util.Optional;

/**
 * What the tracker reports.
 *
 * @param state the tracker's state
 * @param entry the current entry, {@code null} when idle
 * @param message a remark for a person, e.g. "restored running entry since …", {@code null} if none
 * @param capture capture's status described, e.g. "capture unavailable: …"; {@link ScreenCapture#status()} has it as
 *        a value
 */
public record TrackerStatus(TrackerState state, TimeEntry entry, String message,
        @Deprecated(since = "1.2") String capture) {

    public Optional<TimeEntry> currentEntry() {
        return Optional.ofNullable(entry);
    }
}
