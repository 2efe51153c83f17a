package org.trackbench.ui.internal.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueuePage;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Writes queue items as a JSON array or as CSV with a header row, streaming: a filtered set of a million items
 * is read a page at a time and never held. Blobs are not exported, only their size and type.
 */
public final class QueueExport {

    /** The formats an export can be written in, chosen by the file's extension. */
    public enum Format {
        JSON, CSV;

        /**
         * The format a file name asks for.
         *
         * @throws IllegalArgumentException naming the file when its extension is neither {@code .json} nor {@code .csv}
         */
        public static Format of(String fileName) {
            String lower = fileName.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".json")) {
                return JSON;
            }
            if (lower.endsWith(".csv")) {
                return CSV;
            }
            throw new IllegalArgumentException("Cannot export to " + fileName + ": expected a file ending in .json or .csv");
        }
    }

    static final String[] FIELDS = { "id", "entityType", "status", "attempts", "createdAt", "lastAttemptAt",
            "nextAttemptAt", "lastError", "orderingGroup", "ordered", "idempotencyKey", "blobSize", "blobContentType",
            "payload" };

    private static final int PAGE = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CsvMapper CSV = new CsvMapper();

    private QueueExport() {
    }

    /** Writes the given items; returns how many. */
    public static int write(List<QueueItem> items, Format format, OutputStream out) throws IOException {
        try (ItemWriter writer = ItemWriter.open(format, out)) {
            for (QueueItem item : items) {
                writer.write(item);
            }
        }
        return items.size();
    }

    /**
     * Writes every item the query's filters match, in its order, reading {@value #PAGE} at a time; returns how
     * many. The monitor's cancellation stops it between pages.
     */
    public static long write(QueueStore store, QueueQuery filtered, Format format, OutputStream out,
            IProgressMonitor monitor) throws IOException {
        QueueQuery query = new QueueQuery(filtered.statuses(), filtered.entityTypes(), filtered.text(),
                filtered.orderingGroup(), filtered.sort(), filtered.descending(), null, PAGE);
        long written = 0;
        try (ItemWriter writer = ItemWriter.open(format, out)) {
            for (QueuePage page = store.query(query); ; page = store.query(query.after(page.next()))) {
                for (QueueItem item : page.items()) {
                    writer.write(item);
                }
                written += page.items().size();
                monitor.worked(page.items().size());
                if (page.next() == null) {
                    return written;
                }
                if (monitor.isCanceled()) {
                    throw new OperationCanceledException("Export cancelled after " + written + " items");
                }
            }
        }
    }

    /** One item at a time, in either format; closing ends the document but leaves the stream to its owner. */
    private static final class ItemWriter implements AutoCloseable {

        private final JsonGenerator generator;
        private final boolean csv;

        private ItemWriter(JsonGenerator generator, boolean csv) {
            this.generator = generator;
            this.csv = csv;
        }

        static ItemWriter open(Format format, OutputStream out) throws IOException {
            if (format == Format.CSV) {
                CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
                for (String field : FIELDS) {
                    schema.addColumn(field);
                }
                JsonGenerator generator = CSV.getFactory().createGenerator(out, JsonEncoding.UTF8);
                generator.setSchema(schema.build());
                generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                return new ItemWriter(generator, true);
            }
            JsonGenerator generator = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8);
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.useDefaultPrettyPrinter();
            generator.writeStartArray();
            return new ItemWriter(generator, false);
        }

        void write(QueueItem item) throws IOException {
            generator.writeStartObject();
            generator.writeNumberField("id", item.id());
            generator.writeStringField("entityType", item.entityType());
            generator.writeStringField("status", item.status().label());
            generator.writeNumberField("attempts", item.attempts());
            generator.writeStringField("createdAt", text(item.createdAt()));
            generator.writeStringField("lastAttemptAt", text(item.lastAttemptAt()));
            generator.writeStringField("nextAttemptAt", text(item.nextAttemptAt()));
            generator.writeStringField("lastError", item.lastError());
            generator.writeStringField("orderingGroup", item.orderingGroup());
            generator.writeBooleanField("ordered", item.ordered());
            generator.writeStringField("idempotencyKey", item.idempotencyKey().toString());
            generator.writeNumberField("blobSize", item.blobSize());
            generator.writeStringField("blobContentType", item.blobContentType());
            generator.writeFieldName("payload");
            if (csv) {
                generator.writeString(item.payload());
            } else {
                // The payload is a JSON object already (the store refuses anything else): embedded, not quoted.
                generator.writeRawValue(item.payload());
            }
            generator.writeEndObject();
        }

        @Override
        public void close() throws IOException {
            if (!csv) {
                generator.writeEndArray();
            }
            generator.close();
        }

        private static String text(Instant instant) {
            return instant == null ? null : instant.toString();
        }
    }
}
