package org.trackbench.headless.internal;

import java.util.stream.Collectors;

import org.trackbench.core.admin.BulkAction;
import org.trackbench.core.admin.BulkPreview;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueQuery;

/** A bulk action's dry run as the console prints it, with the command that applies it. */
final class BulkPreviews {

    private BulkPreviews() {
    }

    static String describe(BulkAction action, QueueQuery filter, BulkPreview preview, EntitySummaries summaries) {
        StringBuilder text = new StringBuilder("Dry run: ").append(action.describe()).append(" would change ")
                .append(preview.changed()).append(" of the ").append(preview.matched()).append(" item(s) matching ")
                .append(filter.describeFilters()).append('\n');
        if (preview.changed() == 0) {
            return text.append("Nothing to do.\n").toString();
        }
        text.append("  by status: ").append(preview.byStatus().entrySet().stream()
                .map(count -> count.getKey().label() + " " + count.getValue()).sorted()
                .collect(Collectors.joining(", ")))
                .append("; ").append(preview.released()).append(" blocked item(s) not matched would be released\n");
        TextTable first = TextTable.listing("ID", "TYPE", "STATUS", "SUMMARY / LAST ERROR");
        for (QueueItem item : preview.first()) {
            first.row(item.id(), item.entityType(), item.status().label(),
                    item.error().orElseGet(() -> summaries.summary(item)));
        }
        return text.append(first).append("Run the same command with --yes to ")
                .append(action.describe()).append(" them.\n").toString();
    }
}
