package org.trackbench.core.queue;

import java.time.Instant;
import java.util.Locale;

/**
 * The disk holding the queue ran out of space: nothing new can be stored until there is room again. What is stored
 * stays readable and is kept; the store takes writes again by itself once {@code neededBytes} are free.
 *
 * @param directory where the queue lives, so the user knows which disk to free
 * @param usableBytes the space left there when last looked at
 * @param neededBytes the space the store waits for before it takes writes again
 * @param since when the store first found the disk full
 * @since 1.4
 */
public record StorageShortage(String directory, long usableBytes, long neededBytes, Instant since) {

    private static final double MIB = 1024 * 1024;

    /** One line for a status bar or a console: where, how much is free and how much is needed. */
    public String describe() {
        return String.format(Locale.ROOT, "the disk holding the queue (%s) is full: %.1f MiB free, %.0f MiB needed;"
                + " free space there and Trackbench goes on by itself", directory, usableBytes / MIB, neededBytes / MIB);
    }
}
