package org.trackbench.core.capture;

import java.util.Locale;

/**
 * The space screenshots take until they are sent, against capture's quota.
 *
 * @param unsentBytes bytes of screenshots not delivered yet
 * @param quotaBytes the quota; beyond it capture pauses
 * @since 1.3
 */
public record CaptureStorage(long unsentBytes, long quotaBytes) {

    private static final double MIB = 1024 * 1024;

    /** Whether more than four fifths of the quota are used: worth a person's attention before capture pauses. */
    public boolean nearlyFull() {
        return unsentBytes * 5 > quotaBytes * 4;
    }

    /** For people: e.g. "12.4 of 500 MiB of unsent screenshots". */
    public String describe() {
        return String.format(Locale.ROOT, "%.1f of %.0f MiB of unsent screenshots", unsentBytes / MIB, quotaBytes / MIB);
    }
}
