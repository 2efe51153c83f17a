package org.trackbench.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The clock offset from the servers' {@code Date} headers or {@code serverTime} fields: measured halfway through each
 * exchange, smoothed.
 */
class ClockOffsetTest {

    private static final Instant SENT = Instant.parse("2026-11-30T09:05:00.000Z");

    private final ClockOffset offset = new ClockOffset();

    @Test
    void aClockFiveMinutesAheadIsMeasuredFromTheDateHeader() {
        offset.measured(SENT, SENT.plusMillis(400), date(SENT.minus(Duration.ofMinutes(5))));

        assertEquals(Optional.of(Duration.ofMinutes(5).plusMillis(200)), offset.current(), "halfway through");
    }

    @Test
    void aServerTimeFieldIsMeasuredToTheMillisecond() {
        offset.measuredAgainst(SENT, SENT.plusMillis(400), SENT.minus(Duration.ofMinutes(5)).plusMillis(123));

        assertEquals(Optional.of(Duration.ofMinutes(5).plusMillis(200 - 123)), offset.current());
    }

    @Test
    void oneOutlyingAnswerMovesTheValueOnlyAQuarterOfTheWay() {
        offset.measured(SENT, SENT, date(SENT));
        offset.measured(SENT, SENT, date(SENT.minusSeconds(40)));

        assertEquals(Optional.of(Duration.ofSeconds(10)), offset.current());
    }

    @Test
    void slowExchangesAndHeadersThatAreNoDateAreNotMeasured() {
        offset.measured(SENT, SENT.plusSeconds(30), date(SENT));
        offset.measured(SENT, SENT, "yesterday");
        offset.measured(SENT, SENT, null);

        assertTrue(offset.current().isEmpty());
    }

    private static String date(Instant server) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(server.atOffset(ZoneOffset.UTC));
    }
}
