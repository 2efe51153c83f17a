package org.trackbench.queue.derby.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.osgi.service.component.ComponentServiceObjects;
import org.trackbench.core.queue.RetentionHold;

/** The {@link RetentionHold}s registered now, asked at each purge and delete. */
final class RetentionHolds {

    private final Set<LazyService<RetentionHold>> holds = new CopyOnWriteArraySet<>();

    void add(ComponentServiceObjects<RetentionHold> hold) {
        holds.add(new LazyService<>(hold));
    }

    void remove(ComponentServiceObjects<RetentionHold> hold) {
        holds.removeIf(registered -> registered.isFor(hold));
    }

    /** Every held group with why it is held. */
    Map<String, String> groups() {
        Map<String, String> held = new HashMap<>();
        for (LazyService<RetentionHold> registered : holds) {
            RetentionHold hold = registered.get();
            if (hold != null) {
                held.putAll(hold.heldGroups());
            }
        }
        return held;
    }
}
