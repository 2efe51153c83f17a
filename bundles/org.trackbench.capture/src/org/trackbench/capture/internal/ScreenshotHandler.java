package org.trackbench.capture.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.trackbench.core.capture.EntityTypes;
import org.trackbench.core.handler.EntityHandler;
import org.trackbench.core.handler.OutboundRequest;
import org.trackbench.core.queue.QueueItem;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code screenshot}: an image of the time entry named by the item's ordering group; the payload is
 * {@code {"capturedAt":"…"}} and the image is the blob, streamed as the request body.
 */
@Component(property = EntityHandler.ENTITY_TYPE + "=" + EntityTypes.SCREENSHOT)
public final class ScreenshotHandler implements EntityHandler {

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String entityType() {
        return EntityTypes.SCREENSHOT;
    }

    @Override
    public void validate(String payloadJson) {
        capturedAt(payloadJson);
    }

    @Override
    public OutboundRequest request(QueueItem item) {
        String path = TimeEntryPaths.of(item, "screenshots");
        if (!item.hasBlob()) {
            throw new IllegalArgumentException("screenshot item " + item.id() + " has no image blob");
        }
        return new OutboundRequest("POST", path,
                OutboundRequest.Body.BLOB, item.blobContentType(),
                Map.of("X-Captured-At", capturedAt(item.payload()).toString()));
    }

    @Override
    public String summary(QueueItem item) {
        return item.blobContentType() + " screenshot of entry " + item.group().orElse("?") + ", "
                + item.blobSize() / 1024 + " KiB";
    }

    private Instant capturedAt(String payloadJson) {
        String at;
        try {
            at = json.readTree(payloadJson).path("capturedAt").asText("");
        } catch (IOException e) {
            throw new IllegalArgumentException("screenshot payload is not JSON; expected {\"capturedAt\":…}", e);
        }
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("screenshot capturedAt '" + at
                    + "' is not accepted; expected an ISO-8601 instant", e);
        }
    }
}
