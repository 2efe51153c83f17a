package org.trackbench.headless.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueuePage;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the items a query selects as JSON Lines, one item a line, page by page: every field, the payload with
 * secret-looking fields redacted, never blob contents. The file is created for its owner only.
 */
final class ItemExport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 1_000;

    private final QueueStore store;

    ItemExport(QueueStore store) {
        this.store = store;
    }

    /** Writes the items of {@code statuses} and {@code types} (empty: all), oldest first; returns how many. */
    long write(Set<ItemStatus> statuses, Set<String> types, Path file) throws IOException {
        createOwnerOnly(file);
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
            QueueQuery query = QueueQuery.all(PAGE).withStatuses(statuses).withEntityTypes(types);
            for (QueuePage page = store.query(query); !page.items().isEmpty(); page = store.query(query)) {
                for (QueueItem item : page.items()) {
                    out.write(line(item));
                    out.newLine();
                    written++;
                }
                if (page.next() == null) {
                    break;
                }
                query = query.after(page.next());
            }
        }
        return written;
    }

    private static String line(QueueItem item) throws JsonProcessingException {
        ObjectNode line = JSON.createObjectNode().put("id", item.id()).put("entityType", item.entityType())
                .put("idempotencyKey", item.idempotencyKey().toString()).put("status", item.status().label())
                .put("attempts", item.attempts()).put("createdAt", item.createdAt().toString())
                .put("nextAttemptAt", item.nextAttemptAt().toString()).put("lastError", item.lastError())
                .put("orderingGroup", item.orderingGroup()).put("ordered", item.ordered())
                .put("blobContentType", item.blobContentType()).put("blobSize", item.blobSize());
        line.put("lastAttemptAt", item.lastAttemptAt() == null ? null : item.lastAttemptAt().toString());
        line.set("payload", Redaction.redacted(JSON.readTree(item.payload())));
        return JSON.writeValueAsString(line);
    }

    private static void createOwnerOnly(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }
}
