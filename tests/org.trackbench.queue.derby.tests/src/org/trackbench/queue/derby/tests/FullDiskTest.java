package org.trackbench.queue.derby.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.trackbench.core.queue.BlobSource;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueEvents;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.queue.StorageFullException;
import org.trackbench.core.queue.StorageShortage;
import org.trackbench.testing.Await;
import org.trackbench.testing.QueueStoreFixture;
import org.trackbench.testing.SmallDisk;

/**
 * The store on a disk that fills up (a small tmpfs): writes are refused with the disk named, what was stored stays
 * readable, and the store takes writes again by itself once there is room, without a restart.
 */
class FullDiskTest {

    private static final int DISK_MEGABYTES = 64;
    private static final Duration ROOM_FOUND = Duration.ofSeconds(30);

    private final QueueStoreFixture fixture = new QueueStoreFixture();
    private SmallDisk disk;
    private ServiceRegistration<EventHandler> listener;

    @AfterEach
    void unmount() throws Exception {
        if (listener != null) {
            listener.unregister();
        }
        // Points the store elsewhere first: Derby must let go of the files before the disk goes.
        fixture.configure(fixture.newDirectory("after-full-disk"), 1024 * 1024);
        if (disk != null) {
            disk.close();
        }
    }

    @Test
    void aFullDiskRefusesWritesKeepsWhatIsStoredAndPassesWhenThereIsRoomAgain() throws Exception {
        disk = SmallDisk.mount(fixture.newDirectory("small-disk"), DISK_MEGABYTES);
        QueueStore store = fixture.configure(disk.root().resolve("queue"), 4L * 1024 * 1024);
        BlockingQueue<Event> storageEvents = listen();
        QueueItem start = store.enqueue(EnqueueRequest.of("time_entry_event", "{\"type\":\"start\",\"at\":\"2026-11-30T09:00:00Z\"}").inGroup("e1", true));
        QueueItem screenshot = store.enqueue(screenshot());
        store.markSent(store.claim(1, Duration.ofMinutes(1)).get(0).id());

        disk.fill();
        // Derby may still have room in pages it allocated before: whatever fits is stored, and counted.
        List<QueueItem> fitted = new ArrayList<>();
        StorageFullException refused = assertThrows(StorageFullException.class, () -> {
            for (int i = 0; i < 100; i++) {
                fitted.add(store.enqueue(screenshot()));
            }
        });
        StorageShortage shortage = refused.shortage();
        assertEquals(disk.root().resolve("queue").toString(), shortage.directory());
        assertTrue(refused.getMessage().contains("is full") && refused.getMessage().contains(shortage.directory()),
                refused.getMessage());
        assertEquals(shortage.directory(), store.storageShortage().orElseThrow().directory());
        Event full = storageEvents.poll(30, TimeUnit.SECONDS);
        assertNotNull(full, "the full disk is announced");
        assertTrue(full.getProperty(QueueEvents.SHORTAGE) instanceof StorageShortage, full.toString());

        StorageFullException again = assertThrows(StorageFullException.class,
                () -> store.enqueue(EnqueueRequest.of("note", "{\"text\":\"later\"}")));
        assertTrue(again.getMessage().startsWith("Nothing was stored: the disk holding the queue"), again.getMessage());
        assertNotNull(again.getCause(), "the refusal keeps what said the disk was full");
        assertTrue(store.find(start.id()).isPresent() && store.find(screenshot.id()).isPresent(), "reads still answer");

        disk.free();
        Await.until("the store takes writes again", ROOM_FOUND, () -> store.storageShortage().isEmpty());
        Event room = storageEvents.poll(30, TimeUnit.SECONDS);
        assertNotNull(room, "the room is announced");
        assertEquals(null, room.getProperty(QueueEvents.SHORTAGE));
        QueueItem after = store.enqueue(EnqueueRequest.of("note", "{\"text\":\"after\"}"));

        List<Long> expected = new ArrayList<>(List.of(start.id(), screenshot.id()));
        fitted.forEach(item -> expected.add(item.id()));
        expected.add(after.id());
        assertEquals(expected, store.query(QueueQuery.all(100).sortedBy(QueueQuery.SortKey.ID, false)).items().stream()
                .map(QueueItem::id).toList(), "what was stored is kept, and only that: a refused write left nothing");
        assertEquals(ItemStatus.SENT, store.find(start.id()).orElseThrow().status());
        try (InputStream blob = store.openBlob(screenshot.id())) {
            assertEquals(1024 * 1024, blob.readAllBytes().length, "the screenshot stored before is whole");
        }
        assertEquals(ItemStatus.PENDING, store.find(after.id()).orElseThrow().status());
    }

    private static EnqueueRequest screenshot() {
        return EnqueueRequest.of("screenshot", "{\"capturedAt\":\"2026-11-30T10:00:00Z\"}").inGroup("e1", false)
                .withBlob(BlobSource.of(new byte[1024 * 1024]), "image/png");
    }

    private BlockingQueue<Event> listen() {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        listener = fixture.context().registerService(EventHandler.class, events::add,
                new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, QueueEvents.TOPIC_STORAGE)));
        return events;
    }
}
