package org.trackbench.sync.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.trackbench.core.fleet.ClientHealth;
import org.trackbench.core.fleet.FleetClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A health report as API v1 carries it (docs/api/openapi.yaml, {@code ClientHealth}), written field by field so the
 * wire format is the API's and not this class's, and read leniently: a field a server leaves out is unknown.
 */
final class HealthJson {

    private final ObjectMapper json;

    HealthJson(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode write(ClientHealth health) {
        ObjectNode node = json.createObjectNode().put("clientId", health.clientId())
                .put("productVersion", health.productVersion()).put("osUser", health.osUser())
                .put("hostName", health.hostName());
        ObjectNode queue = node.putObject("queue");
        health.queue().forEach(queue::put);
        node.put("oldestUnsentAt", text(health.oldestUnsentAt())).put("unsentBlobBytes", health.unsentBlobBytes())
                .put("lastDeliveryAt", text(health.lastDeliveryAt())).put("lastError", health.lastError())
                .put("syncState", health.syncState()).put("trackerState", health.trackerState());
        if (health.clockOffset() == null) {
            node.putNull("clockOffsetMs");
        } else {
            node.put("clockOffsetMs", health.clockOffset().toMillis());
        }
        return node.put("healthIntervalSeconds", health.interval().toSeconds())
                .put("reportedAt", health.reportedAt().toString());
    }

    /** @throws IllegalArgumentException naming the field that is missing or malformed */
    FleetClient readClient(JsonNode node) {
        return new FleetClient(instant(node, "lastSeenAt", true), read(node.path("health")));
    }

    /** @throws IllegalArgumentException naming the field that is missing or malformed */
    ClientHealth read(JsonNode node) {
        if (!node.isObject() || !node.path("clientId").isTextual()) {
            throw new IllegalArgumentException("a health report must be an object with a clientId, was " + node);
        }
        Map<String, Long> queue = new LinkedHashMap<>();
        node.path("queue").fields().forEachRemaining(count -> queue.put(count.getKey(), count.getValue().asLong()));
        JsonNode offset = node.path("clockOffsetMs");
        return new ClientHealth(node.get("clientId").asText(), node.path("productVersion").asText(null),
                node.path("osUser").asText(null), node.path("hostName").asText(null), queue,
                instant(node, "oldestUnsentAt", false), node.path("unsentBlobBytes").asLong(0),
                instant(node, "lastDeliveryAt", false), node.path("lastError").asText(null),
                node.path("syncState").asText(null), node.path("trackerState").asText(null),
                offset.isNumber() ? Duration.ofMillis(offset.asLong()) : null,
                Duration.ofSeconds(node.path("healthIntervalSeconds").asLong(60)), instant(node, "reportedAt", true));
    }

    private static Instant instant(JsonNode node, String field, boolean required) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            if (required) {
                throw new IllegalArgumentException(field + " is missing; expected an ISO-8601 instant");
            }
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + value.asText() + "' is not an ISO-8601 instant", e);
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
