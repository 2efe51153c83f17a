package org.trackbench.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file so that it appears whole or not at all, readable by its owner only. */
final class WholeFile {

    /** What writes the document to the stream and says how many items it holds. */
    interface Document {
        long writeTo(OutputStream out) throws IOException;
    }

    private WholeFile() {
    }

    static long write(Path target, Document document) throws IOException {
        Path absolute = target.toAbsolutePath();
        // createTempFile makes the file rw------- where the file system has POSIX permissions; the move keeps them.
        Path partial = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + "-", ".part");
        try {
            long written;
            try (OutputStream out = Files.newOutputStream(partial)) {
                written = document.writeTo(out);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }
}
