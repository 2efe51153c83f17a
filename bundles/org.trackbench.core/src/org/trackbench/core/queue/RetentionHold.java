package org.trackbench.core.queue;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A whiteboard service naming ordering groups whose items a component still needs, so that no purge or delete takes
 * them: the time tracker holds its open entry's events, from which it restores the entry after a restart. The store
 * asks every registered hold at each purge and delete.
 *
 * @since 1.3
 */
@ConsumerType
public interface RetentionHold {

    /** The held groups, each with why it is held, in words an admin understands (e.g. "the running time entry"). */
    Map<String, String> heldGroups();
}
