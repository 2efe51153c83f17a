package org.trackbench.core.admin;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;

/**
 * A dry run of a bulk action: what it would change if applied now. Nothing was changed to compute it.
 *
 * @param matched how many items the filter matches
 * @param byStatus how many of the items the action would change are in each status (only statuses with some)
 * @param first the first few items it would change, in queue order
 * @param released how many blocked items it does not change itself would be released from {@code blocked}, their
 *        failed predecessors repaired or gone
 */
public record BulkPreview(long matched, Map<ItemStatus, Long> byStatus, List<QueueItem> first, long released) {

    /** How many items {@link BulkPreview#first} shows at most. */
    public static final int FIRST = 5;

    public BulkPreview {
        byStatus = Map.copyOf(Objects.requireNonNull(byStatus, "byStatus"));
        first = List.copyOf(Objects.requireNonNull(first, "first"));
    }

    /** How many items the action would change. */
    public long changed() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }
}
