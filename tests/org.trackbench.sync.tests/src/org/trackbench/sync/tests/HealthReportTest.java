package org.trackbench.sync.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.osgi.service.cm.ConfigurationAdmin;
import org.trackbench.core.fleet.ClientHealth;
import org.trackbench.core.fleet.FleetClient;
import org.trackbench.core.fleet.FleetService;
import org.trackbench.core.fleet.FleetUnavailableException;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.testing.ApiContract;
import org.trackbench.testing.Await;
import org.trackbench.testing.SyncRig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The sync reports this client's health to the server (latest wins, never queued) and the fleet service lists every
 * client with the admin token, fetched from the registry as the console and the workbench get it.
 */
class HealthReportTest {

    private static final Duration REPORTED = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Made up per run: no credential lives in the test sources. */
    private final String adminToken = UUID.randomUUID().toString();

    @Test
    void aPausedClientStillReportsItsBacklogUnderItsSavedClientId() throws Exception {
        try (SyncRig rig = SyncRig.start(Map.of("adminToken", adminToken), Map.of("healthIntervalSeconds", 1L))) {
            FleetService fleet = rig.configurations.await(FleetService.class, "");
            rig.tokens.setToken(FleetService.adminApi(rig.server.baseUri()), adminToken);
            rig.sync.pause();
            QueueItem waiting = rig.store.enqueue(EnqueueRequest.of("time_entry_event", "{\"type\":\"start\",\"at\":\""
                    + Instant.now() + "\"}").inGroup(UUID.randomUUID().toString(), true));
            String clientId = fleet.localHealth().clientId();

            FleetClient reported = awaitReport(fleet, clientId, report -> report.unsent() == 1, rig);

            assertEquals(waiting.createdAt(), reported.health().oldestUnsentAt());
            assertEquals("paused", reported.health().syncState());
            assertEquals(System.getProperty("user.name"), reported.health().osUser());
            assertTrue(reported.attention(reported.lastSeenAt().plusSeconds(5)).orElseThrow()
                    .contains("1 unsent, the oldest"), "a backlog older than the interval needs attention");
            assertEquals(clientId, savedClientId(rig), "the id is kept with the sync's settings");
            assertEquals(ItemStatus.PENDING, rig.store.find(waiting.id()).orElseThrow().status(), "a pause still holds");
            JsonNode listing = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(rig.server.baseUri() + "/api/v1/admin/clients")).header("Authorization", "Bearer "
                            + adminToken).build(), HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode client : listing.path("clients")) {
                ApiContract.load().assertConforms("FleetClient", client);
            }

            rig.sync.resume();
            awaitReport(fleet, clientId, report -> report.unsent() == 0 && "online".equals(report.syncState()), rig);
        }
    }

    @Test
    void aNewFailureIsReportedAtOnceNotAfterTheInterval() throws Exception {
        try (SyncRig rig = SyncRig.start(Map.of("adminToken", adminToken), Map.of("healthIntervalSeconds", 3600L))) {
            FleetService fleet = rig.configurations.await(FleetService.class, "");
            rig.tokens.setToken(FleetService.adminApi(rig.server.baseUri()), adminToken);
            String clientId = fleet.localHealth().clientId();
            rig.store.enqueue(EnqueueRequest.of("time_entry_event", "{\"type\":\"start\",\"at\":\"" + Instant.now()
                    + "\"}").inGroup(UUID.randomUUID().toString(), true));
            awaitReport(fleet, clientId, report -> report.failed() == 0, rig);

            // The server has never seen this entry: it refuses the pause for good.
            rig.store.enqueue(EnqueueRequest.of("time_entry_event", "{\"type\":\"pause\",\"at\":\"" + Instant.now()
                    + "\"}").inGroup(UUID.randomUUID().toString(), true));

            FleetClient reported = awaitReport(fleet, clientId, report -> report.failed() == 1, rig);
            assertTrue(reported.health().lastError().contains("HTTP 404"), reported.health().lastError());
            assertTrue(reported.attention(reported.lastSeenAt()).orElseThrow().contains("1 failed"));
        }
    }

    @Test
    void withoutTheAdminTokenTheFleetSaysHowToGetOne() {
        try (SyncRig rig = SyncRig.start(Map.of("adminToken", adminToken), Map.of())) {
            FleetService fleet = rig.configurations.await(FleetService.class, "");
            rig.tokens.setToken(FleetService.adminApi(rig.server.baseUri()), null);

            FleetUnavailableException noToken = assertThrows(FleetUnavailableException.class, fleet::clients);
            assertTrue(noToken.getMessage().contains("trackbench:login --admin"), noToken.getMessage());

            rig.tokens.setToken(FleetService.adminApi(rig.server.baseUri()), rig.token);
            FleetUnavailableException userToken = assertThrows(FleetUnavailableException.class, fleet::clients);
            assertTrue(userToken.getMessage().contains("HTTP 401"), userToken.getMessage());
            rig.tokens.setToken(FleetService.adminApi(rig.server.baseUri()), null);
        }
    }

    private static FleetClient awaitReport(FleetService fleet, String clientId,
            java.util.function.Predicate<ClientHealth> wanted, SyncRig rig) {
        FleetClient[] found = new FleetClient[1];
        Await.until("a report of client " + clientId + " as expected", REPORTED, () -> {
            Optional<FleetClient> client = fleet.clients().stream()
                    .filter(each -> each.health().clientId().equals(clientId)).findFirst();
            client.ifPresent(each -> found[0] = each);
            return client.filter(each -> wanted.test(each.health())).isPresent();
        }, () -> (found[0] == null ? "no report" : found[0].health().describe().toString()) + "; " + rig.describe());
        return found[0];
    }

    private static String savedClientId(SyncRig rig) throws Exception {
        ConfigurationAdmin configurations = rig.configurations.await(ConfigurationAdmin.class, "");
        return (String) configurations.getConfiguration("org.trackbench.client", "?").getProperties().get("clientId");
    }
}
