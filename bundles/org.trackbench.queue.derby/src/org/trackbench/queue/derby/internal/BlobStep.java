package org.trackbench.queue.derby.internal;

/**
 * The steps that store a blob as a file and drop it again, in the order they happen. A crash between any two leaves
 * files the next open puts right: a temporary file or a file no row names is removed; a row whose file is missing is
 * reported and kept.
 */
enum BlobStep {
    /** The encrypted bytes are in {@code <id>.tmp}, perhaps only in the page cache. */
    TEMPORARY_WRITTEN,
    /** {@code <id>.tmp} is on the disk. */
    TEMPORARY_FORCED,
    /** Renamed to {@code <id>.blob}; the rename may not be on the disk yet. */
    RENAMED,
    /** The directory is forced: the file's name is on the disk. */
    DIRECTORY_FORCED,
    /** The item's rows are written in a transaction not yet committed. */
    ROWS_INSERTED,
    /** The rows naming the file are committed: the blob is queued. */
    COMMITTED,
    /** The item is committed sent and its blob row gone; its file is still there. */
    SENT_COMMITTED
}
