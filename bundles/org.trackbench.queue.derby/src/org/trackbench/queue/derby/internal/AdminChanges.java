package org.trackbench.queue.derby.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import org.trackbench.core.admin.AdminAction;
import org.trackbench.core.admin.AuditEntry;
import org.trackbench.core.admin.AuditQuery;
import org.trackbench.core.admin.BulkAction;
import org.trackbench.core.admin.BulkPreview;
import org.trackbench.core.handler.RepairAction;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.UnknownItemException;

/**
 * An admin's changes to the queue, each recorded in the audit trail in the transaction that makes it, with who asked
 * ({@link Actor}); entries past the trail's retention leave in the same transactions. Changes that hold or release
 * items of a group run under the store's {@link BlockingOrder}, as its own do.
 */
final class AdminChanges {

    private final QueueDatabase database;
    private final QueueEventPublisher events;
    private final BlockingOrder blocking;
    private final RetentionHolds holds;
    private final PayloadCheckers checkers;
    private final EnqueueValidator validator;
    private final ItemWriter writer;
    private final BlobFiles blobs;
    private final Supplier<Instant> clock;
    private final Duration auditRetention;

    AdminChanges(QueueDatabase database, QueueEventPublisher events, BlockingOrder blocking, RetentionHolds holds,
            PayloadCheckers checkers, EnqueueValidator validator, ItemWriter writer, BlobFiles blobs,
            Supplier<Instant> clock, Duration auditRetention) {
        this.database = database;
        this.events = events;
        this.blocking = blocking;
        this.holds = holds;
        this.checkers = checkers;
        this.validator = validator;
        this.writer = writer;
        this.blobs = blobs;
        this.clock = clock;
        this.auditRetention = auditRetention;
    }

    int retry(Collection<Long> ids, Actor actor) {
        List<Long> given = List.copyOf(ids);
        List<Long> retried = audited(actor, AdminAction.RETRY, AuditDetails.items(given),
                connection -> AdminOperations.retry(connection, given, clock.get()), List::size);
        events.changed(retried, ItemStatus.PENDING);
        return retried.size();
    }

    int retryFailed(String reason, Actor actor) {
        return retryFailed(actor, connection -> AdminOperations.failedIds(connection, reason),
                AuditDetails.failedWith(reason));
    }

    private int retryFailed(Actor actor, SqlWork<List<Long>> selection, String detail) {
        List<Long> retried = audited(actor, AdminAction.RETRY, detail,
                connection -> AdminOperations.retry(connection, selection.run(connection), clock.get()), List::size);
        events.changed(retried, ItemStatus.PENDING);
        return retried.size();
    }

    int retryAllFailed(Actor actor) {
        return retryFailed(actor, AdminOperations::failedIds, "every failed item");
    }

    int deleteFailed(String reason, Actor actor) {
        Map<String, String> held = holds.groups();
        List<Long> deleted = audited(actor, AdminAction.DELETE, AuditDetails.failedWith(reason), connection -> {
            List<Long> ids = AdminOperations.withoutHeld(connection, AdminOperations.failedIds(connection, reason), held);
            AdminOperations.delete(connection, ids);
            return ids;
        }, List::size);
        blobs.delete(deleted);
        events.removed(deleted.size());
        return deleted.size();
    }

    int delete(Collection<Long> ids, Actor actor) {
        List<Long> given = List.copyOf(ids);
        Map<String, String> held = holds.groups();
        int deleted = audited(actor, AdminAction.DELETE, AuditDetails.items(given), connection -> {
            AdminOperations.refuseHeld(connection, given, held);
            return AdminOperations.delete(connection, given);
        }, Integer::longValue);
        blobs.delete(given);
        events.removed(deleted);
        return deleted;
    }

    int purgeSent(Duration age, Actor actor) {
        if (age == null || age.isNegative()) {
            throw new IllegalArgumentException("age " + age + " is not accepted; expected zero or a positive duration");
        }
        Set<String> held = holds.groups().keySet();
        int purged = audited(actor, AdminAction.PURGE, AuditDetails.sentOlderThan(age),
                connection -> AdminOperations.purgeSent(connection, clock.get().minus(age), held), Integer::longValue);
        events.removed(purged);
        return purged;
    }

    QueueItem edit(long id, String payload, Actor actor) {
        return edit(find(id), payload, actor, "");
    }

