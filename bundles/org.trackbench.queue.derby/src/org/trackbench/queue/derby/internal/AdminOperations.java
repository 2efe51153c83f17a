package org.trackbench.queue.derby.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.trackbench.core.queue.UnknownItemException;

/** An admin's repairs: retry, delete, purge. Each checks every id first and changes nothing on an unknown one. */
final class AdminOperations {

    private AdminOperations() {
    }

    /** Makes failed, blocked and waiting pending items due now with fresh retries; returns their ids. */
    static List<Long> retry(Connection connection, Collection<Long> ids, Instant now) throws SQLException {
        Set<String> groups = requireAll(connection, ids);
        List<Long> retried = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement("UPDATE TB_QUEUE_ITEM SET STATUS = 'pending',"
                + " ATTEMPTS = 0, NEXT_ATTEMPT_AT = ? WHERE ID = ? AND STATUS IN ('failed', 'blocked', 'pending')")) {
            for (long id : ids) {
                update.setLong(1, now.toEpochMilli());
                update.setLong(2, id);
                if (update.executeUpdate() == 1) {
                    retried.add(id);
                }
            }
        }
        GroupBlocking.recompute(connection, groups);
        return retried;
    }

    static List<Long> failedIds(Connection connection) throws SQLException {
        try (PreparedStatement query = connection
                .prepareStatement("SELECT ID FROM TB_QUEUE_ITEM WHERE STATUS = 'failed' ORDER BY ID")) {
            return ids(query);
        }
    }

    /** The failed items whose last error is exactly {@code reason}; {@code null} for those without one. */
    static List<Long> failedIds(Connection connection, String reason) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT ID FROM TB_QUEUE_ITEM WHERE STATUS = 'failed'"
                + (reason == null ? " AND LAST_ERROR IS NULL" : " AND LAST_ERROR = ?") + " ORDER BY ID")) {
            if (reason != null) {
                query.setString(1, reason);
            }
            return ids(query);
        }
    }

    static int delete(Connection connection, Collection<Long> ids) throws SQLException {
        Set<String> groups = requireAll(connection, ids);
        int deleted = 0;
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM TB_QUEUE_ITEM WHERE ID = ?")) {
            for (long id : ids) {
                delete.setLong(1, id);
                deleted += delete.executeUpdate();
            }
        }
        GroupBlocking.recompute(connection, groups);
        return deleted;
    }

    /** Deletes the sent items attempted before {@code sentBefore}, but none of the {@code held} groups. */
    static int purgeSent(Connection connection, Instant sentBefore, Set<String> held) throws SQLException {
        String keep = held.isEmpty() ? "" : " AND (ORDERING_GROUP IS NULL OR ORDERING_GROUP NOT IN ("
                + String.join(", ", Collections.nCopies(held.size(), "?")) + "))";
        try (PreparedStatement delete = connection
                .prepareStatement("DELETE FROM TB_QUEUE_ITEM WHERE STATUS = 'sent' AND LAST_ATTEMPT_AT < ?" + keep)) {
            delete.setLong(1, sentBefore.toEpochMilli());
            int parameter = 2;
            for (String group : held) {
                delete.setString(parameter++, group);
            }
            return delete.executeUpdate();
        }
    }

    /**
     * @throws IllegalArgumentException naming the first of {@code ids} in a {@code held} group and why it is held
     */
    static void refuseHeld(Connection connection, Collection<Long> ids, Map<String, String> held) throws SQLException {
        if (held.isEmpty()) {
            return;
        }
        for (long id : ids) {
            String group = group(connection, id);
            if (group != null && held.containsKey(group)) {
                throw new IllegalArgumentException("item " + id + " belongs to " + held.get(group) + " (" + group
                        + "), which must keep its items; nothing was deleted (stop the entry first)");
            }
        }
    }

    /** {@code ids} without the items of {@code held} groups. */
    static List<Long> withoutHeld(Connection connection, List<Long> ids, Map<String, String> held) throws SQLException {
        if (held.isEmpty()) {
            return ids;
        }
        List<Long> kept = new ArrayList<>(ids.size());
        for (long id : ids) {
            String group = group(connection, id);
            if (group == null || !held.containsKey(group)) {
                kept.add(id);
            }
        }
        return kept;
    }

    private static String group(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT ORDERING_GROUP FROM TB_QUEUE_ITEM WHERE ID = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /** Ids of the items of {@code group} after {@code afterId} with the given status. */
    static List<Long> idsWithStatus(Connection connection, String group, long afterId, String status)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT ID FROM TB_QUEUE_ITEM WHERE ORDERING_GROUP = ? AND ID > ? AND STATUS = ? ORDER BY ID")) {
            query.setString(1, group);
            query.setLong(2, afterId);
            query.setString(3, status);
            return ids(query);
        }
    }

    /** Checks that every id exists and returns the ordering groups they belong to. */
    private static Set<String> requireAll(Connection connection, Collection<Long> ids) throws SQLException {
        Set<String> groups = new LinkedHashSet<>();
        try (PreparedStatement query = connection
                .prepareStatement("SELECT ORDERING_GROUP FROM TB_QUEUE_ITEM WHERE ID = ?")) {
            for (long id : ids) {
                query.setLong(1, id);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new UnknownItemException(id);
                    }
                    String group = row.getString(1);
                    if (group != null) {
                        groups.add(group);
                    }
                }
            }
        }
        return groups;
    }

    /** The ids the query selects, in its order. */
    static List<Long> ids(PreparedStatement query) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }
}
