package org.trackbench.headless.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @Test
    void shortFormsAndIsoDurationsAreAccepted() {
        assertEquals(Duration.ofSeconds(90), Durations.parse("90s"));
        assertEquals(Duration.ofMinutes(30), Durations.parse("30m"));
        assertEquals(Duration.ofHours(12), Durations.parse(" 12h "));
        assertEquals(Duration.ofDays(7), Durations.parse("7d"));
        assertEquals(Duration.ofDays(30), Durations.parse("P30D"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "7", "7x", "-7d", "PT-5M", "soon" })
    void anythingElseIsRefusedNamingTheAcceptedForms(String text) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertTrue(refused.getMessage().contains("'" + text + "'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("7d"), refused.getMessage());
    }

    @Test
    void aClockShowsHoursMinutesAndSeconds() {
        assertEquals("0:00:00", Durations.clock(Duration.ZERO));
        assertEquals("26:03:04", Durations.clock(Duration.ofHours(26).plusMinutes(3).plusSeconds(4)));
    }

    @Test
    void aTimeAheadIsCountedDownAndAPastOneIsNow() {
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        assertEquals("in 0:01:05", Durations.until(now.plusSeconds(65), now));
        assertEquals("now", Durations.until(now.minusSeconds(1), now));
        assertEquals("-", Durations.until(null, now));
    }
}
