package org.trackbench.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueuePage;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;

/**
 * Exports queue items to a file in an {@link ItemFormat} ({@link ItemFormat#of} picks one by the file's
 * extension). The file appears whole or not at all: the items go to a temporary file beside it (readable by its
 * owner only), moved into place once complete, so a failed or cancelled export neither leaves a truncated file
 * nor replaces a good one. Blob contents are never exported.
 */
public final class ItemExport {

    private static final int PAGE = 1_000;

    private ItemExport() {
    }

    /** Writes exactly these items, in this order; returns how many. */
    public static long write(List<QueueItem> items, ItemFormat format, Path target) throws IOException {
        return WholeFile.write(target, out -> {
            try (ExportWriter writer = ExportWriter.open(format, out)) {
                for (QueueItem item : items) {
                    writer.write(item);
                }
            }
            return items.size();
        });
    }

    /**
     * Writes every item the query's filters match (statuses, types, text, group, error) in its order, reading
     * {@value #PAGE} at a time, so a million items are never held; returns how many.
     *
     * @throws CancellationException when {@code progress} asks to stop; no file is created then
     */
    public static long write(QueueStore store, QueueQuery filters, ItemFormat format, Path target,
            ExportProgress progress) throws IOException {
        QueueQuery first = new QueueQuery(filters.statuses(), filters.entityTypes(), filters.text(),
                filters.orderingGroup(), filters.sort(), filters.descending(), null, PAGE, filters.error());
        return WholeFile.write(target, out -> {
            long written = 0;
            try (ExportWriter writer = ExportWriter.open(format, out)) {
                QueueQuery query = first;
                while (true) {
                    if (progress.cancelled()) {
                        throw new CancellationException("export to " + target + " cancelled after " + written + " items");
                    }
                    QueuePage page = store.query(query);
                    for (QueueItem item : page.items()) {
                        writer.write(item);
                    }
                    written += page.items().size();
                    progress.worked(page.items().size());
                    if (page.next() == null) {
                        return written;
                    }
                    query = query.after(page.next());
                }
            }
        });
    }
}
