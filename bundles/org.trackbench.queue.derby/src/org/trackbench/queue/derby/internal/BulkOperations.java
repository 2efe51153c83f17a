package org.trackbench.queue.derby.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.trackbench.core.admin.BulkAction;
import org.trackbench.core.admin.BulkPreview;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.queue.derby.internal.ItemQueries.Match;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An admin's action over everything a filter matches: its dry run, and the action itself in one transaction. The
 * items an action changes are those its single-item form would: retry takes failed, blocked and waiting items;
 * delete all but those of a held group; a field is set on failed and blocked items only.
 */
final class BulkOperations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<ItemStatus> RETRIED = Set.of(ItemStatus.FAILED, ItemStatus.BLOCKED, ItemStatus.PENDING);
    private static final Set<ItemStatus> EDITED = Set.of(ItemStatus.FAILED, ItemStatus.BLOCKED);

    private BulkOperations() {
    }

    static BulkPreview preview(Connection connection, BulkAction action, QueueQuery filter, Set<String> heldGroups)
            throws SQLException {
        List<Match> matches = ItemQueries.matches(connection, filter);
        List<Match> changed = changed(action, matches, heldGroups);
        Map<ItemStatus, Long> byStatus = new EnumMap<>(ItemStatus.class);
        changed.forEach(match -> byStatus.merge(match.status(), 1L, Long::sum));
        List<QueueItem> first = new ArrayList<>();
        for (Match match : changed.subList(0, Math.min(BulkPreview.FIRST, changed.size()))) {
            ItemRows.find(connection, match.id()).ifPresent(first::add);
        }
        return new BulkPreview(matches.size(), byStatus, first, released(connection, changed));
    }

    /**
     * Applies {@code action} and returns the ids it changed. {@code check} refuses a payload as enqueue would
     * ({@code entityType}, {@code payload}).
     *
     * @throws IllegalArgumentException naming the item whose new payload is refused; the caller's transaction rolls
     *         back then
     */
    static List<Long> apply(Connection connection, BulkAction action, QueueQuery filter, Set<String> heldGroups,
            Instant now, BiConsumer<String, String> check) throws SQLException {
        List<Long> ids = changed(action, ItemQueries.matches(connection, filter), heldGroups).stream().map(Match::id)
                .toList();
        if (action instanceof BulkAction.Retry) {
            return AdminOperations.retry(connection, ids, now);
        }
        if (action instanceof BulkAction.Delete) {
            AdminOperations.delete(connection, ids);
            return ids;
        }
        BulkAction.SetField set = (BulkAction.SetField) action;
        JsonNode value = value(set);
        for (long id : ids) {
            QueueItem item = ItemRows.find(connection, id).orElseThrow();
            String payload = withField(item.payload(), set.field(), value);
            try {
                check.accept(item.entityType(), payload);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("item " + id + " (" + item.entityType() + ") with " + set.describe()
                        + ": " + e.getMessage() + "; nothing was changed", e);
            }
            PayloadEdit.apply(connection, id, payload, now);
        }
        return ids;
    }

    private static List<Match> changed(BulkAction action, List<Match> matches, Set<String> heldGroups) {
        if (action instanceof BulkAction.Retry) {
            return matches.stream().filter(match -> RETRIED.contains(match.status())).toList();
        }
        if (action instanceof BulkAction.Delete) {
            return matches.stream().filter(match -> match.group() == null || !heldGroups.contains(match.group()))
                    .toList();
        }
        return matches.stream().filter(match -> EDITED.contains(match.status())).toList();
    }

    /**
     * The blocked items the action does not change that it would release: those whose every failed ordered
     * predecessor it changes.
     */
    private static long released(Connection connection, List<Match> changed) throws SQLException {
        Set<Long> changedIds = new HashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        for (Match match : changed) {
            changedIds.add(match.id());
            if (match.status() == ItemStatus.FAILED && match.ordered() && match.group() != null) {
                groups.add(match.group());
            }
        }
        long released = 0;
        try (PreparedStatement query = connection.prepareStatement("SELECT ID, STATUS, ORDERED FROM TB_QUEUE_ITEM"
                + " WHERE ORDERING_GROUP = ? AND STATUS IN ('failed', 'blocked') ORDER BY ID")) {
            for (String group : groups) {
                query.setString(1, group);
                boolean heldStill = false;
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        long id = rows.getLong(1);
                        boolean failed = "failed".equals(rows.getString(2));
                        if (failed && rows.getBoolean(3) && !changedIds.contains(id)) {
                            heldStill = true;
                        } else if (!failed && !heldStill && !changedIds.contains(id)) {
                            released++;
                        }
                    }
                }
            }
        }
        return released;
    }

    private static JsonNode value(BulkAction.SetField set) {
        try {
            return JSON.readTree(set.jsonValue());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value '" + set.jsonValue() + "' of " + set.field() + " is not JSON ("
                    + e.getOriginalMessage() + "); expected e.g. \"Acme\" with the quotes, 42, true or null", e);
        }
    }

    private static String withField(String payload, String field, JsonNode value) {
        try {
            ObjectNode object = (ObjectNode) JSON.readTree(payload);
            object.set(field, value);
            return JSON.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored payload is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
