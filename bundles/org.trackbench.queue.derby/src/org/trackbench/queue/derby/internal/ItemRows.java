package org.trackbench.queue.derby.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;

/** How a {@link QueueItem} is stored in {@code TB_QUEUE_ITEM} and read back. */
final class ItemRows {

    static final String COLUMNS = "ID, ENTITY_TYPE, IDEMPOTENCY_KEY, PAYLOAD, BLOB_SIZE, BLOB_CONTENT_TYPE, STATUS,"
            + " ATTEMPTS, CREATED_AT, LAST_ATTEMPT_AT, NEXT_ATTEMPT_AT, LAST_ERROR, ORDERING_GROUP, ORDERED";

    static final int MAX_ERROR_CHARS = 2000;

    private ItemRows() {
    }

    static QueueItem read(ResultSet row) throws SQLException {
        long lastAttempt = row.getLong("LAST_ATTEMPT_AT");
        Instant lastAttemptAt = row.wasNull() ? null : Instant.ofEpochMilli(lastAttempt);
        return new QueueItem(row.getLong("ID"), row.getString("ENTITY_TYPE"),
                UUID.fromString(row.getString("IDEMPOTENCY_KEY")), row.getString("PAYLOAD"), row.getLong("BLOB_SIZE"),
                row.getString("BLOB_CONTENT_TYPE"), status(row.getString("STATUS")), row.getInt("ATTEMPTS"),
                Instant.ofEpochMilli(row.getLong("CREATED_AT")), lastAttemptAt,
                Instant.ofEpochMilli(row.getLong("NEXT_ATTEMPT_AT")), row.getString("LAST_ERROR"),
                row.getString("ORDERING_GROUP"), row.getBoolean("ORDERED"));
    }

    static List<QueueItem> readAll(PreparedStatement query) throws SQLException {
        List<QueueItem> items = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                items.add(read(rows));
            }
        }
        return items;
    }

    static Optional<QueueItem> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection
                .prepareStatement("SELECT " + COLUMNS + " FROM TB_QUEUE_ITEM WHERE ID = ?")) {
            query.setLong(1, id);
            List<QueueItem> items = readAll(query);
            return items.stream().findFirst();
        }
    }

    /** Whether an item with this idempotency key is stored. */
    static boolean keyHeld(Connection connection, UUID key) throws SQLException {
        try (PreparedStatement query = connection
                .prepareStatement("SELECT 1 FROM TB_QUEUE_ITEM WHERE IDEMPOTENCY_KEY = ?")) {
            query.setString(1, key.toString());
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    static ItemStatus status(String stored) {
        return ItemStatus.valueOf(stored.toUpperCase(java.util.Locale.ROOT));
    }

    /** Errors come from servers and exceptions; keep the start, which names the cause. */
    static String truncateError(String error) {
        if (error == null || error.length() <= MAX_ERROR_CHARS) {
            return error;
        }
        return error.substring(0, MAX_ERROR_CHARS - 1) + "…";
    }
}
