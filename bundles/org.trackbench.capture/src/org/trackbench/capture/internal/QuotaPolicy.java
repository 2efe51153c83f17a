package org.trackbench.capture.internal;

import java.util.Locale;

/** What capture does once the unsent screenshots reach the quota. */
enum QuotaPolicy {
    /** Take no screenshot until enough are sent. */
    PAUSE_CAPTURE("pauseCapture"),
    /** Drop the oldest unsent screenshots, each leaving an omission marker. */
    EVICT_OLDEST("evictOldest");

    private final String setting;

    QuotaPolicy(String setting) {
        this.setting = setting;
    }

    /** @throws IllegalArgumentException naming the text and the accepted values */
    static QuotaPolicy parse(String text) {
        for (QuotaPolicy policy : values()) {
            if (policy.setting.toLowerCase(Locale.ROOT).equals(text.strip().toLowerCase(Locale.ROOT))) {
                return policy;
            }
        }
        throw new IllegalArgumentException("quotaPolicy '" + text + "' is not accepted; expected pauseCapture or"
                + " evictOldest");
    }
}
