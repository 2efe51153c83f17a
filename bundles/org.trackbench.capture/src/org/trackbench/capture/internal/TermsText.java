package org.trackbench.capture.internal;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** The capture terms in words, one sentence per point, from the settings in force: what the person accepts. */
final class TermsText {

    private TermsText() {
    }

    static List<String> points(CaptureOptions options) {
        return List.of(what(options), when(options), protection(), review(options.reviewWindow()), storage(options));
    }

    private static String what(CaptureOptions options) {
        String images = !options.perMonitor() ? "one image of the whole desktop"
                : options.excludedMonitors().isEmpty() ? "one image per monitor"
                        : "one image per monitor, except monitor " + options.excludedMonitors().stream()
                                .map(String::valueOf).collect(Collectors.joining(", "));
        String redaction = switch (options.redaction()) {
            case NONE -> "as it is on screen";
            case BLUR -> "blurred so text cannot be read";
            case PIXELATE -> "pixelated into " + options.pixelBlock() + "-pixel blocks of one colour each";
            case SOLID -> "replaced by a plain fill with the capture time: nothing of the screen is kept";
        };
        String size = options.maxEdge() > 0 ? ", at most " + options.maxEdge() + " pixels wide or high" : "";
        return "What: " + images + ", " + redaction + size + " (" + options.format() + ").";
    }

    private static String when(CaptureOptions options) {
        return "When: " + (options.randomPlacement() ? "once at a random moment in every " : "once every ")
                + words(options.interval()) + " while a time entry runs; never while it is paused or stopped."
                + " You can pause screenshots for a while; the server is told each one skipped.";
    }

    private static String protection() {
        return "Protection: encrypted (AES-GCM) before it reaches this disk, sent only to your tracking server, and"
                + " deleted from this machine once the server has it.";
    }

    private static String review(Duration window) {
        return window.isZero() ? "Review: none; each screenshot is sent as soon as the network allows."
                : "Review: each screenshot waits " + words(window) + " on this machine, where you can delete"
                        + " it; a deleted one is never sent, and the server is told one was deleted.";
    }

    /** {@code 5 minutes}, {@code 90 seconds}, {@code 1 hour}: the largest unit that says it exactly. */
    static String words(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0) {
            return plural(seconds / 3600, "hour");
        }
        return seconds % 60 == 0 ? plural(seconds / 60, "minute") : plural(seconds, "second");
    }

    private static String plural(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }

    private static String storage(CaptureOptions options) {
        long mebibytes = options.quotaBytes() / (1024 * 1024);
        return "Storage: at most " + mebibytes + " MiB of unsent screenshots; beyond that "
                + (options.quotaPolicy() == QuotaPolicy.EVICT_OLDEST
                        ? "the oldest are deleted unsent, and the server is told of each."
                        : "no screenshot is taken until some are sent.");
    }
}
