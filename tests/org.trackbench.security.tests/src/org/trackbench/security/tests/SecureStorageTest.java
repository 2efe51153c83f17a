package org.trackbench.security.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackbench.core.security.DataKey;
import org.trackbench.core.security.DataKeys;
import org.trackbench.core.sync.TokenProvider;
import org.trackbench.testing.ByteScan;
import org.trackbench.testing.Configurations;

/** Tokens and data keys in Equinox secure storage, as the registry hands them out. */
class SecureStorageTest {

    private static final URI SERVER = URI.create("https://track.example.com");
    private static final URI OTHER = URI.create("https://other.example.com:8443/tracker");

    /** Tokens made up per run: no credential lives in the test sources. */
    private final String token = UUID.randomUUID().toString();
    private final String otherToken = UUID.randomUUID().toString();
    private final Configurations configurations = new Configurations();

    @TempDir
    Path directory;

    @AfterEach
    void defaultStorage() {
        useStorage("");
    }

    @Test
    void eachServerHasItsOwnTokenAndItSurvivesARestart() {
        TokenProvider tokens = useStorage(directory.toString());
        tokens.setToken(SERVER, token);
        tokens.setToken(OTHER, otherToken);

        TokenProvider restarted = useStorage(directory.toString());

        assertEquals(Optional.of(token), restarted.token(SERVER));
        assertEquals(Optional.of(otherToken), restarted.token(OTHER));
        restarted.setToken(OTHER, null);
        assertEquals(Optional.empty(), restarted.token(OTHER));
    }

    @Test
    void noTokenOrKeyIsOnDiskInClearAndOnlyTheOwnerCanReadTheStorage() throws IOException {
        TokenProvider tokens = useStorage(directory.toString());
        tokens.setToken(SERVER, token);
        DataKey key = configurations.await(DataKeys.class, "").current();

        assertEquals(List.of(), ByteScan.filesContaining(directory, token.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), ByteScan.filesContaining(directory, key.key().getEncoded()));
        assertTrue(Files.size(storageFiles().get(0)) > 0, "the storage was written");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("master.key"))));
    }

    @Test
    void theDataKeyIsCreatedOnceAndFoundByItsId() {
        useStorage(directory.toString());
        DataKey first = configurations.await(DataKeys.class, "").current();

        useStorage(directory.toString());
        DataKeys restarted = configurations.await(DataKeys.class, "");

        assertEquals(first.id(), restarted.current().id());
        assertEquals(first.key(), restarted.byId(first.id()).orElseThrow().key());
        assertEquals(Optional.empty(), restarted.byId("no-such-key"));
    }

    @Test
    void aKeyThatCannotBeReadNowIsAnErrorNotAMissingKey() throws IOException {
        useStorage(directory.toString());
        String id = configurations.await(DataKeys.class, "").current().id();
        String stored = Files.readString(storageFiles().get(0), StandardCharsets.ISO_8859_1);
        // The key's ciphertext cut by three bytes: no longer whole cipher blocks, so it cannot be decrypted.
        int end = stored.indexOf('\n', stored.indexOf("/keys/" + id + "/key="));
        String damaged = stored.substring(0, end - 4) + stored.substring(end);

        // Equinox keeps a storage it opened in memory: the damaged copy is opened from another directory.
        DataKeys unreadable = useStorageCopy("damaged", damaged);
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> unreadable.byId(id),
                "the key is there: its data must not be given up as unreadable for good");
        assertTrue(failure.getMessage().contains("data key " + id), failure.getMessage());

        assertTrue(useStorageCopy("restored", stored).byId(id).isPresent(), "readable again once the entry is");
    }

    /** Secure storage in a new directory holding this test's master key and {@code storage} as its storage file. */
    private DataKeys useStorageCopy(String name, String storage) throws IOException {
        Path copy = Files.createDirectory(directory.resolve(name));
        Files.copy(directory.resolve("master.key"), copy.resolve("master.key"));
        Files.writeString(copy.resolve(storageFiles().get(0).getFileName()), storage, StandardCharsets.ISO_8859_1);
        useStorage(copy.toString());
        return configurations.await(DataKeys.class, "");
    }

    @Test
    void aReplacedMasterKeyStartsAnEmptyStorageAndLeavesTheOldOneUntouched() throws IOException {
        TokenProvider tokens = useStorage(directory.toString());
        tokens.setToken(SERVER, token);
        String oldKey = configurations.await(DataKeys.class, "").current().id();
        Path oldStorage = storageFiles().get(0);
        byte[] oldBytes = Files.readAllBytes(oldStorage);
        String master = Files.readString(directory.resolve("master.key"));
        Files.writeString(directory.resolve("master.key"), new StringBuilder(master).reverse().toString());

        TokenProvider afterLoss = useStorage(directory.toString());

        assertEquals(Optional.empty(), afterLoss.token(SERVER), "no token, rather than a garbled one");
        DataKeys keys = configurations.await(DataKeys.class, "");
        assertEquals(Optional.empty(), keys.byId(oldKey));
        assertNotEquals(oldKey, keys.current().id(), "new blobs get a new key");
        afterLoss.setToken(SERVER, otherToken);
        assertEquals(Optional.of(otherToken), afterLoss.token(SERVER), "a new token can be set at once");
        assertEquals(2, storageFiles().size());
        assertArrayEquals(oldBytes, Files.readAllBytes(oldStorage), "the old storage is kept for the old key");
    }

    @Test
    void aMasterKeyCutShortIsRefusedLoudlyAndNothingIsReplaced() throws Exception {
        TokenProvider tokens = useStorage(directory.toString());
        tokens.setToken(SERVER, token);
        Path master = directory.resolve("master.key");
        String whole = Files.readString(master);
        byte[] storage = Files.readAllBytes(storageFiles().get(0));
        Files.writeString(master, whole.substring(0, 10));

        String refusal = configurations.refusal("org.trackbench.security", Map.of("storageDirectory", directory.toString()));

        assertTrue(refusal.contains("the master key " + master + " is damaged"), refusal);
        assertEquals(whole.substring(0, 10), Files.readString(master), "the damaged key is left for its owner to restore");
        assertEquals(1, storageFiles().size(), "no new, empty storage");
        assertArrayEquals(storage, Files.readAllBytes(storageFiles().get(0)));

        Files.writeString(master, whole);
        assertEquals(Optional.of(token), useStorage(directory.toString()).token(SERVER), "the token is back with the key");
    }

    @Test
    void aNewMasterKeyLeavesNoDraftBehind() throws IOException {
        useStorage(directory.toString());

        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of(), files.map(file -> file.getFileName().toString()).filter(name -> name.contains(".new-"))
                    .toList());
        }
        assertTrue(Files.readString(directory.resolve("master.key")).matches("[A-Za-z0-9_-]{43}"));
    }

    private List<Path> storageFiles() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().startsWith("secure_storage")).sorted().toList();
        }
    }

    private TokenProvider useStorage(String storageDirectory) {
        configurations.configureAndAwait("org.trackbench.security", Map.of("storageDirectory", storageDirectory),
                "org.trackbench.security.internal.SecureStorage");
        return configurations.await(TokenProvider.class, "");
    }
}
