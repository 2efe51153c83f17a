package org.trackbench.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        return writeWhole(target, out -> {
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
        return writeWhole(target, out -> {
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

    /** What writes the document to the stream and says how many items it holds. */
    private interface Document {
        long writeTo(OutputStream out) throws IOException;
    }

    private static long writeWhole(Path target, Document document) throws IOException {
        Path absolute = target.toAbsolutePath();
        // createTempFile makes the file rw------- where the file system has POSIX permissions; the move keeps them.
        Path partial = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + "-", ".part");
        try {
            long written;
            try (OutputStream out = Files.newOutputStream(partial)) {
                written = document.writeTo(out);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }
}
