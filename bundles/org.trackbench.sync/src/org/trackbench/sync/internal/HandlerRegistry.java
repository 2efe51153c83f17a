package org.trackbench.sync.internal;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.trackbench.core.handler.EntityHandler;

/** The entity handlers currently registered, by type; handlers come and go at any time. */
final class HandlerRegistry {

    private final Map<String, EntityHandler> byType = new ConcurrentHashMap<>();
    private final Set<String> arrivals = ConcurrentHashMap.newKeySet();

    void add(EntityHandler handler) {
        byType.put(handler.entityType(), handler);
        arrivals.add(handler.entityType());
    }

    /** The types whose handler arrived since the last call: their waiting items can go now. */
    Set<String> takeArrivals() {
        Set<String> taken = new HashSet<>();
        // Removing one by one: an arrival added meanwhile is either taken now or left for the next call.
        for (Iterator<String> pending = arrivals.iterator(); pending.hasNext();) {
            taken.add(pending.next());
            pending.remove();
        }
        return taken;
    }

    void remove(EntityHandler handler) {
        byType.remove(handler.entityType(), handler);
    }

    Optional<EntityHandler> forType(String entityType) {
        return Optional.ofNullable(byType.get(entityType));
    }
}
