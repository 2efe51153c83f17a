package org.trackbench.security.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secure storage's master key on disk (0600): made whole or not at all, read only if whole. A key file cut
 * short by a crash would otherwise open a new, empty storage and leave every token and data key behind.
 */
final class MasterKeyFile {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKeyFile.class);
    private static final int KEY_BYTES = 32;
    private static final int ENCODED_CHARS = 43;

    private MasterKeyFile() {
    }

    /** The key in {@code file}, made first if there is none. */
    static char[] readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            create(file);
        }
        String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (key.length() != ENCODED_CHARS || !key.matches("[A-Za-z0-9_-]+")) {
            throw new IOException("the master key " + file + " is damaged (" + key.length() + " characters; a key is "
                    + ENCODED_CHARS + " base64url characters). Nothing was changed: put back the file from a backup, or"
                    + " move it aside to start a new, empty storage (tokens and data keys in the old one stay unreadable)");
        }
        return key.toCharArray();
    }

    /**
     * Writes a new key beside {@code file}, forces it to disk, then links it into place: the link fails if a key is
     * already there, so no key is ever overwritten, and a crash leaves either no key file or a whole one.
     */
    private static void create(Path file) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path directory = file.toAbsolutePath().getParent();
        Path draft = directory.resolve(file.getFileName() + ".new-" + Long.toHexString(new SecureRandom().nextLong()));
        OwnerOnly.createFile(draft);
        try {
            try (FileChannel channel = FileChannel.open(draft, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(Base64.getUrlEncoder().withoutPadding().encode(key)));
                channel.force(true);
            }
            Files.createLink(file, draft);
            forceDirectory(directory);
            LOG.info("Created the master key of the secure storage at {}", file);
        } catch (FileAlreadyExistsException raced) {
            LOG.debug("Another component created {} first", file, raced);
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    /** The new name is durable only once the directory is: a crash after the link must not lose it. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            LOG.debug("This file system cannot force directory {}", directory, notSupported);
        }
    }
}
