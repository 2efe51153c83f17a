package org.trackbench.queue.derby.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read and fails once they pass the limit, so an oversize blob aborts the transaction
 * that stores it instead of filling the disk. (Commons IO's BoundedInputStream truncates silently.)
 */
final class SizeLimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    SizeLimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        add(skipped);
        return skipped;
    }

    private void add(long n) throws BlobTooLargeException {
        count += n;
        if (count > limit) {
            throw new BlobTooLargeException(limit);
        }
    }

    /** Thrown while streaming; the store turns it into an IllegalArgumentException for the caller. */
    static final class BlobTooLargeException extends IOException {

        private static final long serialVersionUID = 1L;

        BlobTooLargeException(long limit) {
            super("blob is larger than the maximum of " + limit + " bytes (maxBlobBytes)");
        }
    }
}
