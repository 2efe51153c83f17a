package org.trackbench.capture.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.sync.SyncService;
import org.trackbench.core.sync.TokenProvider;
import org.trackbench.server.ReferenceServer;
import org.trackbench.testing.ApiContract;
import org.trackbench.testing.Await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Once the sync has heard from the server, each time entry event carries the clock offset it measured
 * ({@code clockOffsetMs}) beside the local instant, so a server can place the event on its own clock.
 */
class ClockOffsetInEventsTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eventsRecordedAfterTheSyncReachedTheServerCarryTheOffsetItMeasured() throws Exception {
        TrackerRig rig = new TrackerRig(Map.of());
        String token = UUID.randomUUID().toString();
        ReferenceServer server = rig.configurations.configure("org.trackbench.server",
                Map.of("port", 0, "token", token, "dataDirectory", ""), ReferenceServer.class);
        TokenProvider tokens = rig.configurations.await(TokenProvider.class, "");
        URI url = server.baseUri();
        tokens.setToken(url, token);
        SyncService sync = rig.configurations.configure("org.trackbench.sync",
                Map.of("serverUrl", url.toString(), "pollIntervalMillis", 500L), SyncService.class);
        try {
            rig.tracker.start("Clock offset", null, null);
            Await.until("the start is delivered and the server's clock read", DELIVERY,
                    () -> sync.clockOffset().isPresent(), () -> sync.status().toString());
            Duration measured = sync.clockOffset().orElseThrow();

            rig.tracker.pause();

            JsonNode pause = JSON.readTree(latest(rig).payload());
            assertTrue(pause.has("clockOffsetMs"), pause.toString());
            assertTrue(Math.abs(pause.get("clockOffsetMs").asLong() - measured.toMillis()) < 1_000, pause
                    + " against " + measured);
            assertTrue(measured.abs().compareTo(Duration.ofSeconds(2)) < 0, "one machine, one clock: " + measured);
            assertFalse(sync.status().clockOff());
            ApiContract.load().assertConforms("TimeEntryEvent", pause);
        } finally {
            tokens.setToken(url, null);
            rig.tracker.stop();
        }
    }

    private static QueueItem latest(TrackerRig rig) {
        return rig.store.query(QueueQuery.all(100)).items().stream().max(Comparator.comparingLong(QueueItem::id))
                .orElseThrow();
    }
}
