package org.trackbench.example.notes.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A free-text note a person attaches to a time entry ("waiting for review", "call with Ana"), as it travels
 * in the queue: {@code {"entryId": "…", "text": "…", "at": "2026-11-26T09:12:00Z"}}.
 *
 * @param entryId the time entry the note belongs to, {@code null} for a note outside any entry
 * @param text what the person wrote, 1 to {@value #MAX_TEXT} characters
 * @param at when it was written
 */
record Note(UUID entryId, String text, Instant at) {

    static final String ENTITY_TYPE = "note";
    static final int MAX_TEXT = 2_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    Note {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("note text of " + (text == null ? 0 : text.length())
                    + " characters is not accepted; expected 1 to " + MAX_TEXT + " characters, not all blank");
        }
        if (at == null) {
            throw new IllegalArgumentException("note time 'at' is missing; expected an ISO-8601 instant");
        }
    }

    String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("entryId", entryId == null ? null : entryId.toString());
        node.put("text", text);
        node.put("at", at.toString());
        return node.toString();
    }

    /** @throws IllegalArgumentException naming the field at fault and what would be accepted */
    static Note parse(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("note payload is not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("note payload must be a JSON object with entryId, text and at");
        }
        return new Note(entryId(node.path("entryId")), node.path("text").asText(null), instant(node.path("at")));
    }

    private static UUID entryId(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        try {
            return UUID.fromString(value.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("note entryId '" + value.asText() + "' is not accepted; expected a time entry's UUID or null", e);
        }
    }

    private static Instant instant(JsonNode value) {
        try {
            return value.isTextual() ? Instant.parse(value.asText()) : null;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("note time '" + value.asText() + "' is not accepted; expected an ISO-8601 instant such as 2026-11-26T09:12:00Z", e);
        }
    }
}
