package org.trackbench.server.internal;

import java.time.Instant;

/**
 * A parsed {@code POST /api/v1/…} request.
 *
 * @param kind {@code event}, {@code screenshot} or {@code item}
 * @param timeEntryId the time entry of an event or screenshot
 * @param entityType the plug-in type of an item
 * @param idempotencyKey the request's key
 * @param fingerprint a hash of path and body, to tell a true repeat from a reused key
 * @param body the body
 * @param contentType the body's media type
 * @param capturedAt a screenshot's capture time
 */
record ApiRequest(String kind, String timeEntryId, String entityType, String idempotencyKey, String fingerprint,
        byte[] body, String contentType, Instant capturedAt) {
}
