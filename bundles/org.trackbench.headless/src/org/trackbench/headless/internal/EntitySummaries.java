package org.trackbench.headless.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.trackbench.core.handler.EntityHandler;
import org.trackbench.core.queue.QueueItem;

/** Renders items through whichever {@link EntityHandler}s are installed right now. */
final class EntitySummaries {

    private final Map<String, EntityHandler> handlers = new ConcurrentHashMap<>();

    void add(EntityHandler handler) {
        handlers.put(handler.entityType(), handler);
    }

    void remove(EntityHandler handler) {
        handlers.remove(handler.entityType(), handler);
    }

    String summary(QueueItem item) {
        EntityHandler handler = handlers.get(item.entityType());
        if (handler == null) {
            return "(no handler installed for " + item.entityType() + ")";
        }
        try {
            return handler.summary(item);
        } catch (RuntimeException e) {
            return "(the " + item.entityType() + " handler cannot render this item: " + e.getMessage() + ")";
        }
    }
}
