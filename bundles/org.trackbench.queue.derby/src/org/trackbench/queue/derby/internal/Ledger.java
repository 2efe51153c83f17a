package org.trackbench.queue.derby.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.trackbench.core.ledger.LedgerEntry;
import org.trackbench.core.ledger.Transition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The ledger's rows ({@code TB_LEDGER}): one per transition, numbered within its entry, with the entry's start for
 * range queries and retention. Each is written in the caller's transaction.
 */
final class Ledger {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "ENTRY_ID, SEQ, KIND, OCCURRED_AT, WORKED_MS, STARTED_AT, PAYLOAD";

    private Ledger() {
    }

    /** Appends {@code transition} to its entry, a start as a new one. */
    static void append(Connection connection, Transition transition) throws SQLException {
        String entry = transition.entryId().toString();
        int seq = 0;
        long startedAt = transition.at().toEpochMilli();
        try (PreparedStatement last = connection.prepareStatement(
                "SELECT SEQ, STARTED_AT FROM TB_LEDGER WHERE ENTRY_ID = ? ORDER BY SEQ DESC FETCH FIRST 1 ROWS ONLY")) {
            last.setString(1, entry);
            try (ResultSet row = last.executeQuery()) {
                if (row.next()) {
                    seq = row.getInt(1) + 1;
                    startedAt = row.getLong(2);
                } else if (!transition.type().equals("start")) {
                    throw new IllegalArgumentException("the ledger holds no start of time entry " + entry + " for its "
                            + transition.type() + "; expected its start first");
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO TB_LEDGER (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, entry);
            insert.setInt(2, seq);
            insert.setString(3, transition.type());
            insert.setLong(4, transition.at().toEpochMilli());
            insert.setLong(5, transition.worked().toMillis());
            insert.setLong(6, startedAt);
            insert.setString(7, transition.payload());
            insert.executeUpdate();
        }
    }

    /** Drops the entries started before {@code cutoff}: the ledger's retention. */
    static void retire(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement retire = connection.prepareStatement("DELETE FROM TB_LEDGER WHERE STARTED_AT < ?")) {
            retire.setLong(1, cutoff.toEpochMilli());
            retire.executeUpdate();
        }
    }

    /** The entries started in {@code [from, to)}, oldest first. */
    static List<LedgerEntry> entries(Connection connection, Instant from, Instant to) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM TB_LEDGER"
                + " WHERE STARTED_AT >= ? AND STARTED_AT < ? ORDER BY STARTED_AT, ENTRY_ID, SEQ")) {
            select.setLong(1, from.toEpochMilli());
            select.setLong(2, to.toEpochMilli());
            return read(select);
        }
    }

    static Optional<LedgerEntry> latest(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM TB_LEDGER"
                + " WHERE ENTRY_ID = (SELECT ENTRY_ID FROM TB_LEDGER WHERE SEQ = 0 ORDER BY STARTED_AT DESC"
                + " FETCH FIRST 1 ROWS ONLY) ORDER BY SEQ")) {
            return read(select).stream().findFirst();
        }
    }

    static Optional<LedgerEntry> entry(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM TB_LEDGER"
                + " WHERE ENTRY_ID = ? ORDER BY SEQ")) {
            select.setString(1, id.toString());
            return read(select).stream().findFirst();
        }
    }

    /**
     * Fills the new ledger from the time entry events still queued, so that an entry running across the upgrade is
     * restored; events of older versions carry no {@code workedMs}, so their time is read from their instants.
     */
    static void backfill(Connection connection) throws SQLException {
        Map<String, List<JsonNode>> byEntry = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT ORDERING_GROUP, PAYLOAD FROM TB_QUEUE_ITEM"
                        + " WHERE ENTITY_TYPE = 'time_entry_event' AND ORDERING_GROUP IS NOT NULL ORDER BY ID")) {
            while (rows.next()) {
                try {
                    byEntry.computeIfAbsent(rows.getString(1), group -> new ArrayList<>()).add(JSON.readTree(rows.getString(2)));
                } catch (JsonProcessingException e) {
                    byEntry.remove(rows.getString(1));
                }
            }
        }
        for (Map.Entry<String, List<JsonNode>> entry : byEntry.entrySet()) {
            backfill(connection, entry.getKey(), entry.getValue());
        }
    }

    private static void backfill(Connection connection, String group, List<JsonNode> events) throws SQLException {
        UUID id;
        try {
            id = UUID.fromString(group);
        } catch (IllegalArgumentException notAnEntry) {
            return;
        }
        if (events.isEmpty() || !events.get(0).path("type").asText().equals("start")) {
            return;
        }
        Duration worked = Duration.ZERO;
        Instant runningSince = null;
        for (JsonNode event : events) {
            String type = event.path("type").asText();
            Instant at = Instant.parse(event.path("at").asText());
            if (runningSince != null && (type.equals("pause") || type.equals("stop"))) {
                worked = worked.plus(Duration.between(runningSince, at));
            }
            runningSince = type.equals("start") || type.equals("resume") ? at : null;
            Duration measured = event.path("workedMs").canConvertToLong() ? Duration.ofMillis(event.get("workedMs").asLong())
                    : worked;
            append(connection, new Transition(id, type, at, measured, event.toString()));
        }
    }

    private static List<LedgerEntry> read(PreparedStatement select) throws SQLException {
        Map<String, List<Transition>> transitions = new LinkedHashMap<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                UUID id = UUID.fromString(rows.getString(1));
                transitions.computeIfAbsent(rows.getString(1), entry -> new ArrayList<>()).add(new Transition(id,
                        rows.getString(3), Instant.ofEpochMilli(rows.getLong(4)), Duration.ofMillis(rows.getLong(5)),
                        rows.getString(7)));
            }
        }
        List<LedgerEntry> entries = new ArrayList<>();
        for (List<Transition> entry : transitions.values()) {
            JsonNode start = parse(entry.get(0).payload());
            entries.add(new LedgerEntry(entry.get(0).entryId(), text(start, "description"), text(start, "project"),
                    text(start, "task"), entry));
        }
        return entries;
    }

    private static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    private static String text(JsonNode event, String field) {
        return event.hasNonNull(field) ? event.get(field).asText() : null;
    }
}
