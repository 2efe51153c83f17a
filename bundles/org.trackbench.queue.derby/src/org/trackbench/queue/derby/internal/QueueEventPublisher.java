package org.trackbench.queue.derby.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.trackbench.core.admin.AuditTrail;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueEvents;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.StorageShortage;

/** Announces committed changes asynchronously; listeners never hold up a producer's commit. */
final class QueueEventPublisher {

    private final EventAdmin eventAdmin;

    QueueEventPublisher(EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    void enqueued(QueueItem item) {
        eventAdmin.postEvent(new Event(QueueEvents.TOPIC_ENQUEUED, Map.of(QueueEvents.ITEM_ID, item.id(),
                QueueEvents.ENTITY_TYPE, item.entityType(), QueueEvents.STATUS, item.status().label())));
    }

    void changed(Collection<Long> ids, ItemStatus status) {
        if (!ids.isEmpty()) {
            long[] idArray = ids.stream().mapToLong(Long::longValue).toArray();
            eventAdmin.postEvent(new Event(QueueEvents.TOPIC_CHANGED,
                    Map.of(QueueEvents.ITEM_IDS, idArray, QueueEvents.STATUS, status.label())));
        }
    }

    void removed(int count) {
        if (count > 0) {
            eventAdmin.postEvent(new Event(QueueEvents.TOPIC_REMOVED, Map.of(QueueEvents.COUNT, count)));
        }
    }

    void audited(long entryId) {
        eventAdmin.postEvent(new Event(AuditTrail.TOPIC_RECORDED, Map.of("id", entryId)));
    }

    void storage(Optional<StorageShortage> shortage) {
        eventAdmin.postEvent(new Event(QueueEvents.TOPIC_STORAGE,
                shortage.<Map<String, Object>>map(full -> Map.of(QueueEvents.SHORTAGE, full)).orElse(Map.of())));
    }
}
