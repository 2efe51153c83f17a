package org.trackbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackbench.core.admin.AdminAction;
import org.trackbench.core.admin.AuditEntry;
import org.trackbench.core.admin.AuditQuery;
import org.trackbench.core.admin.AuditTrail;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.QueueStoreFixture;
import org.trackbench.testing.ui.PartHarness;
import org.trackbench.ui.internal.export.ExportJob;
import org.trackbench.ui.internal.queue.QueuePart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/** Export from the Queue view: the selection, or the filtered set, as CSV or JSON that reads back as the queue holds it. */
class QueueExportTest {

    private final QueueStoreFixture queues = new QueueStoreFixture();
    private QueueStore store;
    private QueueItem failed;
    private Path exports;

    @BeforeEach
    void seedQueue() throws IOException {
        store = queues.configure(queues.newDirectory("queue-export"), 1024 * 1024);
        QueueItem rejected = store.enqueue(EnqueueRequest.of("time_entry_event", "{\"type\":\"stop\",\"at\":\"2026-11-30T09:00:00Z\"}"));
        store.claim(1, Duration.ofMinutes(5));
        store.markFailed(rejected.id(), "422 invalid_event: \"at\" is missing, see the docs");
        failed = store.find(rejected.id()).orElseThrow();
        for (int i = 0; i < 1_203; i++) {
            store.enqueue(EnqueueRequest.of("note", "{\"text\":\"note " + i + "\"}"));
        }
        exports = Files.createDirectories(queues.newDirectory("exports"));
    }

    @Test
    void withNothingSelectedTheFilteredSetIsExportedEvenPastTheLoadedPages() throws Exception {
        try (PartHarness ui = new PartHarness()) {
            QueuePart view = openView(ui);
            Combo type = ui.find(Combo.class, c -> c.indexOf("all types") == 0);
            type.select(type.indexOf("time_entry_event"));
            ui.fire(type, SWT.Selection);
            Label count = ui.find(Label.class, l -> l.getText().matches("[0-9,+]+ items?"));
            ui.until("the view counts the one event", () -> count.getText().equals("1 item"), count::getText);
            type.select(0);
            ui.fire(type, SWT.Selection);
            ui.until("the view counts every item", () -> count.getText().equals("1,204 items"), count::getText);
            assertEquals("1,204 items of the current filter", view.exportScope());

            Path csv = exports.resolve("queue.csv");
            AuditTrail audit = new Configurations().await(AuditTrail.class, "");
            assertEquals(IStatus.OK, run(view.export(csv, audit)).getSeverity());
            AuditEntry recorded = audit.entries(AuditQuery.latest(1)).get(0);
            assertEquals(List.of(AdminAction.EXPORT, 1_204L, "the items of the Queue view's filters to " + csv),
                    List.of(recorded.action(), recorded.items(), recorded.detail()));

            List<Map<String, String>> rows = readCsv(csv);
            assertEquals(1_204, rows.size(), "every item, not just the pages the table loaded");
            Map<String, String> first = rows.get(0);
            assertEquals(Long.toString(failed.id()), first.get("id"));
            assertEquals("failed", first.get("status"));
            assertEquals(failed.lastError(), first.get("lastError"), "quotes and commas survive");
            assertEquals("{\"type\":\"stop\",\"at\":\"2026-11-30T09:00:00Z\"}", first.get("payload"));
            assertEquals(failed.idempotencyKey().toString(), first.get("idempotencyKey"));
            assertEquals("{\"text\":\"note 1202\"}", rows.get(1_203).get("payload"));
        }
    }

    @Test
    void theSelectionIsExportedAsJsonWithThePayloadEmbedded() throws Exception {
        try (PartHarness ui = new PartHarness()) {
            QueuePart view = openView(ui);
            Table table = ui.find(Table.class, t -> true);
            table.setSelection(new int[] { 0, 2 });
            assertEquals("2 selected items", view.exportScope());

            Path json = exports.resolve("selection.json");
            assertEquals(IStatus.OK, run(view.export(json, null)).getSeverity());

            JsonNode items = new ObjectMapper().readTree(json.toFile());
            assertEquals(2, items.size());
            assertEquals(failed.id(), items.get(0).get("id").asLong());
            assertEquals(failed.createdAt().toString(), items.get(0).get("createdAt").asText());
            assertEquals("stop", items.get(0).get("payload").get("type").asText(), "the payload is JSON, not a string");
            assertEquals("note 1", items.get(1).get("payload").get("text").asText());
            assertEquals(ItemStatus.PENDING.label(), items.get(1).get("status").asText());
        }
    }

    @Test
    void aFileNameThatIsNeitherCsvNorJsonIsRefusedByNameAndNothingIsWritten() throws Exception {
        try (PartHarness ui = new PartHarness()) {
            QueuePart view = openView(ui);
            Path xml = exports.resolve("queue.xml");

            IStatus result = run(view.export(xml, null));

            assertEquals(IStatus.ERROR, result.getSeverity());
            assertTrue(result.getMessage().contains("queue.xml") && result.getMessage().contains(".csv"), result.getMessage());
            try (var left = Files.list(exports)) {
                assertFalse(left.findAny().isPresent(), "no file, partial or not, is left behind");
            }
        }
    }

    private static QueuePart openView(PartHarness ui) {
        QueuePart view = ui.make(QueuePart.class);
        Table table = ui.find(Table.class, t -> true);
        ui.until("the view shows its first page", () -> table.getItemCount() > 500, () -> table.getItemCount() + " rows");
        return view;
    }

    private static IStatus run(ExportJob job) throws InterruptedException {
        job.schedule();
        job.join();
        return job.getResult();
    }

    private static List<Map<String, String>> readCsv(Path csv) throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.toFile())) {
            return StreamSupport.stream(((Iterable<Map<String, String>>) () -> rows).spliterator(), false).toList();
        }
    }
}
