package org.trackbench.server.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.trackbench.server.Faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * {@code GET /admin/stats}, {@code GET /admin/faults} and {@code PUT /admin/faults}: watch the server and
 * change its faults while it runs, e.g. {@code {"errorRates":{"503":0.2},"latencyMs":20,"retryAfterSeconds":2}}.
 */
final class AdminEndpoints {

    private AdminEndpoints() {
    }

    static void handle(TrackingServer server, ObjectMapper json, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/admin/stats") && method.equals("GET")) {
            TrackingServer.send(exchange, new Answer(200, json.writeValueAsString(server.stats())), null);
        } else if (path.equals("/admin/faults") && method.equals("GET")) {
            TrackingServer.send(exchange, new Answer(200, write(json, server.faults()).toString()), null);
        } else if (path.equals("/admin/faults") && method.equals("PUT")) {
            try {
                JsonNode request = json.readTree(exchange.getRequestBody());
                Faults faults = read(request);
                if (faults.offline()) {
                    goOfflineFor(server, faults, request.path("offlineForSeconds").asLong(0));
                }
                server.setFaults(faults);
                TrackingServer.send(exchange, new Answer(200, write(json, server.faults()).toString()), null);
            } catch (IOException | IllegalArgumentException e) {
                TrackingServer.send(exchange, Answer.error(400, "invalid_faults", e.getMessage()
                        + "; expected e.g. {\"errorRates\":{\"503\":0.2},\"latencyMs\":20}"), null);
            }
        } else {
            TrackingServer.send(exchange, Answer.error(404, "not_found", method + " " + path + " is not an admin endpoint"), null);
        }
    }

    /** Offline closes the listener this endpoint is served on, so it must come with its own way back. */
    private static void goOfflineFor(TrackingServer server, Faults faults, long seconds) {
        if (seconds < 1) {
            throw new IllegalArgumentException("offline needs offlineForSeconds (1 or more): the server cannot"
                    + " hear a request to come back while it is offline");
        }
        Thread back = new Thread(() -> {
            try {
                Thread.sleep(seconds * 1000);
                server.setFaults(faults.withOffline(false));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "reference-server-back-online");
        back.setDaemon(true);
        back.start();
    }

    private static Faults read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("faults must be a JSON object");
        }
        Map<Integer, Double> rates = new HashMap<>();
        node.path("errorRates").fields().forEachRemaining(rate -> rates.put(Integer.valueOf(rate.getKey()), rate.getValue().asDouble()));
        JsonNode retryAfter = node.path("retryAfterSeconds");
        return new Faults(rates, Duration.ofMillis(node.path("latencyMs").asLong(0)),
                retryAfter.isMissingNode() || retryAfter.isNull() ? null : Duration.ofSeconds(retryAfter.asLong()),
                node.path("retryAfterAsDate").asBoolean(false), node.path("dropMidBodyRate").asDouble(0),
                node.path("dropAfterApplyRate").asDouble(0), node.path("offline").asBoolean(false));
    }

    private static ObjectNode write(ObjectMapper json, Faults faults) {
        ObjectNode node = json.createObjectNode();
        ObjectNode rates = node.putObject("errorRates");
        faults.errorRates().forEach((status, rate) -> rates.put(Integer.toString(status), rate));
        node.put("latencyMs", faults.latency().toMillis());
        if (faults.retryAfter() != null) {
            node.put("retryAfterSeconds", faults.retryAfter().toSeconds());
        }
        return node.put("retryAfterAsDate", faults.retryAfterAsDate()).put("dropMidBodyRate", faults.dropMidBodyRate())
                .put("dropAfterApplyRate", faults.dropAfterApplyRate()).put("offline", faults.offline());
    }
}
