package org.trackbench.core.capture;

import java.util.Locale;

/** Where the current time entry is: {@code IDLE → RUNNING ⇄ PAUSED → STOPPED} (then a new start). */
public enum TrackerState {
    IDLE, RUNNING, PAUSED, STOPPED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
