package org.trackbench.core.queue;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of a blob come from. The store opens it once, streams it to disk and closes it,
 * so a screenshot of many megabytes never has to sit in memory.
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
