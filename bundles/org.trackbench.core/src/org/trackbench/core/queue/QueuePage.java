package org.trackbench.core.queue;

import java.util.List;
import java.util.Optional;

/**
 * One page of the admin listing.
 *
 * @param items the rows, in the query's order
 * @param next the cursor for the following page, {@code null} when this is the last page
 */
public record QueuePage(List<QueueItem> items, QueueQuery.PageCursor next) {

    public QueuePage {
        items = List.copyOf(items);
    }

    public Optional<QueueQuery.PageCursor> nextCursor() {
        return Optional.ofNullable(next);
    }
}
