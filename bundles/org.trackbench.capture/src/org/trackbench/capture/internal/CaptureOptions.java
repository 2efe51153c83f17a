package org.trackbench.capture.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Capture's validated settings.
 *
 * @param interval time between two screenshots
 * @param randomPlacement capture at a random moment inside each interval instead of at its end
 * @param perMonitor one image per monitor instead of one of the whole desktop
 * @param excludedMonitors the monitors not captured, by number from 1 (with {@code perMonitor} only)
 * @param format {@code jpeg} or {@code png}
 * @param jpegQuality 0.05 to 1.0
 * @param maxEdge downscale so neither side exceeds this; 0 keeps the size
 * @param redaction what is done to each image before it is encoded
 * @param pixelBlock the side of pixelate's blocks, in pixels
 * @param quotaBytes the most the queue's unsent blobs may take
 * @param quotaPolicy what capture does beyond the quota
 * @param reviewWindow how long a screenshot is held back, deletable, before it is sent
 * @param consentAcceptedAt when the person accepted the capture terms, or {@code null}: no screenshot before
 */
record CaptureOptions(Duration interval, boolean randomPlacement, boolean perMonitor, Set<Integer> excludedMonitors,
        String format, float jpegQuality, int maxEdge, Redaction redaction, int pixelBlock, long quotaBytes,
        QuotaPolicy quotaPolicy, Duration reviewWindow, Instant consentAcceptedAt) {

    CaptureOptions {
        excludedMonitors = Set.copyOf(excludedMonitors);
        if (!perMonitor && !excludedMonitors.isEmpty()) {
            throw new IllegalArgumentException("excludedMonitors " + excludedMonitors + " needs perMonitor: one image of"
                    + " the whole desktop would show them; expected perMonitor true, or no excluded monitors");
        }
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

    /** {@code productReviewMinutes}: the review window when the configuration leaves it to the product (-1). */
    static CaptureOptions from(CaptureConfig config, int productReviewMinutes) {
        int reviewMinutes = config.reviewMinutes() == -1 ? productReviewMinutes : config.reviewMinutes();
        if (reviewMinutes < 0 || reviewMinutes > 1440) {
            throw new IllegalArgumentException("reviewMinutes " + reviewMinutes + " is out of range; expected 0 (send at"
                    + " once) to 1440, or -1 for the product's default");
        }
        return new CaptureOptions(Duration.ofSeconds(config.intervalSeconds()), config.randomPlacement(),
                config.perMonitor(), monitors(config.excludedMonitors()), config.format().strip().toLowerCase(Locale.ROOT),
                config.jpegQuality(),
                config.maxEdge(), Redaction.parse(config.redaction(), config.blur()), config.pixelBlock(),
                config.quotaMegabytes() * 1024 * 1024, QuotaPolicy.parse(config.quotaPolicy()),
                Duration.ofMinutes(reviewMinutes), acceptedAt(config.consentAcceptedAt()));
    }

    private static Instant acceptedAt(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("consentAcceptedAt '" + text + "' is not accepted; expected an ISO-8601"
                    + " time such as 2026-12-01T09:00:00Z, or nothing while the terms are not accepted", e);
        }
    }

    /** {@code "2, 3"} as the monitors' numbers. */
    private static Set<Integer> monitors(String text) {
        Set<Integer> numbers = new TreeSet<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                int number = Integer.parseInt(part.strip());
                if (number >= 1) {
                    numbers.add(number);
                    continue;
                }
            } catch (NumberFormatException e) {
                // Said below, with what would be accepted.
            }
            throw new IllegalArgumentException("excludedMonitors '" + text + "' is not accepted; expected monitor"
                    + " numbers from 1, separated by commas, e.g. 2,3");
        }
        return numbers;
    }

    String contentType() {
        return format.equals("png") ? "image/png" : "image/jpeg";
    }
}
