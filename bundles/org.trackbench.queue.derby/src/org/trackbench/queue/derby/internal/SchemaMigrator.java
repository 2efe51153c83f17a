package org.trackbench.queue.derby.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database's schema to {@link #CURRENT_VERSION} in place, one released script at a time
 * ({@code db/V<n>__*.sql}), recording each in {@code TB_SCHEMA_VERSION} in the same transaction.
 */
final class SchemaMigrator {

    static final List<String> SCRIPTS = List.of("db/V1__queue.sql", "db/V2__blob_content_type.sql",
            "db/V3__encrypted_blobs.sql", "db/V4__awaits_handler.sql", "db/V5__log_settings.sql", "db/V6__audit.sql",
            "db/V7__spent_keys.sql", "db/V8__ledger.sql", "db/V9__blob_files.sql",
            "db/V10__drop_due_index.sql");
    static final int CURRENT_VERSION = SCRIPTS.size();
    /** The version that brought the ledger, filled from the events still queued when a database reaches it. */
    static final int LEDGER_VERSION = 8;
    /** The version whose settings Derby reads only when it boots the database. */
    static final int BOOT_SETTINGS_VERSION = 5;

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private SchemaMigrator() {
    }

    /** Applies the missing scripts and returns the schema version the database had before. */
    static int migrate(Connection connection) throws SQLException {
        int version = currentVersion(connection);
        if (version > CURRENT_VERSION) {
            throw new SQLException("The queue database has schema version " + version + " but this Trackbench knows"
                    + " versions up to " + CURRENT_VERSION + "; run a newer Trackbench or restore a backup.");
        }
        try (Statement statement = connection.createStatement()) {
            for (int next = version + 1; next <= CURRENT_VERSION; next++) {
                for (String sql : statements(SCRIPTS.get(next - 1))) {
                    statement.execute(sql);
                }
                statement.executeUpdate("DELETE FROM TB_SCHEMA_VERSION");
                statement.executeUpdate("INSERT INTO TB_SCHEMA_VERSION (VERSION) VALUES (" + next + ")");
                if (next == LEDGER_VERSION) {
                    Ledger.backfill(connection);
                }
                LOG.info("Queue schema migrated to version {}", next);
            }
        }
        return version;
    }

    private static int currentVersion(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet tables = meta.getTables(null, null, "TB_SCHEMA_VERSION", null)) {
            if (!tables.next()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE TB_SCHEMA_VERSION (VERSION INT NOT NULL)");
                }
                return 0;
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT MAX(VERSION) FROM TB_SCHEMA_VERSION")) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    /** The script's statements: separated by ';' at line ends, comment lines dropped. */
    static List<String> statements(String script) {
        try (InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalStateException("Schema script " + script + " is missing from the bundle");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            StringBuilder cleaned = new StringBuilder();
            text.lines().filter(line -> !line.strip().startsWith("--")).forEach(line -> cleaned.append(line).append('\n'));
            return List.of(cleaned.toString().split(";\\s*\n")).stream().map(String::strip)
                    .filter(sql -> !sql.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read schema script " + script, e);
        }
    }
}
