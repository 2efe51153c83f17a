package org.trackbench.sync.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.EventAdmin;
import org.trackbench.core.handler.EntityHandler;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.testing.Await;
import org.trackbench.testing.SyncRig;

/**
 * This machine's clock moved five minutes ahead (a {@link Clock} offset given to a sync of its own, the registered
 * one paused): the sync measures the offset from the server's answers and its status warns about it.
 */
class ClockSkewTest {

    private static final Duration AHEAD = Duration.ofMinutes(5);

    @Test
    void aClockFiveMinutesAheadIsMeasuredAndWarnedAbout() throws Exception {
        try (SyncRig rig = SyncRig.start()) {
            rig.sync.pause();
            SyncOptions options = new SyncOptions(rig.server.baseUri(), Duration.ofMillis(500), Duration.ofMillis(20),
                    Duration.ofMillis(400), 5, 1, Duration.ofSeconds(2), Duration.ofSeconds(2), null, Duration.ofMinutes(1));
            SyncComponent skewed = new SyncComponent(options, "clock-skew-test", rig.store, rig.tokens,
                    rig.configurations.await(EventAdmin.class, ""), new PauseSwitch(),
                    Clock.offset(Clock.systemUTC(), AHEAD), new SecureRandom());
            skewed.addHandler(rig.configurations.await(EntityHandler.class,
                    "(" + EntityHandler.ENTITY_TYPE + "=time_entry_event)"));
            try {
                QueueItem start = rig.store.enqueue(EnqueueRequest.of("time_entry_event", "{\"type\":\"start\",\"at\":\""
                        + Instant.now() + "\"}").inGroup(UUID.randomUUID().toString(), true));
                Await.until("the skewed sync delivers the start", Duration.ofSeconds(30),
                        () -> rig.store.find(start.id()).orElseThrow().status() == ItemStatus.SENT, rig::describe);

                Duration measured = skewed.clockOffset().orElseThrow();
                assertTrue(measured.minus(AHEAD).abs().compareTo(Duration.ofSeconds(2)) < 0, measured.toString());
                String warning = skewed.status().clockWarning().orElseThrow();
                assertTrue(warning.startsWith("this machine's clock is 5 min ") && warning.contains("ahead of the server's"),
                        warning);
            } finally {
                skewed.deactivate();
            }
        }
    }
}
