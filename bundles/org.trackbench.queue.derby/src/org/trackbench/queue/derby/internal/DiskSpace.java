package org.trackbench.queue.derby.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;

import org.trackbench.core.queue.StorageShortage;

/** The room on the disk holding the database, and which of its failures say that it ran out. */
final class DiskSpace {

    /**
     * What the database waits for before it takes writes again: room for a full log file (16 MB, as
     * {@link QueueDatabase} sets it) and a checkpoint, so that the first screenshot after a full disk does not fill
     * it again at once.
     */
    static final long NEEDED_BYTES = 32L * 1024 * 1024;

    /**
     * A page that could not be written (XSDG1), and the read-only state Derby puts a database in once it could not
     * write its log (25502): this store never opens a database read-only, so that state always means a failed write.
     */
    private static final Set<String> FULL_STATES = Set.of("XSDG1", "25502");

    private final Path directory;

    DiskSpace(Path directory) {
        this.directory = directory;
    }

    /**
     * Whether {@code failure} comes from a disk that ran out of space: Derby's own states for it, or any database or
     * blob file failure while the disk has less room than {@link #NEEDED_BYTES} (Derby reports some failed writes, a
     * log it could not write, under other states; Java names no state for a full disk).
     */
    boolean ranOut(Throwable failure) {
        boolean storage = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && FULL_STATES.contains(sql.getSQLState())) {
                return true;
            }
            storage |= cause instanceof SQLException || cause instanceof IOException;
        }
        return storage && !hasRoom();
    }

    boolean hasRoom() {
        return usable() >= NEEDED_BYTES;
    }

    StorageShortage shortage(Instant since) {
        return new StorageShortage(directory.toString(), usable(), NEEDED_BYTES, since);
    }

    /** Bytes this user may still write there; none when the file system cannot be asked. */
    private long usable() {
        try {
            return Files.getFileStore(directory).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }
}
