package org.trackbench.core.queue;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of a blob come from. The store opens it, streams it to disk and closes it, so a
 * screenshot of many megabytes never has to sit in memory. A store that retries a transaction after a
 * transient conflict opens it again, so each {@link #open()} must start from the first byte.
 */
@FunctionalInterface
public interface BlobSource {

    InputStream open() throws IOException;

    static BlobSource of(byte[] bytes) {
        byte[] copy = bytes.clone();
        return () -> new java.io.ByteArrayInputStream(copy);
    }

    static BlobSource of(java.nio.file.Path file) {
        return () -> java.nio.file.Files.newInputStream(file);
    }
}
