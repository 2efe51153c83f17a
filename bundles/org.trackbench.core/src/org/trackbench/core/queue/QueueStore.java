package org.trackbench.core.queue;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The durable local queue every record goes through. All methods are thread-safe; every change is
 * committed durably before the method returns and then announced on {@link QueueEvents} topics.
 *
 * <p>Bad input is rejected with an {@link IllegalArgumentException} naming the field and what would be
 * accepted; an unknown id with {@link UnknownItemException}; storage failures with {@link QueueException}
 * keeping their cause, a full disk with {@link StorageFullException}. No method deletes anything it was not asked to
 * delete.
 */
@ProviderType
public interface QueueStore {

    /**
     * Stores a new item and returns once it is durably committed. Items of a group that already holds a
     * failed ordered item start {@link ItemStatus#BLOCKED}. When a handler of the item's type is installed, it
     * checks the payload first ({@code EntityHandler.validate}); an item of a type without one is stored as it is.
     *
     * @throws IllegalArgumentException for a blank entity type, a payload that is not a JSON object or that the
     *         type's handler refuses (naming the field), a blob without content type or larger than the configured
     *         maximum; nothing is stored then
     */
    QueueItem enqueue(EnqueueRequest request);

    /**
     * Withdraws an item not yet sent in favour of {@code replacement}, in one transaction: the item's blob is deleted
     * and the item becomes the replacement in place (same id, same place in its group, a new idempotency key, due as
     * the replacement asks). A screenshot the person deleted under review, or one dropped over the storage quota, thus
     * leaves its omission marker: never nothing, never both. No {@link RetentionHold} refuses it, as the group keeps a
     * record of the item.
     *
     * @return the replacement as stored
     * @throws UnknownItemException if no such item exists
     * @throws IllegalArgumentException if the item is not pending or blocked (one in flight, sent or failed may be on
     *         the server already), or is an ordered member of its group, or the replacement is not an unordered member
     *         of the same group without a blob, or its handler refuses its payload; nothing is changed then
     * @since 1.7
     */
    QueueItem replace(long id, EnqueueRequest replacement);

    /**
     * Claims up to {@code max} due items for delivery, oldest first, leasing each for {@code lease}. An item
     * is due when it is pending, its next attempt time has come, and no earlier ordered item of its group
     * is unsent. Items whose lease expired are due again.
     */
    List<QueueItem> claim(int max, Duration lease);

    /** The server accepted the item: it becomes {@code SENT} and its blob is dropped. */
    void markSent(long id);

    /** A claimed item goes back to {@code PENDING} to be tried again at {@code outcome.nextAttemptAt()}. */
    void reschedule(long id, AttemptOutcome outcome);

    /**
     * A claimed item whose type has no handler installed goes back to {@code PENDING}, spending nothing, marked as
     * waiting for a handler: due again at {@code retryAt} at the latest, and at once when
     * {@link #releaseAwaitingHandler} is called for its type.
     *
     * @since 1.4
     */
    void awaitHandler(long id, Instant retryAt, String reason);

    /**
     * A handler for {@code entityType} arrived: the items waiting for one become due now.
     *
     * @return how many were waiting
     * @since 1.4
     */
    int releaseAwaitingHandler(String entityType);

    /**
     * The item is a dead letter: the server rejected it or its retries are spent. Later items of its group
     * become {@code BLOCKED} if it was ordered.
     */
    void markFailed(long id, String reason);

    /**
     * The server refused the item and applied nothing: it becomes a dead letter as with {@link #markFailed}, and its
     * idempotency key is spent (the server keeps its refusal for that key), so a repaired payload is sent under a new
     * one. An item that failed for any other reason keeps its key: the server may hold it.
     *
     * @since 1.5
     */
    void markRejected(long id, String reason);

    Optional<QueueItem> find(long id);

    /**
     * Opens the item's blob for streaming. The caller closes the stream.
     *
     * @throws UnknownItemException if no such item exists
     * @throws QueueException if the item has no blob (none attached, or dropped after sending)
     * @throws UnreadableItemException if the blob is encrypted with a key that is not held, or fails its
     *         integrity check; the item is kept
     */
    InputStream openBlob(long id);

