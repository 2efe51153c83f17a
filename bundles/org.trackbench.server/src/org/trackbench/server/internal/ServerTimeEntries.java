package org.trackbench.server.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The time entries the server holds, as {@code GET /api/v1/time-entries} answers them: each entry's start fields and
 * its events in the order they were applied. Deleting one (the admin API) forgets it, not the idempotency keys it was
 * sent with.
 */
final class ServerTimeEntries {

    private static final List<String> EVENT_FIELDS = List.of("type", "at", "workedMs", "clockOffsetMs");
    private static final List<String> START_FIELDS = List.of("description", "project", "task");

    private final ObjectMapper json;
    private final Map<String, ObjectNode> entries = new LinkedHashMap<>();

    ServerTimeEntries(ObjectMapper json) {
        this.json = json;
    }

    /** The part of an event body the server keeps, for the journal and the listing. */
    ObjectNode kept(JsonNode body) {
        ObjectNode event = json.createObjectNode();
        EVENT_FIELDS.forEach(field -> copy(body, event, field));
        if ("start".equals(body.path("type").asText())) {
            START_FIELDS.forEach(field -> copy(body, event, field));
        }
        return event;
    }

    void record(String timeEntryId, JsonNode event) {
        ObjectNode entry = entries.get(timeEntryId);
        if (entry == null) {
            entry = json.createObjectNode().put("id", timeEntryId);
            for (String field : START_FIELDS) {
                copy(event, entry, field);
            }
            entry.putArray("events");
            entries.put(timeEntryId, entry);
        }
        ObjectNode kept = json.createObjectNode();
        EVENT_FIELDS.forEach(field -> copy(event, kept, field));
        ((ArrayNode) entry.get("events")).add(kept);
    }

    boolean delete(String timeEntryId) {
        return entries.remove(timeEntryId) != null;
    }

    /** {@code {"timeEntries":[…]}}: the entries started in {@code [from, to)}, in the order they started. */
    String listing(Instant from, Instant to) {
        List<ObjectNode> started = new ArrayList<>();
        for (ObjectNode entry : entries.values()) {
            Instant at = Instant.parse(entry.get("events").get(0).get("at").asText());
            if (!at.isBefore(from) && at.isBefore(to)) {
                started.add(entry);
            }
        }
        ObjectNode answer = json.createObjectNode();
        answer.putArray("timeEntries").addAll(started);
        return answer.toString();
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.hasNonNull(field)) {
            to.set(field, from.get(field));
        }
    }
}
