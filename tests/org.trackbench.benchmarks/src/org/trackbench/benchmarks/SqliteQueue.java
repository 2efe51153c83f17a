package org.trackbench.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;

import org.sqlite.JDBC;

/**
 * The store of the Tauri/Rust tracker Trackbench replaces: SQLite, its {@code sync_queue} table, one autocommit
 * insert per item. {@link #tracker} opens it with SQLite's defaults (rollback journal, {@code synchronous=FULL}),
 * {@link #tuned} with the settings a careful peer would pick for the same durability (WAL, {@code synchronous=FULL}).
 */
final class SqliteQueue implements AutoCloseable {

    private final Connection connection;
    private final PreparedStatement insert;

    private SqliteQueue(Path file, boolean tuned) throws SQLException {
        connection = new JDBC().connect("jdbc:sqlite:" + file, new Properties());
        try (Statement statement = connection.createStatement()) {
            if (tuned) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=FULL");
            }
            statement.execute("CREATE TABLE sync_queue (id INTEGER PRIMARY KEY AUTOINCREMENT, entity_type TEXT NOT NULL,"
                    + " payload TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'pending', retry_count INTEGER NOT NULL"
                    + " DEFAULT 0, created_at TEXT NOT NULL, last_retry_at TEXT)");
        }
        insert = connection.prepareStatement("INSERT INTO sync_queue (entity_type, payload, created_at) VALUES (?, ?, ?)");
    }

    static SqliteQueue tracker(Path file) throws SQLException {
        return new SqliteQueue(file, false);
    }

    static SqliteQueue tuned(Path file) throws SQLException {
        return new SqliteQueue(file, true);
    }

    void enqueue(String entityType, String payload) throws SQLException {
        insert.setString(1, entityType);
        insert.setString(2, payload);
        insert.setString(3, Instant.now().toString());
        insert.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
