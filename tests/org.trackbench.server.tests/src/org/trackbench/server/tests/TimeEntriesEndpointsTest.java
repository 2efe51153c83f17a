package org.trackbench.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackbench.server.ReferenceServer;
import org.trackbench.testing.ApiContract;
import org.trackbench.testing.Configurations;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The time entries the reference server holds, as a client reconciles against them: listed by their start, deleted by
 * the admin token only, and the same after a restart from the journal; a deleted entry's old keys are still answered
 * without re-creating it, while a start under a new key brings it back.
 */
class TimeEntriesEndpointsTest {

    private static final Instant NINE = Instant.parse("2026-11-30T09:00:00Z");
    private static final String DAY = "?from=2026-11-30T00:00:00Z&to=2026-12-01T00:00:00Z";

    /** Made up per run: no credential lives in the test sources. */
    private final String token = UUID.randomUUID().toString();
    private final String adminToken = UUID.randomUUID().toString();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Configurations configurations = new Configurations();
    private ReferenceServer server;

    @TempDir
    Path data;

    @Test
    void entriesAreListedDeletedByTheAdminAndKeptAcrossARestart() throws Exception {
        start();
        String deleted = UUID.randomUUID().toString();
        String kept = UUID.randomUUID().toString();
        String startKey = UUID.randomUUID().toString();
        assertEquals(201, event(deleted, startKey, "{\"type\":\"start\",\"at\":\"" + NINE + "\",\"workedMs\":0}"));
        assertEquals(201, event(deleted, UUID.randomUUID().toString(), "{\"type\":\"stop\",\"at\":\""
                + NINE.plusSeconds(600) + "\",\"workedMs\":600000}"));
        assertEquals(201, event(kept, UUID.randomUUID().toString(), "{\"type\":\"start\",\"at\":\""
                + NINE.plusSeconds(3600) + "\",\"description\":\"Kept\",\"workedMs\":0}"));
        String both = get("/api/v1/time-entries" + DAY, token).body();
        ApiContract.load().assertConforms("TimeEntries", new ObjectMapper().readTree(both));
        assertTrue(both.indexOf(deleted) < both.indexOf(kept), "in the order they started: " + both);

        assertEquals(401, delete(deleted, token), "not with a user's token");
        assertEquals(200, delete(deleted, adminToken));
        assertEquals(404, delete(deleted, adminToken));
        start();

        String after = get("/api/v1/time-entries" + DAY, token).body();
        assertFalse(after.contains(deleted), after);
        assertTrue(after.contains("\"description\":\"Kept\""), after);
        assertEquals(201, event(deleted, startKey, "{\"type\":\"start\",\"at\":\"" + NINE + "\",\"workedMs\":0}"),
                "its old key is answered as before");
        assertFalse(get("/api/v1/time-entries" + DAY, token).body().contains(deleted), "without re-creating it");
        assertEquals(201, event(deleted, UUID.randomUUID().toString(), "{\"type\":\"start\",\"at\":\"" + NINE + "\"}"));
        assertTrue(get("/api/v1/time-entries" + DAY, token).body().contains(deleted), "a new key brings it back");
    }

    @Test
    void aRangeThatIsNotOneIsRefusedSayingWhatWouldDo() throws Exception {
        start();
        HttpResponse<String> refused = get("/api/v1/time-entries?from=yesterday&to=2026-12-01T00:00:00Z", token);

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("from and to must be ISO-8601 instants"), refused.body());
        assertEquals(401, get("/api/v1/time-entries" + DAY, adminToken).statusCode(), "the admin token does not deliver");
    }

    /** Starts the server on {@link #data}, or starts it again there, as after a restart. */
    private void start() {
        server = configurations.configure("org.trackbench.server", Map.of("port", 0, "token", token, "adminToken",
                adminToken, "dataDirectory", data.toString()), ReferenceServer.class);
    }

    private int event(String entry, String key, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/time-entries/" + entry + "/events"))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int delete(String entry, String bearer) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/admin/time-entries/" + entry))
                .header("Authorization", "Bearer " + bearer).DELETE().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + bearer).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(server.baseUri() + path);
    }
}
