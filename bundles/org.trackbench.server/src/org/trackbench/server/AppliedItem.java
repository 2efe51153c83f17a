package org.trackbench.server;

import java.time.Instant;

/**
 * One item the server applied.
 *
 * @param idempotencyKey the key it was sent with
 * @param kind {@code event}, {@code screenshot}, {@code omission} (a screenshot omitted) or {@code item}
 * @param timeEntryId the time entry, {@code null} for plug-in items
 * @param detail the event type, the screenshot's media type, the omission's reason, or the plug-in entity type
 * @param bytes the body size
 * @param appliedAt when the server applied it
 */
public record AppliedItem(String idempotencyKey, String kind, String timeEntryId, String detail, long bytes,
        Instant appliedAt) {
}
