package org.trackbench.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** The disk's own limit for durable appends: a write + {@code force} loop on a plain file, nothing else. */
final class DiskLimit {

    private DiskLimit() {
    }

    /** Appends {@code record} {@code writes} times, forcing each to disk; returns the writes per second. */
    static double forcedWritesPerSecond(Path directory, byte[] record, int writes) throws IOException {
        Path file = directory.resolve("force-" + UUID.randomUUID() + ".bin");
        ByteBuffer buffer = ByteBuffer.wrap(record);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long start = System.nanoTime();
            for (int i = 0; i < writes; i++) {
                buffer.rewind();
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false);
            }
            return writes / ((System.nanoTime() - start) / 1e9);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
