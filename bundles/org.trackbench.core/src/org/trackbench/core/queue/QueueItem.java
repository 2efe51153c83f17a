package org.trackbench.core.queue;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One stored item as the store last saw it. Immutable; re-read it to see later changes.
 *
 * @param id store-assigned id, increasing in enqueue order
 * @param entityType the type that selects the {@code EntityHandler}, e.g. {@code time_entry_event}
 * @param idempotencyKey fixed at enqueue and sent with every attempt, so the server applies it once
 * @param payload a JSON object; never holds a credential
 * @param blobSize size in bytes of the attached blob, {@code 0} when there is none or it was dropped after sending
 * @param blobContentType media type of the blob, {@code null} when there is none
 * @param status where the item is in its life
 * @param attempts attempts that counted against the item's retries
 * @param createdAt when it was enqueued
 * @param lastAttemptAt when it was last claimed for delivery, {@code null} before the first attempt
 * @param nextAttemptAt the earliest time it may be claimed again
 * @param lastError the reason of the last failed attempt, {@code null} if none
 * @param orderingGroup the group whose order it keeps (a time entry's id), {@code null} for none
 * @param ordered whether later items of its group wait for it
 */
public record QueueItem(long id, String entityType, UUID idempotencyKey, String payload, long blobSize,
        String blobContentType, ItemStatus status, int attempts, Instant createdAt, Instant lastAttemptAt,
        Instant nextAttemptAt, String lastError, String orderingGroup, boolean ordered) {

    public QueueItem {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }

    /** Whether a blob is attached and not yet dropped. */
    public boolean hasBlob() {
        return blobContentType != null && blobSize > 0;
    }

    public Optional<Instant> lastAttempt() {
        return Optional.ofNullable(lastAttemptAt);
    }

    public Optional<String> error() {
        return Optional.ofNullable(lastError);
    }

    public Optional<String> group() {
        return Optional.ofNullable(orderingGroup);
    }
}
