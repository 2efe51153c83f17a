package org.trackbench.core.queue;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.trackbench.core.ledger.Transition;

/**
 * What a producer hands to {@link QueueStore#enqueue}. Build it with {@link #of} and the {@code with…}
 * methods; the store validates it and names the offending field when it rejects it.
 *
 * @param entityType the handler's type name, e.g. {@code time_entry_event}
 * @param payload a JSON object without credentials
 * @param orderingGroup the group whose order this item keeps, or {@code null}
 * @param ordered whether later items of the group wait for this one
 * @param blob the blob's bytes, or {@code null}
 * @param blobContentType the blob's media type, required with a blob
 * @param idempotencyKey a caller-chosen key, or {@code null} to let the store generate one
 * @param transition the time entry transition this item is the event of, written to the {@code TimeLedger} in the
 *        same transaction, or {@code null} (since 1.6)
 * @param notBefore the item is not sent before this time, or {@code null} to send it as soon as it can be (since 1.7)
 */
public record EnqueueRequest(String entityType, String payload, String orderingGroup, boolean ordered,
        BlobSource blob, String blobContentType, UUID idempotencyKey, Transition transition, Instant notBefore) {

    /** A request without a ledger transition, as before version 1.6. */
    public EnqueueRequest(String entityType, String payload, String orderingGroup, boolean ordered, BlobSource blob,
            String blobContentType, UUID idempotencyKey) {
        this(entityType, payload, orderingGroup, ordered, blob, blobContentType, idempotencyKey, null, null);
    }

    /** A request sent as soon as it can be, as before version 1.7. */
    public EnqueueRequest(String entityType, String payload, String orderingGroup, boolean ordered, BlobSource blob,
            String blobContentType, UUID idempotencyKey, Transition transition) {
        this(entityType, payload, orderingGroup, ordered, blob, blobContentType, idempotencyKey, transition, null);
    }

    public static EnqueueRequest of(String entityType, String payload) {
        return new EnqueueRequest(entityType, payload, null, false, null, null, null, null, null);
    }

    /** Places the item in a group; ordered items hold every later item of the group until sent. */
    public EnqueueRequest inGroup(String group, boolean orderedMember) {
        return new EnqueueRequest(entityType, payload, group, orderedMember, blob, blobContentType, idempotencyKey,
                transition, notBefore);
    }

    public EnqueueRequest withBlob(BlobSource source, String contentType) {
        return new EnqueueRequest(entityType, payload, orderingGroup, ordered, source, contentType, idempotencyKey,
                transition, notBefore);
    }

    public EnqueueRequest withIdempotencyKey(UUID key) {
        return new EnqueueRequest(entityType, payload, orderingGroup, ordered, blob, blobContentType, key, transition,
                notBefore);
    }

    /**
     * Records {@code newTransition} in the time ledger in the transaction that queues this item: the ledger never
     * holds a transition whose event was not queued, nor the queue an event the ledger lacks.
     *
     * @since 1.6
     */
    public EnqueueRequest recording(Transition newTransition) {
        return new EnqueueRequest(entityType, payload, orderingGroup, ordered, blob, blobContentType, idempotencyKey,
                newTransition, notBefore);
    }

    /**
     * Holds the item until {@code time}: the sync does not send it before, and until then it can still be withdrawn
     * ({@link QueueStore#replace}), as a screenshot under review is.
     *
     * @since 1.7
     */
    public EnqueueRequest notBefore(Instant time) {
        return new EnqueueRequest(entityType, payload, orderingGroup, ordered, blob, blobContentType, idempotencyKey,
                transition, time);
    }

    public Optional<BlobSource> blobSource() {
        return Optional.ofNullable(blob);
    }
}
