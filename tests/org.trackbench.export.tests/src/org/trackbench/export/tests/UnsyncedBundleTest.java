package org.trackbench.export.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackbench.core.admin.QueueAdmin;
import org.trackbench.core.queue.BlobSource;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.export.UnsyncedBundle;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.QueueStoreFixture;

/**
 * Unsent items carried to another queue in a passphrase-protected bundle: with their idempotency keys, groups and
 * blobs, once however often imported; a wrong passphrase or a damaged file is refused before anything is queued.
 */
class UnsyncedBundleTest {

    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
    private static final long MAX_BLOB = 4L * 1024 * 1024;

    private final QueueStoreFixture queues = new QueueStoreFixture();
    private final Configurations configurations = new Configurations();
    @TempDir
    Path directory;

    @Test
    void unsentItemsCrossOverWithTheirKeysGroupsAndBlobsAndOnlyOnce() throws IOException {
        QueueStore source = queues.configure(queues.newDirectory("bundle-source"), MAX_BLOB);
        byte[] image = random(300_000);
        QueueItem start = source.enqueue(EnqueueRequest.of("time_entry_event",
                "{\"type\":\"start\",\"at\":\"2026-11-30T09:00:00Z\"}").inGroup("entry-1", true));
        QueueItem shot = source.enqueue(EnqueueRequest.of("screenshot", "{\"capturedAt\":\"2026-11-30T09:05:00Z\"}")
                .inGroup("entry-1", false).withBlob(BlobSource.of(image), "image/png"));
        Path file = directory.resolve("carry" + UnsyncedBundle.EXTENSION);

        assertEquals(2, UnsyncedBundle.write(source, null, file, PASSPHRASE));

        QueueStore target = queues.configure(queues.newDirectory("bundle-target"), MAX_BLOB);
        QueueAdmin admin = configurations.await(QueueAdmin.class, "");
        try (UnsyncedBundle.Contents contents = UnsyncedBundle.read(file, PASSPHRASE)) {
            assertEquals(2, admin.importItems(contents.requests(), file.toString()));
        }
        List<QueueItem> carried = target.query(QueueQuery.all(10)).items();
        assertEquals(List.of(start.idempotencyKey(), shot.idempotencyKey()),
                carried.stream().map(QueueItem::idempotencyKey).toList());
        assertEquals(List.of(start.payload(), shot.payload()), carried.stream().map(QueueItem::payload).toList());
        assertEquals(List.of(true, false), carried.stream().map(QueueItem::ordered).toList());
        assertTrue(carried.stream().allMatch(item -> "entry-1".equals(item.orderingGroup())));
        try (InputStream blob = target.openBlob(carried.get(1).id())) {
            assertArrayEquals(image, blob.readAllBytes());
        }
        try (UnsyncedBundle.Contents again = UnsyncedBundle.read(file, PASSPHRASE)) {
            assertEquals(0, admin.importItems(again.requests(), file.toString()), "what is here already is skipped");
        }
    }

    @Test
    void aWrongPassphraseOrADamagedFileIsRefusedWhole() throws IOException {
        QueueStore source = queues.configure(queues.newDirectory("bundle-refused"), MAX_BLOB);
        source.enqueue(EnqueueRequest.of("screenshot", "{\"capturedAt\":\"2026-11-30T09:05:00Z\"}")
                .withBlob(BlobSource.of(random(1_000)), "image/png"));
        Path file = directory.resolve("refused" + UnsyncedBundle.EXTENSION);
        UnsyncedBundle.write(source, null, file, PASSPHRASE);
        Path damaged = directory.resolve("damaged" + UnsyncedBundle.EXTENSION);
        copyFlippingAByteOf(file, "blobs/000001", damaged);
        Path notABundle = Files.writeString(directory.resolve("notes.txt"), "not a bundle");

        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> UnsyncedBundle.read(file, "wrong passphrase here".toCharArray()));
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
                () -> UnsyncedBundle.read(damaged, PASSPHRASE));
        IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class,
                () -> UnsyncedBundle.read(notABundle, PASSPHRASE));
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> UnsyncedBundle.write(source, null, directory.resolve("short.tbbundle"), "secret".toCharArray()));

        assertEquals("the passphrase does not open " + file + "; nothing was imported", wrong.getMessage());
        assertEquals(damaged + " is damaged: its entry blobs/000001 does not open; nothing was imported",
                broken.getMessage());
        assertTrue(foreign.getMessage().startsWith(notABundle + " is not a Trackbench bundle"), foreign.getMessage());
        assertEquals("the passphrase has 6 characters; expected at least 12", tooShort.getMessage());
    }

    private static void copyFlippingAByteOf(Path bundle, String entryName, Path copy) throws IOException {
        try (ZipFile zip = new ZipFile(bundle.toFile()); OutputStream out = Files.newOutputStream(copy);
                ZipOutputStream rewritten = new ZipOutputStream(out)) {
            for (ZipEntry entry : zip.stream().toList()) {
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (entry.getName().equals(entryName)) {
                    bytes[bytes.length / 2] ^= 1;
                }
                rewritten.putNextEntry(new ZipEntry(entry.getName()));
                rewritten.write(bytes);
                rewritten.closeEntry();
            }
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
