package org.trackbench.sync.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How far this machine's clock is ahead of the server's (negative: behind), from the {@code Date} header of each
 * answer (or a {@code serverTime} field where the answer has one), taken as the server's time halfway through the
 * exchange. The header has a resolution of one second and an
 * answer may be slow, so each measurement moves the value only a quarter of the way, and an exchange that took longer
 * than a few seconds is not measured at all.
 */
final class ClockOffset {

    private static final double WEIGHT = 0.25;
    private static final Duration LONGEST_EXCHANGE = Duration.ofSeconds(5);

    private Double millis;

    /** One exchange: sent at {@code sent}, answered at {@code received}, with {@code dateHeader} ({@code null}: none). */
    synchronized void measured(Instant sent, Instant received, String dateHeader) {
        if (dateHeader == null || Duration.between(sent, received).compareTo(LONGEST_EXCHANGE) > 0) {
            return;
        }
        try {
            measuredAgainst(sent, received, ZonedDateTime.parse(dateHeader.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException e) {
            // A header that is not an HTTP date tells nothing about the server's clock.
        }
    }

    /**
     * One exchange whose answer said the server's time itself ({@code serverTime}, to the millisecond): a better
     * measurement than the header's whole seconds, weighed the same.
     */
    synchronized void measuredAgainst(Instant sent, Instant received, Instant server) {
        if (Duration.between(sent, received).compareTo(LONGEST_EXCHANGE) > 0) {
            return;
        }
        Instant midway = sent.plus(Duration.between(sent, received).dividedBy(2));
        double sample = Duration.between(server, midway).toMillis();
        millis = millis == null ? sample : millis + WEIGHT * (sample - millis);
    }

    /** Empty until an answer with a {@code Date} header came back. */
    synchronized Optional<Duration> current() {
        return millis == null ? Optional.empty() : Optional.of(Duration.ofMillis(Math.round(millis)));
    }
}
