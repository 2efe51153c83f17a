package org.trackbench.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Properties;

import org.apache.derby.jdbc.EmbeddedDriver;

/**
 * Embedded Derby with none of the queue's layers: the replaced tracker's table shape and one autocommit insert
 * per item, so that the queue's figure minus this one is what validation, ordering, events and ids cost.
 */
final class BareDerby implements AutoCloseable {

    private final Driver driver = new EmbeddedDriver();
    private final String url;

    BareDerby(Path directory) throws SQLException {
        url = "jdbc:derby:" + directory;
        try (Connection connection = driver.connect(url + ";create=true", new Properties());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE sync_queue (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " entity_type VARCHAR(64) NOT NULL, payload VARCHAR(32672) NOT NULL, status VARCHAR(16) NOT NULL"
                    + " DEFAULT 'pending', retry_count INT NOT NULL DEFAULT 0, created_at TIMESTAMP NOT NULL,"
                    + " last_retry_at TIMESTAMP)");
        }
    }

    /** A producer of its own: one connection, autocommit. */
    Producer producer() throws SQLException {
        return new Producer(driver.connect(url, new Properties()));
    }

    static final class Producer implements Enqueuer {

        private final Connection connection;
        private final PreparedStatement insert;

        private Producer(Connection connection) throws SQLException {
            this.connection = connection;
            this.insert = connection.prepareStatement("INSERT INTO sync_queue (entity_type, payload, created_at) VALUES (?, ?, ?)");
        }

        @Override
        public void enqueue(String entityType, String payload) throws SQLException {
            insert.setString(1, entityType);
            insert.setString(2, payload);
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** Shuts the database down, as the queue store does on deactivation. */
    @Override
    public void close() {
        try (Connection ignored = driver.connect(url + ";shutdown=true", new Properties())) {
            throw new IllegalStateException("Derby did not confirm the shutdown of " + url);
        } catch (SQLException expected) {
            // Derby reports a successful database shutdown as SQLState 08006.
            if (!"08006".equals(expected.getSQLState())) {
                throw new IllegalStateException("Shutting down " + url + " failed: " + expected.getMessage(), expected);
            }
        }
    }
}
