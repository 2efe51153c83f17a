package org.trackbench.core.queue;

import java.util.Objects;
import java.util.Set;

/**
 * One page request of the admin listing: filters, sort and the keyset cursor of the previous page.
 * Keyset paging keeps every page as cheap as the first, even over millions of rows.
 *
 * @param statuses statuses to include; empty for all
 * @param entityTypes entity types to include; empty for all
 * @param text substring to find in the entity type, payload or last error; {@code null} or blank for none
 * @param orderingGroup only items of this ordering group (e.g. one time entry), {@code null} for all
 * @param sort the column to sort by; ties are broken by id
 * @param descending whether to list the largest values first
 * @param after the cursor of the previous page, {@code null} for the first page
 * @param limit the page size, 1 to {@value #MAX_LIMIT}
 */
public record QueueQuery(Set<ItemStatus> statuses, Set<String> entityTypes, String text, String orderingGroup, SortKey sort,
        boolean descending, PageCursor after, int limit) {

    public static final int MAX_LIMIT = 10_000;

    /** Sortable columns of the listing. */
    public enum SortKey {
        ID, CREATED_AT, NEXT_ATTEMPT_AT, ATTEMPTS, BLOB_SIZE
    }

    /** Where the previous page ended: its last row's sort value and id. */
    public record PageCursor(long sortValue, long id) {
    }

    public QueueQuery {
        statuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
        entityTypes = Set.copyOf(Objects.requireNonNull(entityTypes, "entityTypes"));
        Objects.requireNonNull(sort, "sort");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit " + limit + " is out of range; expected 1 to " + MAX_LIMIT);
        }
    }

    /** The first page of everything, oldest first. */
    public static QueueQuery all(int limit) {
        return new QueueQuery(Set.of(), Set.of(), null, null, SortKey.ID, false, null, limit);
    }

    public QueueQuery withStatuses(Set<ItemStatus> newStatuses) {
        return new QueueQuery(newStatuses, entityTypes, text, orderingGroup, sort, descending, after, limit);
    }

    public QueueQuery withEntityTypes(Set<String> newTypes) {
        return new QueueQuery(statuses, newTypes, text, orderingGroup, sort, descending, after, limit);
    }

    public QueueQuery withText(String newText) {
        return new QueueQuery(statuses, entityTypes, newText, orderingGroup, sort, descending, after, limit);
    }

    public QueueQuery inGroup(String group) {
        return new QueueQuery(statuses, entityTypes, text, group, sort, descending, after, limit);
    }

    public QueueQuery sortedBy(SortKey key, boolean newDescending) {
        return new QueueQuery(statuses, entityTypes, text, orderingGroup, key, newDescending, null, limit);
    }

    public QueueQuery after(PageCursor cursor) {
        return new QueueQuery(statuses, entityTypes, text, orderingGroup, sort, descending, cursor, limit);
    }
}
