package org.trackbench.core.handler;

import org.osgi.annotation.versioning.ConsumerType;
import org.trackbench.core.queue.QueueItem;

/**
 * A repair a handler offers for a failed or blocked item of its type: a fix an admin applies in one step instead of
 * editing the payload by hand. The queue checks the repaired payload as any edit and records the repair by name.
 *
 * @since 1.1
 */
@ConsumerType
public interface RepairAction {

    /** Stable among the handler's repairs, e.g. {@code attach-to-current-entry}. */
    String id();

    /** What it does, for a menu or a console listing, e.g. "Attach to the current time entry". */
    String label();

    /**
     * The item's payload repaired.
     *
     * @throws IllegalStateException when the repair cannot apply now, saying why (e.g. no time entry is running)
     */
    String repair(QueueItem item);
}
