package org.trackbench.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trackbench.server.Faults;
import org.trackbench.server.ReferenceServer;
import org.trackbench.testing.Configurations;

/**
 * The reference server's admin endpoints (statistics, faults) take its token like the API does: on a shared
 * machine, anyone can reach a loopback port, so nobody without the token may watch or break the server.
 */
class AdminEndpointsTest {

    /** Made up per run: no credential lives in the test sources. */
    private final String token = UUID.randomUUID().toString();
    private final HttpClient http = HttpClient.newHttpClient();
    private ReferenceServer server;

    @BeforeEach
    void givenARunningServer() {
        server = new Configurations().configure("org.trackbench.server",
                Map.of("port", 0, "token", token, "dataDirectory", ""), ReferenceServer.class);
        server.setFaults(Faults.none());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "Bearer ", "Bearer not-the-token", "Basic dHJhY2tiZW5jaA==" })
    void withoutItsTokenNothingIsShownOrChanged(String authorization) throws Exception {
        String offline = "{\"offline\":true,\"offlineForSeconds\":60}";

        assertEquals(401, send(request("/admin/stats", authorization).GET()));
        assertEquals(401, send(request("/admin/faults", authorization).GET()));
        assertEquals(401, send(request("/admin/faults", authorization).PUT(HttpRequest.BodyPublishers.ofString(offline))));

        assertEquals(Faults.none(), server.faults(), "the faults are unchanged");
        assertEquals(200, send(request("/api/v1/health", "").GET()), "the server is still online");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/admin/stats", "/admin/faults" })
    void withItsTokenTheAdminSeesTheServer(String path) throws Exception {
        assertEquals(200, send(request(path, "Bearer " + token).GET()));
    }

    private HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + path));
        return authorization.isEmpty() ? request : request.header("Authorization", authorization);
    }

    private int send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
