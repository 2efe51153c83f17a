package org.trackbench.core.handler;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A request an {@link EntityHandler} wants sent, relative to the server's base URL.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param path the path below the server URL, starting with {@code /}, e.g. {@code /api/v1/items/note}
 * @param body what to send as the body
 * @param contentType the body's media type
 * @param headers further headers; never {@code Authorization} or {@code Idempotency-Key}, which the sync service sets
 *        (a request naming either is refused)
 */
public record OutboundRequest(String method, String path, Body body, String contentType, Map<String, String> headers) {

    private static final Set<String> RESERVED = Set.of("authorization", "idempotency-key");

    /** Which of the item's stored parts becomes the body; both are streamed from the queue. */
    public enum Body {
        PAYLOAD, BLOB
    }

    public OutboundRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("request path '" + path + "' must start with '/'");
        }
        headers = Map.copyOf(headers);
        for (String name : headers.keySet()) {
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header '" + name + "' is set by the sync service alone; a handler"
                        + " may set any header but Authorization and Idempotency-Key");
            }
        }
    }

    public static OutboundRequest postJson(String path) {
        return new OutboundRequest("POST", path, Body.PAYLOAD, "application/json", Map.of());
    }
}
