package org.trackbench.queue.derby.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.trackbench.core.admin.BulkAction;
import org.trackbench.core.queue.QueueQuery;

/** How the audit trail describes what an admin change applied to: an admin reads these, not a program. */
final class AuditDetails {

    /** Ids beyond these are counted, not listed: a bulk action over 100,000 items stays one readable line. */
    private static final int LISTED_IDS = 50;

    private AuditDetails() {
    }

    static String items(List<Long> ids) {
        String listed = ids.stream().limit(LISTED_IDS).map(String::valueOf).collect(Collectors.joining(", "));
        return (ids.size() == 1 ? "item " : "items ") + listed
                + (ids.size() > LISTED_IDS ? " and " + (ids.size() - LISTED_IDS) + " more" : "");
    }

    /** E.g. {@code set project to "Acme" on the items matching status failed, error "unknown project": items 4, 9}. */
    static String bulk(BulkAction action, QueueQuery filter, List<Long> ids) {
        return action.describe() + " on the items matching " + filter.describeFilters() + ": "
                + (ids.isEmpty() ? "none" : items(ids));
    }

    static String requeued(List<UUID> entries, int events) {
        return "time entr" + (entries.size() == 1 ? "y " : "ies ") + entries.stream().map(UUID::toString)
                .collect(Collectors.joining(", ")) + ": " + events
                + " event(s) queued again from the ledger under new keys";
    }

    static String failedWith(String reason) {
        return reason == null ? "failed items without an error" : "failed items whose last error is \"" + reason + "\"";
    }

    static String sentOlderThan(Duration age) {
        return age.isZero() ? "every sent item" : "sent items older than " + age.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
