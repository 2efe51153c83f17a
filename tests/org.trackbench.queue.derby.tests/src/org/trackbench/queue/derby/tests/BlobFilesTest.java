package org.trackbench.queue.derby.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackbench.core.queue.BlobSource;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueException;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.queue.UnreadableItemException;
import org.trackbench.testing.Await;
import org.trackbench.testing.QueueStoreFixture;

/**
 * Blobs are encrypted files beside the database ({@code blobs/<id>.blob}), each named by a committed row: the file
 * goes once its item is sent or deleted, a start removes what an interrupted enqueue or delivery left, and a row
 * whose file is missing keeps its item and says so. (Kills between the steps: the system tests' BlobFileCrashTest.)
 */
class BlobFilesTest {

    private static final long MAX_BLOB = 1024 * 1024;
    private static final Duration LEASE = Duration.ofMinutes(5);
    /** What AES-GCM adds to each file: its 128-bit tag. */
    private static final int TAG_BYTES = 16;
    private static final String CAPTURED = "{\"capturedAt\":\"2026-12-01T09:00:00Z\"}";

    private final QueueStoreFixture fixture = new QueueStoreFixture();
    private Path directory;
    private QueueStore store;

    @BeforeEach
    void openStore() {
        directory = fixture.newDirectory("blob-files");
        store = fixture.configure(directory, MAX_BLOB);
    }

    @Test
    void aQueuedBlobIsAFileOfItsOwnUntilItsItemIsSent() throws IOException {
        byte[] image = image(40_000);
        QueueItem item = store.enqueue(screenshot(image));

        assertEquals(image.length + TAG_BYTES, Files.size(file(item.id())), "the file holds the sealed blob");
        assertArrayEquals(image, read(item.id()));

        assertEquals(item.id(), store.claim(1, LEASE).get(0).id());
        store.markSent(item.id());

        assertFalse(Files.exists(file(item.id())), "a sent item's file is deleted");
        assertEquals(List.of(), files());
    }

    @Test
    void deletingReplacingOrDeletingTheFailedDeletesTheirFiles() throws IOException {
        QueueItem failed = store.enqueue(screenshot(image(3_000)));
        QueueItem deleted = store.enqueue(screenshot(image(1_000)));
        QueueItem replaced = store.enqueue(screenshot(image(2_000)).inGroup("entry-1", false));
        QueueItem kept = store.enqueue(screenshot(image(4_000)));
        assertEquals(4, files().size());

        assertEquals(failed.id(), store.claim(1, LEASE).get(0).id());
        store.markFailed(failed.id(), "HTTP 422: refused");
        store.deleteFailed("HTTP 422: refused");
        store.delete(List.of(deleted.id()));
        store.replace(replaced.id(), EnqueueRequest.of("note", "{}").inGroup("entry-1", false));

        assertEquals(List.of(file(kept.id())), files());
        QueueException noBlob = assertThrows(QueueException.class, () -> store.openBlob(replaced.id()));
        assertTrue(noBlob.getMessage().contains("has no blob"), noBlob.getMessage());
    }

    @Test
    void aStartRemovesWhatAnInterruptedEnqueueLeftAndNothingElse() throws IOException {
        byte[] image = image(10_000);
        QueueItem kept = store.enqueue(screenshot(image));
        release();
        Path writing = blobs().resolve((kept.id() + 7) + ".tmp");
        Path renamed = blobs().resolve((kept.id() + 8) + ".blob");
        Path foreign = blobs().resolve("README.txt");
        Files.write(writing, image(500));
        Files.write(renamed, image(600));
        Files.writeString(foreign, "not the store's");

        store = fixture.configure(directory, MAX_BLOB);

        assertEquals(List.of(file(kept.id()), foreign), files(),
                "the temporary file and the file no row names are gone; the rest stays");
        assertArrayEquals(image, read(kept.id()));
        QueueItem next = store.enqueue(screenshot(image(700)));
        assertTrue(Files.exists(file(next.id())));
    }

    @Test
    void anItemWhoseFileIsMissingIsKeptAndSaysSo() throws IOException {
        QueueItem item = store.enqueue(screenshot(image(5_000)));
        release();
        Files.delete(file(item.id()));

        store = fixture.configure(directory, MAX_BLOB);

        assertEquals(ItemStatus.PENDING, store.find(item.id()).orElseThrow().status(), "the item is kept as it was");
        UnreadableItemException missing = assertThrows(UnreadableItemException.class, () -> store.openBlob(item.id()));
        assertTrue(missing.getMessage().contains(file(item.id()).toString()) && missing.getMessage().contains("missing")
                && missing.getMessage().contains("kept"), missing.getMessage());
    }

    @Test
    void aRefusedOrUnreadableBlobLeavesNoFile() throws IOException {
        IllegalArgumentException tooLarge = assertThrows(IllegalArgumentException.class,
                () -> store.enqueue(screenshot(image((int) MAX_BLOB + 1))));
        assertTrue(tooLarge.getMessage().contains("maxBlobBytes = " + MAX_BLOB), tooLarge.getMessage());
        BlobSource failing = () -> new FilterInputStream(InputStream.nullInputStream()) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                throw new IOException("the screen went away");
            }
        };
        QueueException unreadable = assertThrows(QueueException.class, () -> store
                .enqueue(EnqueueRequest.of("screenshot", CAPTURED).withBlob(failing, "image/png")));
        assertTrue(unreadable.getMessage().contains("the screen went away"), unreadable.getMessage());

        assertEquals(List.of(), files());
        assertEquals(0, store.count(QueueQuery.all(1)));
    }

    private void release() {
        fixture.configure(fixture.newDirectory("elsewhere"), MAX_BLOB);
        Await.until("Derby released the database", Duration.ofSeconds(30), () -> !Files.exists(directory.resolve("db.lck")));
    }

    private Path blobs() {
        return directory.resolve("blobs");
    }

    private Path file(long id) {
        return blobs().resolve(id + ".blob");
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> entries = Files.list(blobs())) {
            return entries.sorted().toList();
        }
    }

    private byte[] read(long id) throws IOException {
        try (InputStream in = store.openBlob(id)) {
            return in.readAllBytes();
        }
    }

    private static EnqueueRequest screenshot(byte[] image) {
        return EnqueueRequest.of("screenshot", CAPTURED).withBlob(BlobSource.of(image), "image/png");
    }

    private static byte[] image(int size) {
        byte[] image = new byte[size];
        new Random(size).nextBytes(image);
        return image;
    }
}
