package org.trackbench.queue.derby.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueuePage;
import org.trackbench.core.queue.QueueQuery;

/** Read-only questions: keyset pages, counts, the next wake-up time, unsent blob bytes. */
final class ItemQueries {

    private ItemQueries() {
    }

    static QueuePage page(Connection connection, QueueQuery query) throws SQLException {
        String column = column(query.sort());
        List<Object> parameters = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        if (!query.statuses().isEmpty()) {
            conditions.add("STATUS IN (" + placeholders(query.statuses().size()) + ")");
            query.statuses().forEach(status -> parameters.add(status.label()));
        }
        if (!query.entityTypes().isEmpty()) {
            conditions.add("ENTITY_TYPE IN (" + placeholders(query.entityTypes().size()) + ")");
            parameters.addAll(query.entityTypes());
        }
        if (query.orderingGroup() != null) {
            conditions.add("ORDERING_GROUP = ?");
            parameters.add(query.orderingGroup());
        }
        if (query.text() != null && !query.text().isBlank()) {
            conditions.add("(ENTITY_TYPE LIKE ? ESCAPE '\\' OR PAYLOAD LIKE ? ESCAPE '\\' OR LAST_ERROR LIKE ? ESCAPE '\\')");
            String pattern = "%" + query.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            parameters.add(pattern);
            parameters.add(pattern);
            parameters.add(pattern);
        }
        if (query.after() != null) {
            String beyond = query.descending() ? "<" : ">";
            conditions.add("(" + column + " " + beyond + " ? OR (" + column + " = ? AND ID " + beyond + " ?))");
            parameters.add(query.after().sortValue());
            parameters.add(query.after().sortValue());
            parameters.add(query.after().id());
        }
        String direction = query.descending() ? " DESC" : " ASC";
        String sql = "SELECT " + ItemRows.COLUMNS + " FROM TB_QUEUE_ITEM"
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " ORDER BY " + column + direction + (column.equals("ID") ? "" : ", ID" + direction)
                + " FETCH FIRST " + (query.limit() + 1) + " ROWS ONLY";
        List<QueueItem> items;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            items = ItemRows.readAll(statement);
        }
        if (items.size() <= query.limit()) {
            return new QueuePage(items, null);
        }
        List<QueueItem> page = items.subList(0, query.limit());
        QueueItem last = page.get(page.size() - 1);
        return new QueuePage(page, new QueueQuery.PageCursor(sortValue(query.sort(), last), last.id()));
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

    static Optional<Instant> earliestNextAttempt(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT MIN(CASE WHEN STATUS = 'pending' THEN NEXT_ATTEMPT_AT"
                        + " ELSE LEASE_UNTIL END) FROM TB_QUEUE_ITEM WHERE STATUS IN ('pending', 'in_flight')")) {
            row.next();
            long millis = row.getLong(1);
            return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
        }
    }

    static long unsentBlobBytes(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COALESCE(SUM(BLOB_SIZE), 0) FROM TB_QUEUE_ITEM")) {
            row.next();
            return row.getLong(1);
        }
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

    private static String placeholders(int count) {
        return java.util.stream.Stream.generate(() -> "?").limit(count).collect(Collectors.joining(", "));
    }
}
