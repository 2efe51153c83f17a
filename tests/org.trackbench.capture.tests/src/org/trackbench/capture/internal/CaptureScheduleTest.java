package org.trackbench.capture.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class CaptureScheduleTest {

    private static final Instant START = Instant.parse("2026-11-26T09:00:00Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void capturesAtTheEndOfEachInterval() {
        CaptureSchedule schedule = new CaptureSchedule(FIVE_MINUTES, false, new SplittableRandom(1));

        assertEquals(START.plus(FIVE_MINUTES), schedule.captureIn(START));
        Instant second = schedule.nextInterval(START);
        assertEquals(START.plus(FIVE_MINUTES), second);
        assertEquals(START.plus(FIVE_MINUTES.multipliedBy(2)), schedule.captureIn(second));
    }

    @Test
    void randomPlacementStaysInsideTheInterval() {
        CaptureSchedule schedule = new CaptureSchedule(FIVE_MINUTES, true, new SplittableRandom(7));
        Set<Instant> distinct = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            Instant at = schedule.captureIn(START);
            assertTrue(at.isAfter(START) && !at.isAfter(START.plus(FIVE_MINUTES)), at.toString());
            distinct.add(at);
        }
        assertTrue(distinct.size() > 900, "placements vary: " + distinct.size());
    }
}