    int importItems(List<EnqueueRequest> requests, String source, Actor actor) {
        for (int i = 0; i < requests.size(); i++) {
            try {
                validator.validate(requests.get(i));
                checkers.check(requests.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("item " + (i + 1) + " of " + source + ": " + e.getMessage()
                        + "; nothing was imported", e);
            }
        }
        List<QueueItem> added = audited(actor, AdminAction.BUNDLE_IMPORT, connection -> {
            List<QueueItem> inserted = new ArrayList<>();
            for (EnqueueRequest request : requests) {
                if (request.idempotencyKey() == null || !ItemRows.keyHeld(connection, request.idempotencyKey())) {
                    inserted.add(writer.insert(connection, request, clock.get()));
                }
            }
            return inserted;
        }, inserted -> "from " + source + ": " + inserted.size() + " of its " + requests.size() + " item(s) added, the"
                + " others already here", List::size);
        added.forEach(events::enqueued);
        return added.size();
    }

    int requeue(Collection<UUID> entryIds, Actor actor) {
        List<UUID> given = List.copyOf(entryIds);
        List<QueueItem> queued = audited(actor, AdminAction.REQUEUE, connection -> LedgerRequeue.requeue(connection,
                given, writer, clock.get()), items -> AuditDetails.requeued(given, items.size()), List::size);
        queued.forEach(events::enqueued);
        return queued.size();
    }

    List<RepairAction> repairs(long id) {
        QueueItem current = find(id);
        boolean repairable = current.status() == ItemStatus.FAILED || current.status() == ItemStatus.BLOCKED;
        return repairable ? checkers.repairs(current) : List.of();
    }

    QueueItem repair(long id, String repairId, Actor actor) {
        QueueItem current = find(id);
        List<RepairAction> offered = repairs(id);
        RepairAction repair = offered.stream().filter(action -> action.id().equals(repairId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("repair '" + repairId + "' is not offered for item " + id
                        + " (" + current.entityType() + "); offered: " + (offered.isEmpty() ? "none"
                                : offered.stream().map(RepairAction::id).collect(Collectors.joining(", ")))));
        return edit(current, repair.repair(current), actor, "repair \"" + repair.label() + "\" of its handler: ");
    }

    /** {@code how}: the words the trail puts before what changed, empty for an edit by hand. */
    private QueueItem edit(QueueItem current, String payload, Actor actor, String how) {
        checkPayload(current.entityType(), payload);
        PayloadEdit.Result edited = audited(actor, AdminAction.EDIT,
                connection -> PayloadEdit.apply(connection, current.id(), payload, clock.get()),
                result -> describe(result, how), ignored -> 1);
        events.changed(List.of(current.id()), edited.after().status());
        return edited.after();
    }

    void checkPayload(String entityType, String payload) {
        validator.validatePayload(payload);
        checkers.check(entityType, payload);
    }

    private static String describe(PayloadEdit.Result edit, String how) {
        return "item " + edit.before().id() + " (" + edit.before().entityType() + "): " + how
                + PayloadChange.describe(edit.before().payload(), edit.after().payload())
                + (edit.newKey() ? "; sent under a new idempotency key, the server having refused the old one"
                        : "; sent under its idempotency key, which an earlier attempt may have used");
    }

    BulkPreview preview(BulkAction action, QueueQuery filter) {
        Set<String> held = holds.groups().keySet();
        return database.read(connection -> BulkOperations.preview(connection, action, filter, held));
    }

    int apply(BulkAction action, QueueQuery filter, Actor actor) {
        Set<String> held = holds.groups().keySet();
        AdminAction recorded = action instanceof BulkAction.Retry ? AdminAction.RETRY
                : action instanceof BulkAction.Delete ? AdminAction.DELETE : AdminAction.EDIT;
        List<Long> changed = audited(actor, recorded, connection -> BulkOperations.apply(connection, action, filter,
                held, clock.get(), this::checkPayload), ids -> AuditDetails.bulk(action, filter, ids), List::size);
        if (action instanceof BulkAction.Delete) {
            blobs.delete(changed);
            events.removed(changed.size());
        } else {
            events.changed(changed, ItemStatus.PENDING);
        }
        return changed.size();
    }

    /** Records an action outside the queue in the audit trail, and drops the entries older than its retention. */
    void record(Actor actor, AdminAction action, String detail, long items) {
        audited(actor, action, detail, connection -> null, ignored -> items);
    }

    List<AuditEntry> auditEntries(AuditQuery query) {
        return database.read(connection -> AuditLog.read(connection, query));
    }

    /**
     * Runs {@code change} and records it, with the count {@code items} reads from its result, in one transaction;
     * entries past the trail's retention go in the same one. Changes that hold or release items keep the order.
     */
    private <T> T audited(Actor actor, AdminAction action, String detail, SqlWork<T> change, ToLongFunction<T> items) {
        return audited(actor, action, change, changed -> detail, items);
    }

    /** As {@link #audited(Actor, AdminAction, String, SqlWork, ToLongFunction)}, the detail read from the result. */
    private <T> T audited(Actor actor, AdminAction action, SqlWork<T> change, Function<T, String> detail,
            ToLongFunction<T> items) {
        long[] entry = new long[1];
        T result = blocking.change(() -> database.write(connection -> {
            T changed = change.run(connection);
            Instant at = clock.get();
            entry[0] = AuditLog.append(connection, at, actor, action, detail.apply(changed), items.applyAsLong(changed));
            AuditLog.deleteBefore(connection, at.minus(auditRetention));
            return changed;
        }));
        events.audited(entry[0]);
        return result;
    }

    private QueueItem find(long id) {
        return database.read(connection -> ItemRows.find(connection, id)).orElseThrow(() -> new UnknownItemException(id));
    }
}
