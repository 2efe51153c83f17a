package org.trackbench.queue.derby.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.trackbench.core.queue.FailureGroup;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueuePage;
import org.trackbench.core.queue.QueueQuery;

/** Read-only questions: keyset pages, counts, failure groups, holders, unsent blob bytes, blobs kept in files. */
final class ItemQueries {

    private ItemQueries() {
    }

    static QueuePage page(Connection connection, QueueQuery query) throws SQLException {
        String column = column(query.sort());
        Filter filter = Filter.of(query);
        if (query.after() != null) {
            String beyond = query.descending() ? "<" : ">";
            filter.add("(" + column + " " + beyond + " ? OR (" + column + " = ? AND ID " + beyond + " ?))",
                    query.after().sortValue(), query.after().sortValue(), query.after().id());
        }
        String direction = query.descending() ? " DESC" : " ASC";
        String sql = "SELECT " + ItemRows.COLUMNS + " FROM TB_QUEUE_ITEM" + filter.where() + " ORDER BY " + column + direction + (column.equals("ID") ? "" : ", ID" + direction)
                + " FETCH FIRST " + (query.limit() + 1) + " ROWS ONLY";
        List<QueueItem> items;
        try (PreparedStatement statement = filter.prepare(connection, sql)) {
            items = ItemRows.readAll(statement);
        }
        if (items.size() <= query.limit()) {
            return new QueuePage(items, null);
        }
        List<QueueItem> page = items.subList(0, query.limit());
        QueueItem last = page.get(page.size() - 1);
        return new QueuePage(page, new QueueQuery.PageCursor(sortValue(query.sort(), last), last.id()));
    }

    static long count(Connection connection, QueueQuery query) throws SQLException {
        Filter filter = Filter.of(query);
        try (PreparedStatement statement = filter.prepare(connection, "SELECT COUNT(*) FROM TB_QUEUE_ITEM" + filter.where());
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** A LIKE pattern (escaped with {@code \\}) matching {@code text} anywhere, its own wildcards taken literally. */
    static String containing(String text) {
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** {@code ?, ?, ?} for {@code count} parameters of an {@code IN} list. */
    static String placeholders(int count) {
        return Stream.generate(() -> "?").limit(count).collect(Collectors.joining(", "));
    }

    /**
     * What a bulk action needs of an item: its place, status and group.
     *
     * @param id the item's id
     * @param status its status
     * @param group its ordering group, {@code null} for none
     * @param ordered whether later items of its group wait for it
     */
    record Match(long id, ItemStatus status, String group, boolean ordered) {
    }

    /** Every item the query's filters match, in queue order; its sort, cursor and limit are ignored. */
    static List<Match> matches(Connection connection, QueueQuery query) throws SQLException {
        Filter filter = Filter.of(query);
        try (PreparedStatement statement = filter.prepare(connection, "SELECT ID, STATUS, ORDERING_GROUP, ORDERED"
                + " FROM TB_QUEUE_ITEM" + filter.where() + " ORDER BY ID");
                ResultSet rows = statement.executeQuery()) {
            List<Match> matches = new ArrayList<>();
            while (rows.next()) {
                matches.add(new Match(rows.getLong(1), ItemRows.status(rows.getString(2)), rows.getString(3),
                        rows.getBoolean(4)));
            }
            return matches;
        }
    }

    /** The earliest failed ordered item of a blocked item's group: the one that holds it. */
    static Optional<QueueItem> holder(Connection connection, long id) throws SQLException {
        Optional<QueueItem> item = ItemRows.find(connection, id);
        if (item.isEmpty() || item.get().status() != ItemStatus.BLOCKED || item.get().orderingGroup() == null) {
            return Optional.empty();
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT " + ItemRows.COLUMNS + " FROM TB_QUEUE_ITEM"
                + " WHERE ORDERING_GROUP = ? AND ORDERED = TRUE AND STATUS = 'failed' AND ID < ? ORDER BY ID"
                + " FETCH FIRST 1 ROWS ONLY")) {
            query.setString(1, item.get().orderingGroup());
            query.setLong(2, id);
            return ItemRows.readAll(query).stream().findFirst();
        }
    }

    static List<FailureGroup> failureGroups(Connection connection) throws SQLException {
        List<FailureGroup> groups = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT LAST_ERROR, COUNT(*) FROM TB_QUEUE_ITEM"
                        + " WHERE STATUS = 'failed' GROUP BY LAST_ERROR ORDER BY 2 DESC, 1")) {
            while (rows.next()) {
                groups.add(new FailureGroup(rows.getString(1), rows.getLong(2)));
            }
        }
        return groups;
    }

