package org.trackbench.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trackbench.server.ReferenceServer;
import org.trackbench.testing.Configurations;

/**
 * Health reports as the reference server takes them: a user token puts a client's report, the latest wins, and only
 * the admin token (never a user's) lists them with the server's own last-seen time.
 */
class ClientHealthEndpointsTest {

    /** Made up per run: no credential lives in the test sources. */
    private final String token = UUID.randomUUID().toString();
    private final String adminToken = UUID.randomUUID().toString();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Configurations configurations = new Configurations();
    private ReferenceServer server;

    @BeforeEach
    void givenAServerWithAnAdminToken() {
        server = configurations.configure("org.trackbench.server",
                Map.of("port", 0, "token", token, "adminToken", adminToken, "dataDirectory", ""), ReferenceServer.class);
    }

    @Test
    void theLatestReportOfEachClientIsListedForTheAdmin() throws Exception {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        assertEquals(200, put(first, report(first, 3)).statusCode());
        assertEquals(200, put(second, report(second, 0)).statusCode());
        assertEquals(200, put(first, report(first, 7)).statusCode());

        HttpResponse<String> listing = get("/api/v1/admin/clients", adminToken);

        assertEquals(200, listing.statusCode(), listing.body());
        assertEquals(2, listing.body().split("\"lastSeenAt\"").length - 1, listing.body());
        assertTrue(listing.body().contains("\"pending\":7") && !listing.body().contains("\"pending\":3"),
                "the latest report wins: " + listing.body());
    }

    @ParameterizedTest
    @ValueSource(booleans = { true, false })
    void aUserTokenOrNoneDoesNotListTheFleet(boolean withUserToken) throws Exception {
        String client = UUID.randomUUID().toString();
        put(client, report(client, 1));

        HttpResponse<String> refused = get("/api/v1/admin/clients", withUserToken ? token : null);

        assertEquals(401, refused.statusCode(), refused.body());
        assertTrue(!refused.body().contains(client), refused.body());
    }

    @Test
    void aServerWithoutAnAdminTokenKeepsTheAdminApiClosed() throws Exception {
        server = configurations.configure("org.trackbench.server",
                Map.of("port", 0, "token", token, "dataDirectory", ""), ReferenceServer.class);

        HttpResponse<String> closed = get("/api/v1/admin/clients", token);

        assertEquals(403, closed.statusCode(), closed.body());
        assertTrue(closed.body().contains("no admin token configured"), closed.body());
    }

    @Test
    void aReportIsCheckedAndARefusalSaysWhy() throws Exception {
        String client = UUID.randomUUID().toString();

        HttpResponse<String> otherClient = put(client, report(UUID.randomUUID().toString(), 1));
        HttpResponse<String> notJson = put(client, "{");
        HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(uri("/api/v1/clients/" + client + "/health"))
                .PUT(HttpRequest.BodyPublishers.ofString(report(client, 1))).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(400, otherClient.statusCode());
        assertTrue(otherClient.body().contains("of the path"), otherClient.body());
        assertEquals(400, notJson.statusCode());
        assertEquals(401, noToken.statusCode());
        assertTrue(!get("/api/v1/admin/clients", adminToken).body().contains(client), "nothing was kept");
    }

    private static String report(String clientId, int pending) {
        return "{\"clientId\":\"" + clientId + "\",\"queue\":{\"pending\":" + pending + ",\"sent\":2},"
                + "\"healthIntervalSeconds\":60,\"reportedAt\":\"" + Instant.now() + "\"}";
    }

    private HttpResponse<String> put(String clientId, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/clients/" + clientId + "/health"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(server.baseUri() + path);
    }
}
