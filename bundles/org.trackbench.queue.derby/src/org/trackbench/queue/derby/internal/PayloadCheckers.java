package org.trackbench.queue.derby.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.ComponentServiceObjects;
import org.trackbench.core.handler.EntityHandler;
import org.trackbench.core.handler.RepairAction;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.QueueException;
import org.trackbench.core.queue.QueueItem;

/**
 * The entity handlers registered now, asked to check a payload before it is queued: a malformed one is refused at
 * the door with the field named, instead of becoming a dead letter when it is sent. A type without a handler is
 * stored as it is and waits for one.
 */
final class PayloadCheckers {

    private final Map<String, LazyService<EntityHandler>> byType = new ConcurrentHashMap<>();

    /** A handler registered for {@code entityType} (its {@link EntityHandler#ENTITY_TYPE} property). */
    void add(String entityType, ComponentServiceObjects<EntityHandler> handler) {
        byType.put(entityType, new LazyService<>(handler));
    }

    void remove(String entityType, ComponentServiceObjects<EntityHandler> handler) {
        byType.computeIfPresent(entityType, (type, registered) -> registered.isFor(handler) ? null : registered);
    }

    private EntityHandler handler(String entityType) {
        LazyService<EntityHandler> registered = byType.get(entityType);
        return registered == null ? null : registered.get();
    }

    /** The repairs the handler of the item's type offers for it now; none without a handler. */
    List<RepairAction> repairs(QueueItem item) {
        EntityHandler handler = handler(item.entityType());
        if (handler == null) {
            return List.of();
        }
        try {
            return List.copyOf(handler.repairs(item));
        } catch (RuntimeException e) {
            throw new QueueException("The " + item.entityType() + " handler failed to list its repairs: " + e, e);
        }
    }

    /**
     * @throws IllegalArgumentException from the type's handler, naming the field at fault
     * @throws QueueException when the handler fails otherwise; nothing is stored then either
     */
    void check(EnqueueRequest request) {
        check(request.entityType(), request.payload());
    }

    /** As {@link #check(EnqueueRequest)}, for a payload of an item of {@code entityType}. */
    void check(String entityType, String payload) {
        EntityHandler handler = handler(entityType);
        if (handler == null) {
            return;
        }
        try {
            handler.validate(payload);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new QueueException("The " + entityType + " handler failed to check the payload: " + e, e);
        }
    }
}
