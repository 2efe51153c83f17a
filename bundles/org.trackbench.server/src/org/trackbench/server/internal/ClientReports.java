package org.trackbench.server.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The latest health report of each client ({@code PUT /api/v1/clients/{clientId}/health}) with when the server got
 * it, for {@code GET /api/v1/admin/clients}. Latest wins; kept in memory: clients report again within their interval.
 */
final class ClientReports {

    private record Latest(Instant seenAt, JsonNode report) {
    }

    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Latest> latest = new ConcurrentSkipListMap<>();

    ClientReports(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    Answer put(String clientId, byte[] body) {
        JsonNode report;
        try {
            report = RefusedRequest.json(json, body);
        } catch (RefusedRequest refused) {
            return refused.answer();
        }
        String problem = problem(clientId, report);
        if (problem != null) {
            return Answer.error(400, "invalid_health", problem);
        }
        Instant now = clock.instant();
        latest.put(clientId, new Latest(now, report));
        return new Answer(200, json.createObjectNode().put("clientId", clientId).put("lastSeenAt", now.toString())
                .put("serverTime", clock.instant().toString()).toString());
    }

    /** {@code {"clients":[{"lastSeenAt":…,"health":{…}}]}}, by client id. */
    String listing() {
        ObjectNode answer = json.createObjectNode();
        ArrayNode clients = answer.putArray("clients");
        latest.values().forEach(client -> clients.addObject().put("lastSeenAt", client.seenAt().toString())
                .set("health", client.report()));
        return answer.toString();
    }

    private static String problem(String clientId, JsonNode report) {
        if (report == null || !report.isObject()) {
            return "a health report must be a JSON object";
        }
        if (!clientId.equals(report.path("clientId").asText(null))) {
            return "clientId '" + report.path("clientId").asText(null) + "' in the body is not '" + clientId
                    + "' of the path";
        }
        if (!report.path("healthIntervalSeconds").canConvertToLong() || report.path("healthIntervalSeconds").asLong() < 1) {
            return "healthIntervalSeconds must be a whole number of seconds, at least 1";
        }
        try {
            Instant.parse(report.path("reportedAt").asText(""));
        } catch (DateTimeParseException e) {
            return "reportedAt '" + report.path("reportedAt").asText("") + "' is not an ISO-8601 instant";
        }
        return null;
    }
}
