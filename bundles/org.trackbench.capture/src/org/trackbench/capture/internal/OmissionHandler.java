package org.trackbench.capture.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.trackbench.core.capture.EntityTypes;
import org.trackbench.core.capture.OmissionReason;
import org.trackbench.core.handler.EntityHandler;
import org.trackbench.core.handler.OutboundRequest;
import org.trackbench.core.queue.QueueItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code screenshot_omitted}: a screenshot that was due and is not there, with why; the payload is
 * {@code {"capturedAt":"…","reason":"paused_by_user"}}, sent as it is to
 * {@code POST /api/v1/time-entries/{id}/screenshots/omitted}.
 */
@Component(property = EntityHandler.ENTITY_TYPE + "=" + EntityTypes.SCREENSHOT_OMITTED)
public final class OmissionHandler implements EntityHandler {

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String entityType() {
        return EntityTypes.SCREENSHOT_OMITTED;
    }

    @Override
    public void validate(String payloadJson) {
        JsonNode marker;
        try {
            marker = json.readTree(payloadJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("screenshot_omitted payload is not JSON; expected"
                    + " {\"capturedAt\":…,\"reason\":…}", e);
        }
        try {
            Instant.parse(marker.path("capturedAt").asText(""));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("screenshot_omitted capturedAt '" + marker.path("capturedAt").asText("")
                    + "' is not accepted; expected an ISO-8601 instant", e);
        }
        OmissionReason.parse(marker.path("reason").asText(""));
    }

    @Override
    public OutboundRequest request(QueueItem item) {
        return new OutboundRequest("POST", TimeEntryPaths.of(item, "screenshots/omitted"), OutboundRequest.Body.PAYLOAD,
                "application/json", Map.of());
    }

    @Override
    public String summary(QueueItem item) {
        String reason;
        try {
            reason = json.readTree(item.payload()).path("reason").asText("?");
        } catch (IOException e) {
            reason = "?";
        }
        return "screenshot of entry " + item.group().orElse("?") + " omitted: " + reason.replace('_', ' ');
    }
}
