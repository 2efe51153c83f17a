package org.trackbench.core.capture;

import java.util.Optional;

/**
 * What the tracker reports.
 *
 * @param state the tracker's state
 * @param entry the current entry, {@code null} when idle
 * @param message a remark for a person, e.g. "restored running entry since …", {@code null} if none
 * @param capture the screenshot capture's state, e.g. "capturing every 5 min" or "capture unavailable: …"
 */
public record TrackerStatus(TrackerState state, TimeEntry entry, String message, String capture) {

    public Optional<TimeEntry> currentEntry() {
        return Optional.ofNullable(entry);
    }
}
