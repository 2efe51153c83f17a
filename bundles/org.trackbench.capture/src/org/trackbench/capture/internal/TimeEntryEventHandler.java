package org.trackbench.capture.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.trackbench.core.capture.EntityTypes;
import org.trackbench.core.handler.EntityHandler;
import org.trackbench.core.handler.OutboundRequest;
import org.trackbench.core.queue.QueueItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code time_entry_event}: a start, pause, resume or stop of the time entry named by the item's ordering
 * group; the payload is the API body, {@code {"type":"start","at":"…"}} plus optional description,
 * project and task on start.
 */
@Component(property = EntityHandler.ENTITY_TYPE + "=" + EntityTypes.TIME_ENTRY_EVENT)
public final class TimeEntryEventHandler implements EntityHandler {

    private static final Set<String> EVENTS = Set.of("start", "pause", "resume", "stop");

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String entityType() {
        return EntityTypes.TIME_ENTRY_EVENT;
    }

    @Override
    public void validate(String payloadJson) {
        JsonNode payload = parse(payloadJson);
        String type = payload.path("type").asText(null);
        if (type == null || !EVENTS.contains(type)) {
            throw new IllegalArgumentException("time_entry_event type '" + type
                    + "' is not accepted; expected start, pause, resume or stop");
        }
        String at = payload.path("at").asText("");
        try {
            Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time_entry_event at '" + at
                    + "' is not accepted; expected an ISO-8601 instant such as 2026-11-26T09:12:00Z", e);
        }
    }

    @Override
    public OutboundRequest request(QueueItem item) {
        String path = TimeEntryPaths.of(item, "events");
        validate(item.payload());
        return OutboundRequest.postJson(path);
    }

    @Override
    public String summary(QueueItem item) {
        JsonNode payload = parse(item.payload());
        return payload.path("type").asText("?") + " of entry " + item.group().orElse("?") + " at "
                + payload.path("at").asText("?");
    }

    private JsonNode parse(String payloadJson) {
        try {
            return json.readTree(payloadJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("time_entry_event payload is not JSON; expected {\"type\":…,\"at\":…}", e);
        }
    }
}
