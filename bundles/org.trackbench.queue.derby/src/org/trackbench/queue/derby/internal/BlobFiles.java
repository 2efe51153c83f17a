package org.trackbench.queue.derby.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.crypto.Cipher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackbench.core.queue.QueueException;

/**
 * Blobs as encrypted files beside the database, {@code blobs/<item id>.blob}. Derby logs every page of a BLOB and
 * then writes it again; a file is written once. A file is stored before the row that names it is committed: written
 * to {@code <id>.tmp}, forced, renamed, and the directory forced, so a committed row always finds its file whole. A
 * file is deleted only after the change that drops its row is committed. What a crash leaves in between (see
 * {@link BlobStep}) is put right by {@link #recover} when the store opens.
 */
final class BlobFiles {

    static final String DIRECTORY = "blobs";

    private static final Logger LOG = LoggerFactory.getLogger(BlobFiles.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final String SUFFIX = ".blob";
    private static final String TEMPORARY_SUFFIX = ".tmp";
    private static final int CHUNK = 64 * 1024;

    private final Path directory;
    private final BlobCipher cipher;
    private final CrashPoint crashPoint;

    private BlobFiles(Path directory, BlobCipher cipher, CrashPoint crashPoint) {
        this.directory = directory;
        this.cipher = cipher;
        this.crashPoint = crashPoint;
    }

    /** The files in {@code databaseDirectory}'s {@value #DIRECTORY} folder, created for this user alone if missing. */
    static BlobFiles in(Path databaseDirectory, BlobCipher cipher, CrashPoint crashPoint) {
        Path directory = databaseDirectory.resolve(DIRECTORY);
        try {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            // Made by an earlier start.
        } catch (IOException e) {
            throw new QueueException("Cannot create the blob directory " + directory + ": " + e, e);
        }
        return new BlobFiles(directory, cipher, crashPoint);
    }

    /** What {@link #write} stored: the plaintext's size, and the key and nonce the row keeps. */
    record Written(long size, String keyId, String nonce) {
    }

    /**
     * Encrypts {@code plaintext} into the file of item {@code id} and makes it durable, name included.
     *
     * @throws IOException when reading the plaintext or writing the file fails; no file of {@code id} is left then
     */
    Written write(long id, SizeLimitedInputStream plaintext) throws IOException {
        Path temporary = directory.resolve(id + TEMPORARY_SUFFIX);
        Path file = file(id);
        BlobCipher.Sealing sealing = cipher.seal(id);
        try {
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                encrypt(plaintext, sealing.cipher(), out);
                crashPoint.after(BlobStep.TEMPORARY_WRITTEN, id);
                out.force(true);
            }
            crashPoint.after(BlobStep.TEMPORARY_FORCED, id);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            crashPoint.after(BlobStep.RENAMED, id);
            forceDirectory();
            crashPoint.after(BlobStep.DIRECTORY_FORCED, id);
            return new Written(plaintext.count(), sealing.keyId(), sealing.nonce());
        } catch (IOException | RuntimeException e) {
            deleteAfterFailure(temporary, e);
            deleteAfterFailure(file, e);
            throw e;
        }
    }

    private static void encrypt(InputStream plaintext, Cipher cipher, FileChannel out) throws IOException {
        byte[] chunk = new byte[CHUNK];
        ByteBuffer sealed = ByteBuffer.allocate(cipher.getOutputSize(CHUNK));
        try {
            for (int read = plaintext.read(chunk); read >= 0; read = plaintext.read(chunk)) {
                sealed.clear();
                cipher.update(ByteBuffer.wrap(chunk, 0, read), sealed);
                writeAll(sealed.flip(), out);
            }
            sealed.clear();
            cipher.doFinal(ByteBuffer.allocate(0), sealed);
            writeAll(sealed.flip(), out);
        } catch (GeneralSecurityException e) {
            throw new QueueException("AES-GCM failed to encrypt a blob: " + e.getMessage(), e);
        }
    }

    private static void writeAll(ByteBuffer bytes, FileChannel out) throws IOException {
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    /** Without this the rename may be lost in a power cut after the row naming the file is committed. */
    private void forceDirectory() throws IOException {
        try (FileChannel handle = FileChannel.open(directory, StandardOpenOption.READ)) {
            handle.force(true);
        }
    }

    /** The ciphertext of item {@code id}'s file. */
    byte[] read(long id) throws IOException {
        return Files.readAllBytes(file(id));
    }

    /** The size of item {@code id}'s file; {@link java.nio.file.NoSuchFileException} when it has none. */
    long size(long id) throws IOException {
        return Files.size(file(id));
    }

    Path file(long id) {
        return directory.resolve(id + SUFFIX);
    }

    /**
     * Deletes the files of items whose rows no longer name them, the change committed. A file that cannot be deleted
     * now is left for the next {@link #recover}: the row is gone either way.
     */
    void delete(Collection<Long> ids) {
        for (long id : ids) {
            try {
                Files.deleteIfExists(file(id));
            } catch (IOException e) {
                LOG.warn("Cannot delete the blob file of item {} ({}); the next start removes it", id, e.toString());
            }
        }
    }

    /**
     * Puts right what a crash left: removes temporary files and the files no row names, and returns the items whose
     * row names a file that is missing (kept: they fail with that reason when sent). Runs before the store takes
     * its first request.
     *
     * @param named the items whose blob rows name a file
     */
    List<Long> recover(Set<Long> named) {
        List<Long> removed = new ArrayList<>();
        Set<Long> found = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                Long id = itemId(name);
                if (id != null && name.endsWith(SUFFIX) && named.contains(id)) {
                    found.add(id);
                } else if (id != null) {
                    Files.delete(entry);
                    removed.add(id);
                }
            }
        } catch (IOException e) {
            throw new QueueException("Cannot check the blob files in " + directory + ": " + e, e);
        }
        if (!removed.isEmpty()) {
            LOG.info("Removed {} blob file(s) an interrupted enqueue or delivery left in {}", removed.size(), directory);
        }
        return named.stream().filter(id -> !found.contains(id)).sorted().toList();
    }

    /** The item id a blob or temporary file is named for; {@code null} for any other file, which is left alone. */
    private static Long itemId(String name) {
        String stem = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length())
                : name.endsWith(TEMPORARY_SUFFIX) ? name.substring(0, name.length() - TEMPORARY_SUFFIX.length()) : null;
        if (stem == null || stem.isEmpty() || !stem.chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            return Long.parseLong(stem);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void deleteAfterFailure(Path path, Exception failure) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
