package org.trackbench.queue.derby.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.trackbench.core.queue.RetentionHold;

/** The {@link RetentionHold}s registered now, asked at each purge and delete. */
final class RetentionHolds {

    private final Set<RetentionHold> holds = new CopyOnWriteArraySet<>();

    void add(RetentionHold hold) {
        holds.add(hold);
    }

    void remove(RetentionHold hold) {
        holds.remove(hold);
    }

    /** Every held group with why it is held. */
    Map<String, String> groups() {
        Map<String, String> held = new HashMap<>();
        holds.forEach(hold -> held.putAll(hold.heldGroups()));
        return held;
    }
}
