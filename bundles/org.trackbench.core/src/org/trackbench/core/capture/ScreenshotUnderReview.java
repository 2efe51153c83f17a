package org.trackbench.core.capture;

import java.time.Instant;

/**
 * A screenshot queued but held back until its review window ends.
 *
 * @param id its queue item's id
 * @param capturedAt when it was taken
 * @param reviewEndsAt when it leaves for the server, if not deleted before
 * @param bytes its size as stored (encoded, before encryption)
 * @since 1.4
 */
public record ScreenshotUnderReview(long id, Instant capturedAt, Instant reviewEndsAt, long bytes) {
}
