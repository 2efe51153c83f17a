package org.trackbench.queue.derby.internal;

import java.io.IOException;
import java.util.regex.Pattern;

import org.trackbench.core.queue.EnqueueRequest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/** Rejects a request before anything is written, with a message naming the field and what is accepted. */
final class EnqueueValidator {

    static final int MAX_PAYLOAD_CHARS = 32_672;
    static final int MAX_NAME_CHARS = 128;

    private static final Pattern ENTITY_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[\\w.+-]+/[\\w.+-]+");

    private final JsonFactory json = new JsonFactory();

    void validate(EnqueueRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("enqueue request is null; expected an EnqueueRequest");
        }
        String type = request.entityType();
        if (type == null || !ENTITY_TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("entityType '" + type + "' is not accepted; expected 1 to "
                    + MAX_NAME_CHARS + " letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
        validatePayload(request.payload());
        String group = request.orderingGroup();
        if (group != null && (group.isBlank() || group.length() > MAX_NAME_CHARS)) {
            throw new IllegalArgumentException("orderingGroup '" + group + "' is not accepted; expected null or 1 to "
                    + MAX_NAME_CHARS + " non-blank characters");
        }
        if (request.ordered() && group == null) {
            throw new IllegalArgumentException("ordered is true but orderingGroup is null; an ordered item needs a group");
        }
        if (request.blob() != null) {
            String contentType = request.blobContentType();
            if (contentType == null || contentType.length() > 100 || !MEDIA_TYPE.matcher(contentType).matches()) {
                throw new IllegalArgumentException("blobContentType '" + contentType
                        + "' is not accepted; a blob needs a media type such as image/jpeg (at most 100 characters)");
            }
        }
    }

    /** @throws IllegalArgumentException unless {@code payload} is one JSON object of an accepted size */
    void validatePayload(String payload) {
        if (payload == null) {
            throw new IllegalArgumentException("payload is null; expected a JSON object such as {}");
        }
        if (payload.length() > MAX_PAYLOAD_CHARS) {
            throw new IllegalArgumentException("payload has " + payload.length() + " characters; at most "
                    + MAX_PAYLOAD_CHARS + " are accepted (large content belongs in the blob)");
        }
        try (JsonParser parser = json.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notAnObject(payload, null);
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw notAnObject(payload, null);
            }
        } catch (IOException e) {
            throw notAnObject(payload, e);
        }
    }

    private static IllegalArgumentException notAnObject(String payload, Exception cause) {
        String shown = payload.length() > 60 ? payload.substring(0, 60) + "…" : payload;
        String reason = cause == null ? "" : " (" + cause.getMessage().lines().findFirst().orElse("") + ")";
        return new IllegalArgumentException("payload '" + shown + "' is not a JSON object" + reason
                + "; expected a single JSON object such as {\"type\":\"start\"}", cause);
    }
}
