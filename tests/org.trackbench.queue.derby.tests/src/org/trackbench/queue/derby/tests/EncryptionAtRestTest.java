package org.trackbench.queue.derby.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.trackbench.core.queue.BlobSource;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.queue.UnreadableItemException;
import org.trackbench.testing.Await;
import org.trackbench.testing.ByteScan;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.QueueStoreFixture;

/**
 * Blobs are encrypted on disk with a key from secure storage; without the key an item is unreadable, not lost. No
 * other account on the machine can reach the database's files.
 */
class EncryptionAtRestTest {

    private static final long MAX_BLOB = 20L * 1024 * 1024;
    private static final String SECURITY = "org.trackbench.security";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final QueueStoreFixture fixture = new QueueStoreFixture();
    private final Configurations configurations = new Configurations();

    @AfterEach
    void defaultSecureStorage() {
        useSecureStorage("");
    }

    @Test
    void aBlobIsReadBackInClearButStoredEncrypted() throws IOException {
        Path directory = fixture.newDirectory("encrypted");
        QueueStore store = fixture.configure(directory, MAX_BLOB);
        byte[] image = randomImage();
        String marker = "payload-in-clear-" + UUID.randomUUID();

        QueueItem item = store.enqueue(EnqueueRequest.of("screenshot", "{\"capturedAt\":\"2026-11-30T09:00:00Z\",\"note\":\"" + marker + "\"}")
                .withBlob(BlobSource.of(image), "image/png"));

        assertEquals(image.length, item.blobSize());
        assertArrayEquals(image, read(store, item.id()));
        assertTrue(Files.isRegularFile(directory.resolve("blobs").resolve(item.id() + ".blob")),
                "the blob's file lies within the scanned directory");
        assertFalse(ByteScan.filesContaining(directory, marker.getBytes(StandardCharsets.UTF_8)).isEmpty(),
                "the scan finds what is stored in clear, so its silence below means something");
        assertEquals(List.of(), ByteScan.filesContaining(directory, Arrays.copyOfRange(image, 4096, 4096 + 64)),
                "no file of the database holds the image's bytes");
    }

    @Test
    void noOtherAccountCanReachTheDatabaseFiles() throws IOException {
        Path directory = fixture.newDirectory("owner-only");

        fixture.configure(directory, MAX_BLOB).enqueue(EnqueueRequest.of("note", "{}"));

        assertEquals(OWNER_ONLY, Files.getPosixFilePermissions(directory));
        assertEquals(OWNER_ONLY, Files.getPosixFilePermissions(directory.resolve("blobs")));
        try (Stream<Path> beside = Files.list(directory.getParent())) {
            assertEquals(List.of(), beside.filter(path -> path.getFileName().toString().contains(".creating")).toList(),
                    "the private directory the database was created in is gone");
        }
    }

    @Test
    void aDatabaseDirectoryOthersCouldEnterIsClosedToThemWhenOpened() throws IOException {
        Path directory = fixture.newDirectory("opened-up");
        fixture.configure(directory, MAX_BLOB).enqueue(EnqueueRequest.of("note", "{}"));
        fixture.configure(fixture.newDirectory("elsewhere"), MAX_BLOB);
        Await.until("Derby released the database", Duration.ofSeconds(30), () -> !Files.exists(directory.resolve("db.lck")));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));

        QueueStore reopened = fixture.configure(directory, MAX_BLOB);

        assertEquals(OWNER_ONLY, Files.getPosixFilePermissions(directory));
        assertEquals(1, reopened.countByStatus().get(ItemStatus.PENDING));
    }

    @Test
    void aBlobWhoseKeyIsGoneIsUnreadableAndKeptUntilTheKeyReturns() throws IOException {
        Path keys = fixture.newDirectory("keys");
        useSecureStorage(keys.toString());
        Path directory = fixture.newDirectory("unreadable");
        QueueStore store = fixture.configure(directory, MAX_BLOB);
        byte[] image = randomImage();
        QueueItem item = store.enqueue(EnqueueRequest.of("screenshot", "{\"capturedAt\":\"2026-11-30T09:00:00Z\"}").withBlob(BlobSource.of(image), "image/png"));

        useSecureStorage(fixture.newDirectory("other-keys").toString());
        QueueStore withoutKey = fixture.configure(directory, MAX_BLOB);

        UnreadableItemException unreadable = assertThrows(UnreadableItemException.class, () -> withoutKey.openBlob(item.id()));
        assertTrue(unreadable.getMessage().contains("item " + item.id()) && unreadable.getMessage().contains("kept"),
                unreadable.getMessage());
        assertEquals(ItemStatus.PENDING, withoutKey.find(item.id()).orElseThrow().status());

        useSecureStorage(keys.toString());
        QueueStore keyRestored = fixture.configure(directory, MAX_BLOB);
        assertArrayEquals(image, read(keyRestored, item.id()));
    }

    private void useSecureStorage(String directory) {
        configurations.configureAndAwait(SECURITY, Map.of("storageDirectory", directory),
                "org.trackbench.security.internal.SecureStorage");
    }

    private static byte[] randomImage() {
        byte[] image = new byte[256 * 1024];
        new Random(42).nextBytes(image);
        return image;
    }

    private static byte[] read(QueueStore store, long id) throws IOException {
        try (InputStream in = store.openBlob(id)) {
            return in.readAllBytes();
        }
    }
}
