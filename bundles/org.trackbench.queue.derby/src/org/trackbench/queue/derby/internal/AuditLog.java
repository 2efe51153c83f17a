package org.trackbench.queue.derby.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.trackbench.core.admin.AdminAction;
import org.trackbench.core.admin.AuditEntry;
import org.trackbench.core.admin.AuditQuery;

/** The audit trail's rows: appended in the transaction of the change they record, read newest first. */
final class AuditLog {

    static final int MAX_DETAIL_CHARS = 32_672;
    private static final int MAX_NAME_CHARS = 256;
    private static final String COLUMNS = "ID, RECORDED_AT, OS_USER, ORIGIN, ADMIN_ACTION, DETAIL, ITEMS";

    private AuditLog() {
    }

    /** Appends one entry and returns its id; a detail too long for one row keeps its start and says so. */
    static long append(Connection connection, Instant at, Actor actor, AdminAction action, String detail, long items)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO TB_AUDIT (RECORDED_AT, OS_USER,"
                + " ORIGIN, ADMIN_ACTION, DETAIL, ITEMS) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, at.toEpochMilli());
            insert.setString(2, clip(actor.user(), MAX_NAME_CHARS));
            insert.setString(3, clip(actor.origin(), MAX_NAME_CHARS));
            insert.setString(4, action.name());
            insert.setString(5, clip(detail, MAX_DETAIL_CHARS));
            insert.setLong(6, items);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static List<AuditEntry> read(Connection connection, AuditQuery query) throws SQLException {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (query.since() != null) {
            conditions.add("RECORDED_AT >= ?");
            parameters.add(query.since().toEpochMilli());
        }
        if (!query.actions().isEmpty()) {
            conditions.add("ADMIN_ACTION IN (" + ItemQueries.placeholders(query.actions().size()) + ")");
            query.actions().forEach(action -> parameters.add(action.name()));
        }
        if (query.text() != null && !query.text().isBlank()) {
            String pattern = ItemQueries.containing(query.text().toLowerCase(Locale.ROOT));
            conditions.add("(LOWER(OS_USER) LIKE ? ESCAPE '\\' OR LOWER(ORIGIN) LIKE ? ESCAPE '\\'"
                    + " OR LOWER(DETAIL) LIKE ? ESCAPE '\\')");
            parameters.addAll(List.of(pattern, pattern, pattern));
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM TB_AUDIT" + where
                + " ORDER BY ID DESC FETCH FIRST " + query.limit() + " ROWS ONLY")) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new AuditEntry(rows.getLong(1), Instant.ofEpochMilli(rows.getLong(2)), rows.getString(3),
                            rows.getString(4), AdminAction.valueOf(rows.getString(5)), rows.getString(6),
                            rows.getLong(7)));
                }
            }
            return entries;
        }
    }

    /** Deletes the entries recorded before {@code cutoff}; returns how many. */
    static int deleteBefore(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM TB_AUDIT WHERE RECORDED_AT < ?")) {
            delete.setLong(1, cutoff.toEpochMilli());
            return delete.executeUpdate();
        }
    }

    private static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String marker = "… (" + (text.length() - max) + " more characters not kept)";
        return text.substring(0, max - marker.length()) + marker;
    }
}
