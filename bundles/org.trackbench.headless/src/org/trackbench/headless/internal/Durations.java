package org.trackbench.headless.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ages and instants the way a person types and reads them at the console. */
final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})([smhd])");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Durations() {
    }

    /**
     * Parses {@code 90s}, {@code 30m}, {@code 12h}, {@code 7d} or an ISO-8601 duration such as {@code P7D}.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    static Duration parse(String text) {
        String accepted = "age '" + text + "' is not accepted; expected e.g. 90s, 30m, 12h, 7d or P7D";
        if (text == null) {
            throw new IllegalArgumentException(accepted);
        }
        Matcher matcher = SHORT.matcher(text.trim());
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        Duration duration;
        try {
            duration = Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(accepted, e);
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException(accepted);
        }
        return duration;
    }

    static String local(Instant instant) {
        return instant == null ? "-" : LOCAL.format(instant);
    }

    /** {@code 1:02:03} for a running clock. */
    static String clock(Duration duration) {
        long seconds = duration.toSeconds();
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    /** {@code in 12 s} or {@code now} for a time ahead of {@code now}. */
    static String until(Instant at, Instant now) {
        if (at == null) {
            return "-";
        }
        long seconds = Duration.between(now, at).toSeconds();
        return seconds <= 0 ? "now" : "in " + clock(Duration.ofSeconds(seconds));
    }
}