    /** One keyset page of the admin listing. */
    QueuePage query(QueueQuery query);

    /**
     * How many items match the query's filters (statuses, entity types, text, group); its sort, cursor and
     * limit are ignored. A text filter reads every item, so callers off the UI thread only.
     *
     * @since 1.2
     */
    long count(QueueQuery query);

    /**
     * The failed ordered item that holds a blocked item: the earliest one of its group before it. Empty when
     * the item is unknown, not blocked, or nothing holds it any more.
     *
     * @since 1.2
     */
    Optional<QueueItem> holder(long id);

    /** Item counts by status; every status is present, zero if none. */
    Map<ItemStatus, Long> countByStatus();

    /**
     * When {@link #claim} can next return an item, if ever: the earliest next attempt of the pending items that
     * nothing holds, or the earliest lease to run out. An item held by its predecessor counts only once that is
     * sent; this is when the sync job should wake.
     */
    Optional<Instant> earliestNextAttempt();

    /**
     * Whether the disk holding the queue is full: while it is, changes fail with {@link StorageFullException} and
     * reads still answer. Empty once the store takes writes again, which it finds out by itself.
     *
     * @since 1.4
     */
    Optional<StorageShortage> storageShortage();

    /** Bytes of blobs not yet sent: what capture compares with its disk quota. */
    long unsentBlobBytes();

    /**
     * Makes failed or blocked items, and pending ones waiting for a later attempt, due now with fresh
     * retries; the items they held are released. Ids in other states are ignored.
     *
     * @return the number of items made due
     * @throws UnknownItemException for the first id not held by the store; nothing is changed then
     * @deprecated an admin's change goes through {@link org.trackbench.core.admin.QueueAdmin}, which records who made
     *             it; here it is recorded as made through this API by a caller not known
     */
    @Deprecated
    int retry(Collection<Long> ids);

    /**
     * {@link #retry} for every failed item.
     *
     * @deprecated an admin's change goes through {@link org.trackbench.core.admin.QueueAdmin}, which records who made
     *             it; here it is recorded as made through this API by a caller not known
     */
    @Deprecated
    int retryAllFailed();

    /**
     * The failed items counted by their last error, the largest group first. Read with one grouped count, however
     * many items failed.
     *
     * @since 1.2
     */
    List<FailureGroup> failureGroups();

    /**
     * {@link #retry} for every failed item whose last error is exactly {@code reason} ({@code null}: the items
     * failed without one), including those that failed with it since the caller last looked.
     *
     * @since 1.2
     * @deprecated an admin's change goes through {@link org.trackbench.core.admin.QueueAdmin}, which records who made
     *             it; here it is recorded as made through this API by a caller not known
     */
    @Deprecated
    int retryFailed(String reason);

    /**
     * {@link #delete} for every failed item whose last error is exactly {@code reason} ({@code null}: the items
     * failed without one), but those a {@link RetentionHold} holds; the items they blocked are released.
     *
     * @since 1.2
     * @deprecated an admin's change goes through {@link org.trackbench.core.admin.QueueAdmin}, which records who made
     *             it; here it is recorded as made through this API by a caller not known
     */
    @Deprecated
    int deleteFailed(String reason);

    /**
     * Deletes the items and their blobs; items they blocked are released.
     *
     * @throws UnknownItemException for the first id not held by the store; nothing is deleted then
     * @throws IllegalArgumentException naming an item of a group a {@link RetentionHold} holds, and why; nothing is
     *         deleted then
     * @deprecated an admin's change goes through {@link org.trackbench.core.admin.QueueAdmin}, which records who made
     *             it; here it is recorded as made through this API by a caller not known
     */
    @Deprecated
    int delete(Collection<Long> ids);

    /**
     * Deletes sent items older than {@code age}, but none of a group a {@link RetentionHold} holds; returns how many.
     *
     * @deprecated an admin's change goes through {@link org.trackbench.core.admin.QueueAdmin}, which records who made
     *             it; here it is recorded as made through this API by a caller not known
     */
    @Deprecated
    int purgeSent(Duration age);
}
