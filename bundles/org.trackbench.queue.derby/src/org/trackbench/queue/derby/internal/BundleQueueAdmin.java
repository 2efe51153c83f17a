package org.trackbench.queue.derby.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.trackbench.core.admin.AdminAction;
import org.trackbench.core.admin.AuditEntry;
import org.trackbench.core.admin.AuditQuery;
import org.trackbench.core.admin.AuditTrail;
import org.trackbench.core.admin.BulkAction;
import org.trackbench.core.admin.BulkPreview;
import org.trackbench.core.admin.QueueAdmin;
import org.trackbench.core.handler.RepairAction;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueQuery;

/**
 * {@link QueueAdmin} and {@link AuditTrail} for one bundle: DS makes one instance per bundle that gets the service,
 * and that bundle is recorded as the origin of everything done through it. The changes run in the store's
 * transactions.
 */
@Component(service = { QueueAdmin.class, AuditTrail.class }, scope = ServiceScope.BUNDLE)
public final class BundleQueueAdmin implements QueueAdmin, AuditTrail {

    private final AdminChanges admin;
    private final Actor actor;

    @Activate
    public BundleQueueAdmin(@Reference DerbyQueueStore store, ComponentContext context) {
        this.admin = store.admin();
        this.actor = Actor.of(context.getUsingBundle());
    }

    @Override
    public int retry(Collection<Long> ids) {
        return admin.retry(ids, actor);
    }

    @Override
    public int retryAllFailed() {
        return admin.retryAllFailed(actor);
    }

    @Override
    public int retryFailed(String reason) {
        return admin.retryFailed(reason, actor);
    }

    @Override
    public int delete(Collection<Long> ids) {
        return admin.delete(ids, actor);
    }

    @Override
    public int deleteFailed(String reason) {
        return admin.deleteFailed(reason, actor);
    }

    @Override
    public QueueItem edit(long id, String payloadJson) {
        return admin.edit(id, payloadJson, actor);
    }

    @Override
    public int importItems(List<EnqueueRequest> requests, String source) {
        return admin.importItems(List.copyOf(requests), source, actor);
    }

    @Override
    public int requeue(Collection<UUID> entryIds) {
        return admin.requeue(entryIds, actor);
    }

    @Override
    public List<RepairAction> repairs(long id) {
        return admin.repairs(id);
    }

    @Override
    public QueueItem repair(long id, String repairId) {
        return admin.repair(id, repairId, actor);
    }

    @Override
    public void checkPayload(String entityType, String payloadJson) {
        admin.checkPayload(entityType, payloadJson);
    }

    @Override
    public BulkPreview preview(BulkAction action, QueueQuery filter) {
        return admin.preview(action, filter);
    }

    @Override
    public int apply(BulkAction action, QueueQuery filter) {
        return admin.apply(action, filter, actor);
    }

    @Override
    public int purgeSent(Duration age) {
        return admin.purgeSent(age, actor);
    }

    @Override
    public void record(AdminAction action, String detail, long items) {
        if (action == null || detail == null || items < 0) {
            throw new IllegalArgumentException("action " + action + ", detail " + detail + ", items " + items
                    + ": expected an action, a detail (empty for none) and a count of zero or more");
        }
        admin.record(actor, action, detail, items);
    }

    @Override
    public List<AuditEntry> entries(AuditQuery query) {
        return admin.auditEntries(query);
    }
}