    static Map<ItemStatus, Long> countByStatus(Connection connection) throws SQLException {
        Map<ItemStatus, Long> counts = new EnumMap<>(ItemStatus.class);
        for (ItemStatus status : ItemStatus.values()) {
            counts.put(status, 0L);
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT STATUS, COUNT(*) FROM TB_QUEUE_ITEM GROUP BY STATUS")) {
            while (rows.next()) {
                counts.put(ItemRows.status(rows.getString(1)), rows.getLong(2));
            }
        }
        return counts;
    }

    static long unsentBlobBytes(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COALESCE(SUM(BLOB_SIZE), 0) FROM TB_QUEUE_ITEM")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The items whose blob rows name a file. */
    static Set<Long> blobsInFiles(Connection connection) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT ITEM_ID FROM TB_QUEUE_BLOB WHERE IN_FILE")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private static String column(QueueQuery.SortKey key) {
        return switch (key) {
            case ID -> "ID";
            case CREATED_AT -> "CREATED_AT";
            case NEXT_ATTEMPT_AT -> "NEXT_ATTEMPT_AT";
            case ATTEMPTS -> "ATTEMPTS";
            case BLOB_SIZE -> "BLOB_SIZE";
        };
    }

    private static long sortValue(QueueQuery.SortKey key, QueueItem item) {
        return switch (key) {
            case ID -> item.id();
            case CREATED_AT -> item.createdAt().toEpochMilli();
            case NEXT_ATTEMPT_AT -> item.nextAttemptAt().toEpochMilli();
            case ATTEMPTS -> item.attempts();
            case BLOB_SIZE -> item.blobSize();
        };
    }

    /** The WHERE clause of a query's filters and the values of its placeholders, in order. */
    private static final class Filter {

        private final List<String> conditions = new ArrayList<>();
        private final List<Object> parameters = new ArrayList<>();

        static Filter of(QueueQuery query) {
            Filter filter = new Filter();
            if (!query.statuses().isEmpty()) {
                filter.add("STATUS IN (" + placeholders(query.statuses().size()) + ")",
                        query.statuses().stream().map(ItemStatus::label).toArray());
            }
            if (!query.entityTypes().isEmpty()) {
                filter.add("ENTITY_TYPE IN (" + placeholders(query.entityTypes().size()) + ")",
                        query.entityTypes().toArray());
            }
            if (query.orderingGroup() != null) {
                filter.add("ORDERING_GROUP = ?", query.orderingGroup());
            }
            if (query.text() != null && !query.text().isBlank()) {
                String pattern = containing(query.text());
                filter.add("(ENTITY_TYPE LIKE ? ESCAPE '\\' OR PAYLOAD LIKE ? ESCAPE '\\' OR LAST_ERROR LIKE ? ESCAPE '\\')",
                        pattern, pattern, pattern);
            }
            if (query.error() != null && !query.error().isBlank()) {
                filter.add("LAST_ERROR LIKE ? ESCAPE '\\'", containing(query.error()));
            }
            return filter;
        }

        void add(String condition, Object... values) {
            conditions.add(condition);
            parameters.addAll(List.of(values));
        }

        String where() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        PreparedStatement prepare(Connection connection, String sql) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            try {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                return statement;
            } catch (SQLException e) {
                statement.close();
                throw e;
            }
        }
    }
}
