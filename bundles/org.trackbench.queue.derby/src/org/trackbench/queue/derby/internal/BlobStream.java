package org.trackbench.queue.derby.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A blob read straight from Derby. Derby's blob stream lives only as long as its transaction, so this
 * stream owns the connection and ends the transaction when it is closed.
 */
final class BlobStream extends FilterInputStream {

    private final Connection connection;
    private boolean closed;

    BlobStream(InputStream blob, Connection connection) {
        super(blob);
        this.connection = connection;
    }

    /** Idempotent, as {@link java.io.Closeable} asks: senders often close a body stream twice. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            super.close();
        } finally {
            try (connection) {
                connection.commit();
            } catch (SQLException e) {
                throw new IOException("Closing the blob's database connection failed: " + e.getMessage(), e);
            }
        }
    }
}
