package org.trackbench.sync.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.trackbench.core.handler.EntityHandler;

/** The entity handlers currently registered, by type; handlers come and go at any time. */
final class HandlerRegistry {

    private final Map<String, EntityHandler> byType = new ConcurrentHashMap<>();

    void add(EntityHandler handler) {
        byType.put(handler.entityType(), handler);
    }

    void remove(EntityHandler handler) {
        byType.remove(handler.entityType(), handler);
    }

    Optional<EntityHandler> forType(String entityType) {
        return Optional.ofNullable(byType.get(entityType));
    }
}
