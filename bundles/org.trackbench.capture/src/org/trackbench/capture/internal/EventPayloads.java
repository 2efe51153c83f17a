package org.trackbench.capture.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.trackbench.core.capture.OmissionReason;
import org.trackbench.core.capture.TimeEntry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The queued payloads: API v1 bodies of time entry events and screenshot metadata. */
final class EventPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventPayloads() {
    }

    /**
     * {@code at} is this machine's clock; {@code clockOffset}, how far it was ahead of the server's when last measured,
     * goes with it as {@code clockOffsetMs}, so a server can place the event on its own clock. {@code workedMs} is the
     * time worked on the entry up to the event, measured on a monotonic clock: setting the machine's clock while the
     * entry ran changes {@code at}, never it.
     */
    static String event(String type, Instant at, TimeEntry entry, Optional<Duration> clockOffset) {
        ObjectNode body = JSON.createObjectNode().put("type", type).put("at", at.toString())
                .put("workedMs", entry.accumulated().toMillis());
        clockOffset.ifPresent(offset -> body.put("clockOffsetMs", offset.toMillis()));
        if (type.equals("start")) {
            putIfPresent(body, "description", entry.description());
            putIfPresent(body, "project", entry.project());
            putIfPresent(body, "task", entry.task());
        }
        return body.toString();
    }

    static String omission(Instant capturedAt, OmissionReason reason) {
        return JSON.createObjectNode().put("capturedAt", capturedAt.toString()).put("reason", reason.label()).toString();
    }

    static String screenshot(Instant capturedAt) {
        return JSON.createObjectNode().put("capturedAt", capturedAt.toString()).toString();
    }

    /** The {@code capturedAt} of a queued screenshot's payload. */
    static Instant capturedAt(String screenshotPayload) {
        return Instant.parse(parse(screenshotPayload).path("capturedAt").asText());
    }

    static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("queued time_entry_event payload is not JSON: " + payload, e);
        }
    }

    private static void putIfPresent(ObjectNode body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value);
        }
    }
}
