package org.trackbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.trackbench.core.capture.CaptureState;
import org.trackbench.core.capture.CaptureStatus;
import org.trackbench.core.queue.StorageFullException;
import org.trackbench.core.queue.StorageShortage;

/** The status values the API hands out, and the one line each gives a person. */
class StatusValuesTest {

    private static final Instant TAKEN = Instant.parse("2026-11-30T09:15:42.734Z");

    @Test
    void captureStatusSaysWhatCaptureDoesAndKeepsTheLastImageThroughAPause() {
        CaptureStatus captured = new CaptureStatus(CaptureState.CAPTURING, TAKEN, 55 * 1024, Duration.ofMillis(35),
                "every 300 s");
        CaptureStatus paused = captured.with(CaptureState.PAUSED, "the queue holds 2 MiB of unsent screenshots");

        assertEquals("not capturing", CaptureStatus.off().describe());
        assertEquals("capturing every 300 s", CaptureStatus.off().with(CaptureState.CAPTURING, "every 300 s").describe());
        assertEquals("last screenshot at 2026-11-30T09:15:42Z: 55 KiB, 35 ms to capture, encode and queue",
                captured.describe());
        assertEquals("capture paused: the queue holds 2 MiB of unsent screenshots", paused.describe());
        assertEquals(TAKEN, paused.lastImageAt(), "a pause keeps what was last taken");
        assertEquals("capture unavailable: no display", paused.with(CaptureState.UNAVAILABLE, "no display").describe());
        assertThrows(NullPointerException.class, () -> CaptureStatus.off().with(null, "no state"));
    }

    @Test
    void aFullDiskNamesWhereAndHowMuchRoomIsNeeded() {
        StorageShortage shortage = new StorageShortage("/home/ana/.local/share/trackbench/queue", 512 * 1024,
                32L * 1024 * 1024, TAKEN);
        StorageFullException refused = new StorageFullException(shortage, null);

        assertEquals("the disk holding the queue (/home/ana/.local/share/trackbench/queue) is full: 0.5 MiB free,"
                + " 32 MiB needed; free space there and Trackbench goes on by itself", shortage.describe());
        assertEquals("Nothing was stored: " + shortage.describe(), refused.getMessage());
        assertEquals(shortage, refused.shortage());
    }
}
