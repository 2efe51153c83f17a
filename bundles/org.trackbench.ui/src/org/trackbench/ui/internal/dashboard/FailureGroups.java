package org.trackbench.ui.internal.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueuePage;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;

/** The failed items grouped by their error message, the largest group first: what an admin repairs in bulk. */
final class FailureGroups {

    /** One error message and the failed items that carry it. */
    record Group(String reason, List<Long> ids) {
    }

    private FailureGroups() {
    }

    /** Reads every failed item, a keyset page at a time. */
    static List<Group> of(QueueStore store) {
        Map<String, List<Long>> byReason = new LinkedHashMap<>();
        QueueQuery query = QueueQuery.all(QueueQuery.MAX_LIMIT).withStatuses(Set.of(ItemStatus.FAILED));
        for (QueuePage page = store.query(query); ; page = store.query(query)) {
            for (QueueItem item : page.items()) {
                String reason = item.lastError() == null ? "(no message)" : item.lastError();
                byReason.computeIfAbsent(reason, key -> new ArrayList<>()).add(item.id());
            }
            if (page.next() == null) {
                break;
            }
            query = query.after(page.next());
        }
        List<Group> groups = new ArrayList<>();
        byReason.forEach((reason, ids) -> groups.add(new Group(reason, List.copyOf(ids))));
        groups.sort(Comparator.comparingInt((Group group) -> group.ids().size()).reversed());
        return groups;
    }
}
