package org.trackbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.trackbench.core.queue.BlobSource;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.sync.SyncService;
import org.trackbench.server.AppliedItem;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.QueueStoreFixture;
import org.trackbench.testing.SyncRig;
import org.trackbench.testing.ui.PartHarness;
import org.trackbench.ui.internal.details.ItemDetailsPart;

/**
 * Item details renders a queued screenshot through its handler and shows it scaled into the preview box; a blocked
 * item names the failed item that holds it; payload secrets are redacted.
 */
class ItemDetailsTest {

    @Test
    void aQueuedScreenshotShowsItsHandlersRenderingAndAScaledPreview() {
        QueueStoreFixture queues = new QueueStoreFixture();
        QueueStore store = queues.configure(queues.newDirectory("item-details"), 4 * 1024 * 1024);
        SyncService sync = new Configurations().await(SyncService.class, "");
        sync.pause();
        String entry = UUID.randomUUID().toString();
        QueueItem screenshot = store.enqueue(EnqueueRequest.of("screenshot", "{\"capturedAt\":\"2026-11-27T09:00:00Z\"}")
                .inGroup(entry, false).withBlob(BlobSource.of(png(1200, 800)), "image/png"));

        try (PartHarness ui = new PartHarness()) {
            ui.context.set(IServiceConstants.ACTIVE_SELECTION, List.of(screenshot));
            ui.make(ItemDetailsPart.class);

            ui.until("the preview shows", () -> ui.all(Label.class).stream().anyMatch(label -> label.getImage() != null),
                    () -> ui.all(Label.class).stream().map(Label::getText).toList().toString());
            Rectangle preview = ui.find(Label.class, label -> label.getImage() != null).getImage().getBounds();
            assertEquals(360, preview.width, "scaled to the box, proportions kept");
            assertEquals(240, preview.height);
            String summary = ui.find(Label.class, label -> label.getText().startsWith("#" + screenshot.id())).getText();
            assertTrue(summary.contains("image/png screenshot of entry " + entry), summary);
        } finally {
            sync.resume();
        }
    }

    @Test
    void aBlockedItemNamesTheFailedItemHoldingItAndSecretsInItsPayloadAreRedacted() {
        QueueStoreFixture queues = new QueueStoreFixture();
        QueueStore store = queues.configure(queues.newDirectory("item-details-blocked"), 1024 * 1024);
        SyncService sync = new Configurations().await(SyncService.class, "");
        sync.pause();
        try (PartHarness ui = new PartHarness()) {
            QueueItem start = store.enqueue(EnqueueRequest.of("time_entry_event", "{\"type\":\"start\",\"at\":\"2026-11-30T09:00:00Z\"}").inGroup("entry-9", true));
            assertTrue(store.claim(10, Duration.ofMinutes(5)).stream().anyMatch(item -> item.id() == start.id()));
            store.markFailed(start.id(), "409 entry_conflict");
            QueueItem stop = store.enqueue(EnqueueRequest.of("time_entry_event",
                    "{\"type\":\"stop\",\"at\":\"2026-11-30T10:00:00Z\",\"sessionToken\":\"s-123\"}").inGroup("entry-9", true));

            ui.context.set(IServiceConstants.ACTIVE_SELECTION, List.of(stop));
            ui.make(ItemDetailsPart.class);

            String holder = "Blocked by #" + start.id() + ", failed: 409 entry_conflict";
            ui.until("the details name the holder", () -> ui.all(Label.class).stream().anyMatch(l -> l.getText().equals(holder)),
                    () -> ui.all(Label.class).stream().map(Label::getText).toList().toString());
            String payload = ui.find(Text.class, text -> true).getText();
            assertTrue(payload.contains("\"sessionToken\" : \"[redacted]\"") && !payload.contains("s-123"), payload);
        } finally {
            sync.resume();
        }
    }

    @Test
    void aRefusedItemIsRepairedInTheEditorAndThenSentUnderANewKey() {
        try (SyncRig rig = SyncRig.start(); PartHarness ui = new PartHarness()) {
            String entry = UUID.randomUUID().toString();
            QueueItem stop = rig.store.enqueue(EnqueueRequest.of("time_entry_event",
                    "{\"type\":\"stop\",\"at\":\"2026-11-30T09:00:00Z\"}").inGroup(entry, true));
            ui.until("the server refuses a stop of an entry never started", () -> status(rig, stop) == ItemStatus.FAILED,
                    rig::describe);
            ui.context.set(IServiceConstants.ACTIVE_SELECTION, List.of(rig.store.find(stop.id()).orElseThrow()));
            ui.make(ItemDetailsPart.class);
            Text editor = ui.find(Text.class, Text::getEditable);
            Button save = ui.find(Button.class, button -> button.getText().equals("Save and retry"));
            assertFalse(save.isEnabled(), "nothing to save yet");

            editor.setText("{\"type\":\"begin\",\"at\":\"2026-11-30T09:00:00Z\"}");
            assertFalse(save.isEnabled());
            assertTrue(ui.all(Label.class).stream().anyMatch(label -> label.getText().contains(
                    "time_entry_event type 'begin' is not accepted; expected start, pause, resume or stop")),
                    () -> ui.all(Label.class).stream().map(Label::getText).toList().toString());

            editor.setText("{\"type\":\"start\",\"at\":\"2026-11-30T09:00:00Z\"}");
            assertTrue(save.isEnabled());
            ui.fire(save, SWT.Selection);

            ui.until("the repaired item is sent", () -> status(rig, stop) == ItemStatus.SENT, rig::describe);
            QueueItem sent = rig.store.find(stop.id()).orElseThrow();
            assertNotEquals(stop.idempotencyKey(), sent.idempotencyKey());
            assertEquals(List.of("start"), rig.server.applied().stream().filter(item -> entry.equals(item.timeEntryId()))
                    .map(AppliedItem::detail).toList(), "applied once, as the repaired start");
        }
    }

    private static ItemStatus status(SyncRig rig, QueueItem item) {
        return rig.store.find(item.id()).orElseThrow().status();
    }

    /** A plain picture as PNG bytes, made with SWT (AWT would load a second GTK into this process). */
    private static byte[] png(int width, int height) {
        ImageData picture = new ImageData(width, height, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] { picture };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        loader.save(bytes, SWT.IMAGE_PNG);
        return bytes.toByteArray();
    }
}
