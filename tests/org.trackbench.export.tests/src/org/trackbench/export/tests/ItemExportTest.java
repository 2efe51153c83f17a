package org.trackbench.export.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackbench.core.queue.BlobSource;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.export.ExportProgress;
import org.trackbench.export.ItemExport;
import org.trackbench.export.ItemFormat;
import org.trackbench.testing.QueueStoreFixture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The export over a real queue from the registry: each format reads back as the queue holds the items, secrets
 * redacted and no blob; the file appears whole, for its owner only, or not at all.
 */
class ItemExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final QueueStoreFixture queues = new QueueStoreFixture();
    private QueueStore store;
    private QueueItem failed;
    private QueueItem withSecret;
    private Path directory;

    @BeforeEach
    void seedQueue() throws IOException {
        store = queues.configure(queues.newDirectory("export"), 1024 * 1024);
        QueueItem rejected = store.enqueue(EnqueueRequest.of("time_entry_event", "{\"type\":\"stop\",\"at\":\"2026-11-30T09:00:00Z\"}"));
        store.claim(1, Duration.ofMinutes(5));
        store.markFailed(rejected.id(), "422 invalid_event: \"at\" is missing, see the docs");
        failed = store.find(rejected.id()).orElseThrow();
        withSecret = store.enqueue(EnqueueRequest.of("plugin", "{\"apiKey\":\"k-123\",\"n\":7}")
                .withBlob(BlobSource.of(new byte[] { 42, 43, 44 }), "application/octet-stream"));
        for (int i = 0; i < 2_500; i++) {
            store.enqueue(EnqueueRequest.of("note", "{\"text\":\"note " + i + "\"}"));
        }
        directory = Files.createDirectories(queues.newDirectory("exports"));
    }

    @Test
    void csvHoldsEveryMatchingItemPastThePageSizeWithQuotesAndCommasIntact() throws Exception {
        Path csv = directory.resolve("all.csv");

        assertEquals(2_502, ItemExport.write(store, QueueQuery.all(1), ItemFormat.CSV, csv, ExportProgress.NONE));

        List<Map<String, String>> rows = readCsv(csv);
        assertEquals(2_502, rows.size());
        assertEquals(Long.toString(failed.id()), rows.get(0).get("id"));
        assertEquals("failed", rows.get(0).get("status"));
        assertEquals(failed.lastError(), rows.get(0).get("lastError"));
        assertEquals(failed.idempotencyKey().toString(), rows.get(0).get("idempotencyKey"));
        assertEquals("{\"type\":\"stop\",\"at\":\"2026-11-30T09:00:00Z\"}", rows.get(0).get("payload"));
        assertEquals("{\"text\":\"note 2499\"}", rows.get(2_501).get("payload"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(csv)));
    }

    @Test
    void jsonEmbedsThePayloadWithSecretsRedactedAndGivesTheBlobOnlyBySizeAndType() throws Exception {
        Path json = directory.resolve("plugin.json");

        ItemExport.write(store, QueueQuery.all(1).withEntityTypes(Set.of("plugin")), ItemFormat.JSON, json, ExportProgress.NONE);

        JsonNode items = JSON.readTree(json.toFile());
        assertEquals(1, items.size());
        JsonNode item = items.get(0);
        assertEquals(withSecret.id(), item.get("id").asLong());
        assertEquals("[redacted]", item.get("payload").get("apiKey").asText());
        assertEquals(7, item.get("payload").get("n").asInt());
        assertEquals(3, item.get("blobSize").asInt());
        assertEquals("application/octet-stream", item.get("blobContentType").asText());
        assertFalse(Files.readString(json).contains("k-123"), "the secret-looking value is not exported");
    }

    @Test
    void jsonLinesIsOneItemALineInTheGivenOrder() throws Exception {
        Path lines = directory.resolve("chosen.jsonl");
        List<QueueItem> chosen = List.of(withSecret, failed);

        assertEquals(2, ItemExport.write(chosen, ItemFormat.of(lines.getFileName().toString()), lines));

        List<String> written = Files.readAllLines(lines);
        assertEquals(2, written.size());
        assertEquals(withSecret.id(), JSON.readTree(written.get(0)).get("id").asLong());
        assertEquals(ItemStatus.FAILED.label(), JSON.readTree(written.get(1)).get("status").asText());
    }

    @Test
    void nothingMatchingGivesAnEmptyFileOrAnEmptyArray() throws Exception {
        QueueQuery nothing = QueueQuery.all(1).withEntityTypes(Set.of("no such type"));
        Path lines = directory.resolve("none.jsonl");
        Path json = directory.resolve("none.json");

        assertEquals(0, ItemExport.write(store, nothing, ItemFormat.JSON_LINES, lines, ExportProgress.NONE));
        assertEquals(0, ItemExport.write(store, nothing, ItemFormat.JSON, json, ExportProgress.NONE));

        assertEquals(0, Files.size(lines));
        assertEquals(0, JSON.readTree(json.toFile()).size());
    }

    @Test
    void aCancelledExportLeavesTheEarlierFileAsItWasAndNoPartialFile() throws Exception {
        Path target = directory.resolve("kept.jsonl");
        Files.writeString(target, "an earlier export\n");
        ExportProgress cancelAfterFirstPage = new ExportProgress() {
            private int pages;

            @Override
            public void worked(int items) {
                pages++;
            }

            @Override
            public boolean cancelled() {
                return pages > 0;
            }
        };

        assertThrows(CancellationException.class, () -> ItemExport.write(store, QueueQuery.all(1), ItemFormat.JSON_LINES,
                target, cancelAfterFirstPage));

        assertEquals("an earlier export\n", Files.readString(target));
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of(target), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void anUnknownExtensionIsRefusedNamingTheFileAndWhatIsAccepted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ItemFormat.of("queue.xml"));

        assertTrue(e.getMessage().contains("queue.xml") && e.getMessage().contains(".csv")
                && e.getMessage().contains(".jsonl"), e.getMessage());
    }

    private static List<Map<String, String>> readCsv(Path csv) throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.toFile())) {
            return StreamSupport.stream(((Iterable<Map<String, String>>) () -> rows).spliterator(), false).toList();
        }
    }
}
