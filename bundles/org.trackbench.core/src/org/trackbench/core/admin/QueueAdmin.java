package org.trackbench.core.admin;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;
import org.trackbench.core.handler.RepairAction;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueQuery;

/**
 * An admin's changes to the queue. Each is recorded in the {@link AuditTrail} in the same transaction as the change:
 * a change that fails records nothing, and a recorded one happened. A bundle-scoped service, like the trail: the
 * bundle that gets it is recorded as where the change came from.
 */
@ProviderType
public interface QueueAdmin {

    /**
     * Makes failed or blocked items, and pending ones waiting for a later attempt, due now with fresh retries; the
     * items they held are released. Ids in other states are ignored.
     *
     * @return the number of items made due
     * @throws org.trackbench.core.queue.UnknownItemException for the first id not held by the store; nothing is
     *         changed then
     */
    int retry(Collection<Long> ids);

    /** {@link #retry} for every failed item. */
    int retryAllFailed();

    /**
     * {@link #retry} for every failed item whose last error is exactly {@code reason} ({@code null}: the items failed
     * without one).
     */
    int retryFailed(String reason);

    /**
     * Deletes the items and their blobs; items they blocked are released.
     *
     * @throws org.trackbench.core.queue.UnknownItemException for the first id not held by the store; nothing is
     *         deleted then
     * @throws IllegalArgumentException naming an item of a group a retention hold keeps; nothing is deleted then
     */
    int delete(Collection<Long> ids);

    /**
     * Deletes every failed item whose last error is exactly {@code reason} ({@code null}: the items failed without
     * one), but those of a group a retention hold keeps; the items they blocked are released.
     */
    int deleteFailed(String reason);

    /**
     * Repairs a failed or blocked item in place: its payload becomes {@code payloadJson}, and it keeps its id and its
     * place in its group's order and is due at once. It is sent under a new idempotency key when the server refused
     * the old one (the server keeps that refusal for that key, and a refusal means nothing was applied), and under
     * its old key otherwise, since an attempt whose outcome is unknown may have been applied. The audit trail records
     * the payload before and after, secret-looking fields hidden.
     *
     * @return the item as it is now
     * @throws org.trackbench.core.queue.UnknownItemException if no such item exists
     * @throws IllegalArgumentException if the item is neither failed nor blocked, or the payload is not a JSON object
     *         its type's handler accepts (naming the field); nothing is changed then
     */
    QueueItem edit(long id, String payloadJson);

    /**
     * The repairs the handler of the item's type offers for it now; none without a handler or for an item that is
     * neither failed nor blocked.
     *
     * @throws org.trackbench.core.queue.UnknownItemException if no such item exists
     */
    List<RepairAction> repairs(long id);

    /**
     * Applies the repair {@code repairId} that the handler of the item's type offers for it
     * ({@link org.trackbench.core.handler.EntityHandler#repairs}): an {@link #edit} to the payload the repair gives,
     * recorded with the repair's name.
     *
     * @throws org.trackbench.core.queue.UnknownItemException if no such item exists
     * @throws IllegalArgumentException if the handler offers no such repair for the item, or the repaired payload is
     *         refused; nothing is changed then
     * @throws IllegalStateException when the repair cannot apply now, saying why
     */
    QueueItem repair(long id, String repairId);

    /**
     * Checks a payload for an item of {@code entityType} as {@link #edit} and the queue's enqueue do, without
     * changing anything: for an editor that says what is wrong as the admin types.
     *
     * @throws IllegalArgumentException naming the field at fault and what would be accepted
     */
    void checkPayload(String entityType, String payloadJson);

    /**
     * A dry run of {@code action} over every item {@code filter} matches (its statuses, types, text, error and group;
     * its sort, cursor and limit are ignored): how many it would change, in which statuses, the first few, and what
     * it would release from {@code blocked}. Changes nothing and records nothing.
     */
    BulkPreview preview(BulkAction action, QueueQuery filter);

    /**
     * Applies {@code action} to every item {@code filter} matches now, in one transaction recorded with the filter:
     * all of them or, on a failure, none. Show the {@link #preview} first: the queue may have changed since.
     *
     * @return how many items it changed
     * @throws IllegalArgumentException for a field value that is not JSON, or a payload the type's handler would
     *         refuse with the field set, naming the item; nothing is changed then
     */
    int apply(BulkAction action, QueueQuery filter);

    /**
     * Queues items carried over from another machine's queue with their own idempotency keys, all in one transaction
     * recorded with {@code source} (e.g. the bundle's file): all of them or, on a failure, none. An item whose key
     * this queue already holds is skipped, so a bundle imported twice adds nothing the second time, and an item sent
     * from both machines is applied once.
     *
     * @return how many items were added
     * @throws IllegalArgumentException naming the first item the queue or its type's handler refuses, as at enqueue;
     *         nothing is added then
     */
    int importItems(List<EnqueueRequest> requests, String source);

    /** Deletes sent items older than {@code age}, but none of a group a retention hold keeps; returns how many. */
    int purgeSent(Duration age);

    /**
     * Queues the events of time entries the server lacks again, from the ledger, in one transaction recorded with the
     * entries: each transition's event as it was first queued, in the entry's group and order, under a new
     * idempotency key (a server that still remembers the old keys would answer them without creating anything).
     *
     * @return how many events were queued
     * @throws IllegalArgumentException naming the first entry the ledger does not hold, or one whose events still
     *         wait in the queue; nothing is queued then
     * @since 1.1
     */
    int requeue(Collection<UUID> entryIds);
}
