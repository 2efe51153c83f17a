package org.trackbench.core.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

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
 * @param error substring to find in the last error alone, e.g. the reason a bulk repair is for; {@code null} or blank
 *        for none (since 1.5)
 */
public record QueueQuery(Set<ItemStatus> statuses, Set<String> entityTypes, String text, String orderingGroup, SortKey sort,
        boolean descending, PageCursor after, int limit, String error) {

    public static final int MAX_LIMIT = 10_000;

    /** Sortable columns of the listing. */
    public enum SortKey {
        ID, CREATED_AT, NEXT_ATTEMPT_AT, ATTEMPTS, BLOB_SIZE
    }

    /** Where the previous page ended: its last row's sort value and id. */
    public record PageCursor(long sortValue, long id) {
    }

    /** A query without an error filter, as before version 1.5. */
    public QueueQuery(Set<ItemStatus> statuses, Set<String> entityTypes, String text, String orderingGroup,
            SortKey sort, boolean descending, PageCursor after, int limit) {
        this(statuses, entityTypes, text, orderingGroup, sort, descending, after, limit, null);
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
        return new QueueQuery(newStatuses, entityTypes, text, orderingGroup, sort, descending, after, limit, error);
    }

    public QueueQuery withEntityTypes(Set<String> newTypes) {
        return new QueueQuery(statuses, newTypes, text, orderingGroup, sort, descending, after, limit, error);
    }

    public QueueQuery withText(String newText) {
        return new QueueQuery(statuses, entityTypes, newText, orderingGroup, sort, descending, after, limit, error);
    }

    /** @since 1.5 */
    public QueueQuery withError(String newError) {
        return new QueueQuery(statuses, entityTypes, text, orderingGroup, sort, descending, after, limit, newError);
    }

    /**
     * The filters as an admin set them, e.g. {@code status failed, error "unknown project"}; {@code no filter (every
     * item)} for none.
     *
     * @since 1.5
     */
    public String describeFilters() {
        List<String> parts = new ArrayList<>();
        if (!statuses.isEmpty()) {
            parts.add("status "
                    + statuses.stream().map(ItemStatus::label).sorted().collect(Collectors.joining(" or ")));
        }
        if (!entityTypes.isEmpty()) {
            parts.add("type " + entityTypes.stream().sorted().collect(Collectors.joining(" or ")));
        }
        if (error != null && !error.isBlank()) {
            parts.add("error \"" + error.strip() + "\"");
        }
        if (text != null && !text.isBlank()) {
            parts.add("text \"" + text.strip() + "\"");
        }
        if (orderingGroup != null) {
            parts.add("group " + orderingGroup);
        }
        return parts.isEmpty() ? "no filter (every item)" : String.join(", ", parts);
    }

    public QueueQuery inGroup(String group) {
        return new QueueQuery(statuses, entityTypes, text, group, sort, descending, after, limit, error);
    }

    public QueueQuery sortedBy(SortKey key, boolean newDescending) {
        return new QueueQuery(statuses, entityTypes, text, orderingGroup, key, newDescending, null, limit, error);
    }

    public QueueQuery after(PageCursor cursor) {
        return new QueueQuery(statuses, entityTypes, text, orderingGroup, sort, descending, cursor, limit, error);
    }
}
