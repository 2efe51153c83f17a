package org.trackbench.headless.internal;

import java.util.Optional;

import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.export.Redaction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The {@code show} view of one item: every field, the handler's summary, the payload as indented JSON. */
final class ItemDetails {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final QueueStore store;
    private final EntitySummaries summaries;

    ItemDetails(QueueStore store, EntitySummaries summaries) {
        this.store = store;
        this.summaries = summaries;
    }

    String describe(long id) {
        Optional<QueueItem> found = store.find(id);
        if (found.isEmpty()) {
            return "No item " + id + " in the queue.\n";
        }
        QueueItem item = found.get();
        TextTable fields = TextTable.fields("ITEM " + item.id(), item.entityType() + ", " + item.status().label())
                .row("summary", summaries.summary(item))
                .row("idempotency key", item.idempotencyKey())
                .row("group", item.group().map(group -> group + (item.ordered() ? " (ordered)" : "")).orElse("-"))
                .row("created", Durations.local(item.createdAt()))
                .row("attempts", item.attempts())
                .row("last attempt", Durations.local(item.lastAttemptAt()))
                .row("next attempt", Durations.local(item.nextAttemptAt()))
                .row("last error", item.lastError())
                .row("blob", item.hasBlob() ? item.blobContentType() + ", " + item.blobSize() + " bytes" : "-");
        if (item.status() == ItemStatus.BLOCKED) {
            fields.row("held by", heldBy(item));
        }
        return fields + "payload:\n" + indented(item.payload()) + "\n";
    }

    private String heldBy(QueueItem item) {
        return store.holder(item.id())
                .map(holder -> "item " + holder.id() + " (failed: " + holder.error().orElse("no reason") + ")")
                .orElse("no failed item left in its group; retry it");
    }

    private static String indented(String payload) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Redaction.redacted(JSON.readTree(payload)));
        } catch (JsonProcessingException e) {
            return payload;
        }
    }
}
