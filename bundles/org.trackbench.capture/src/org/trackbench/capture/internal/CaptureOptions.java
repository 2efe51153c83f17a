package org.trackbench.capture.internal;

import java.time.Duration;
import java.util.Locale;

/**
 * Capture's validated settings.
 *
 * @param interval time between two screenshots
 * @param randomPlacement capture at a random moment inside each interval instead of at its end
 * @param perMonitor one image per monitor instead of one of the whole desktop
 * @param format {@code jpeg} or {@code png}
 * @param jpegQuality 0.05 to 1.0
 * @param maxEdge downscale so neither side exceeds this; 0 keeps the size
 * @param redaction what is done to each image before it is encoded
 * @param pixelBlock the side of pixelate's blocks, in pixels
 * @param quotaBytes capture pauses while the queue's unsent blob bytes exceed this
 */
record CaptureOptions(Duration interval, boolean randomPlacement, boolean perMonitor, String format, float jpegQuality,
        int maxEdge, Redaction redaction, int pixelBlock, long quotaBytes) {

    CaptureOptions {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("intervalSeconds must be positive, was " + interval.toSeconds());
        }
        if (!format.equals("jpeg") && !format.equals("png")) {
            throw new IllegalArgumentException("format '" + format + "' is not accepted; expected jpeg or png");
        }
        if (jpegQuality < 0.05f || jpegQuality > 1.0f) {
            throw new IllegalArgumentException("jpegQuality " + jpegQuality + " is out of range; expected 0.05 to 1.0");
        }
        if (pixelBlock < 4 || pixelBlock > 256) {
            throw new IllegalArgumentException("pixelBlock " + pixelBlock + " is out of range; expected 4 to 256 pixels");
        }
        if (maxEdge < 0 || quotaBytes < 1) {
            throw new IllegalArgumentException("maxEdge " + maxEdge + " / quota " + quotaBytes
                    + " out of range; expected maxEdge >= 0 and a positive quota");
        }
    }

    static CaptureOptions from(CaptureConfig config) {
        return new CaptureOptions(Duration.ofSeconds(config.intervalSeconds()), config.randomPlacement(),
                config.perMonitor(), config.format().strip().toLowerCase(Locale.ROOT), config.jpegQuality(),
                config.maxEdge(), Redaction.parse(config.redaction(), config.blur()), config.pixelBlock(),
                config.quotaMegabytes() * 1024 * 1024);
    }

    String contentType() {
        return format.equals("png") ? "image/png" : "image/jpeg";
    }
}
