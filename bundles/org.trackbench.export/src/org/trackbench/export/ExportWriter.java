package org.trackbench.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

import org.trackbench.core.queue.QueueItem;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Writes items one at a time in one format, every field but the blob's content (its size and type are given), the
 * payload with secret-looking fields redacted. Closing ends the document; the stream stays its owner's.
 */
final class ExportWriter implements AutoCloseable {

    static final String[] FIELDS = { "id", "entityType", "status", "attempts", "createdAt", "lastAttemptAt",
            "nextAttemptAt", "lastError", "orderingGroup", "ordered", "idempotencyKey", "blobSize", "blobContentType",
            "payload" };

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CsvMapper CSV = new CsvMapper();

    private final ItemFormat format;
    private final JsonGenerator generator;
    private boolean written;

    private ExportWriter(ItemFormat format, JsonGenerator generator) {
        this.format = format;
        this.generator = generator;
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    static ExportWriter open(ItemFormat format, OutputStream out) throws IOException {
        switch (format) {
        case CSV -> {
            CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
            for (String field : FIELDS) {
                schema.addColumn(field);
            }
            JsonGenerator generator = CSV.getFactory().createGenerator(out, JsonEncoding.UTF8);
            generator.setSchema(schema.build());
            return new ExportWriter(format, generator);
        }
        case JSON -> {
            JsonGenerator generator = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter();
            generator.writeStartArray();
            return new ExportWriter(format, generator);
        }
        default -> {
            // Root values separated by a line feed and nothing else: one item a line.
            JsonGenerator generator = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)
                    .setPrettyPrinter(new MinimalPrettyPrinter("\n"));
            return new ExportWriter(format, generator);
        }
        }
    }

    void write(QueueItem item) throws IOException {
        written = true;
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
        JsonNode payload = Redaction.redacted(JSON.readTree(item.payload()));
        if (format == ItemFormat.CSV) {
            generator.writeStringField("payload", JSON.writeValueAsString(payload));
        } else {
            generator.writeFieldName("payload");
            JSON.writeTree(generator, payload);
        }
        generator.writeEndObject();
    }

    @Override
    public void close() throws IOException {
        if (format == ItemFormat.JSON) {
            generator.writeEndArray();
        }
        if (format == ItemFormat.JSON_LINES && written) {
            // The last line ends like the others; an empty export stays an empty file.
            generator.writeRaw('\n');
        }
        generator.close();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
