package org.trackbench.queue.derby.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueException;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.UnknownItemException;
import org.trackbench.core.queue.UnreadableItemException;

/**
 * Reads a blob back in clear: from its file ({@link BlobFiles}), or from its row when it was stored before blobs
 * became files, or as it is when it was stored before they were encrypted. Decryption is whole, within the memory
 * budget of {@link BlobMemory}.
 */
final class BlobReader {

    private static final String STORED = "SELECT KEY_ID, NONCE, IN_FILE FROM TB_QUEUE_BLOB WHERE ITEM_ID = ?";

    private final QueueDatabase database;
    private final BlobFiles files;
    private final BlobCipher cipher;
    private final BlobMemory memory = BlobMemory.ofHeap();

    BlobReader(QueueDatabase database, BlobFiles files, BlobCipher cipher) {
        this.database = database;
        this.files = files;
        this.cipher = cipher;
    }

    /** How a blob is kept: its key and nonce ({@code null} before encryption), and whether in a file. */
    private record Stored(String keyId, String nonce, boolean inFile) {
    }

    InputStream open(long id) {
        Stored stored = database.read(connection -> stored(connection, id));
        return stored.inFile() ? fromFile(id, stored) : fromRow(id);
    }

    private InputStream fromFile(long id, Stored stored) {
        BlobMemory.Reservation reserved;
        try {
            reserved = memory.reserve(id, files.size(id));
        } catch (NoSuchFileException e) {
            throw missing(id, e);
        } catch (IOException e) {
            throw new QueueException("Cannot read the blob file of item " + id + " (" + files.file(id) + "): " + e, e);
        }
        try {
            return reserved.stream(cipher.open(id, stored.keyId(), stored.nonce(), files.read(id)));
        } catch (NoSuchFileException e) {
            reserved.release();
            throw missing(id, e);
        } catch (IOException e) {
            reserved.release();
            throw new QueueException("Cannot read the blob file of item " + id + " (" + files.file(id) + "): " + e, e);
        } catch (RuntimeException e) {
            reserved.release();
            throw e;
        }
    }

    /**
     * The file is gone: the item was sent or deleted since its row was read (reading the row again throws saying
     * so), or the file went while the row still names it.
     */
    private RuntimeException missing(long id, NoSuchFileException cause) {
        database.read(connection -> stored(connection, id));
        UnreadableItemException missing = new UnreadableItemException("the blob file of item " + id + " ("
                + files.file(id) + ") is missing; the item is kept for an admin to inspect or delete");
        missing.initCause(cause);
        return missing;
    }

    private static Stored stored(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(STORED)) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    return new Stored(row.getString(1), row.getString(2), row.getBoolean(3));
                }
            }
        }
        QueueItem item = ItemRows.find(connection, id).orElseThrow(() -> new UnknownItemException(id));
        throw new QueueException("Item " + id + " (" + item.status().label() + ") has no blob"
                + (item.status() == ItemStatus.SENT ? ": blobs are dropped once sent" : ""));
    }

    /** A blob stored in its row, before blobs became files. Derby's blob stream lives only as long as its transaction. */
    private InputStream fromRow(long id) {
        Connection connection = database.openConnection();
        byte[] ciphertext;
        String keyId;
        String nonce;
        BlobMemory.Reservation reserved = null;
        try {
            PreparedStatement query = connection.prepareStatement("SELECT DATA, KEY_ID, NONCE FROM TB_QUEUE_BLOB WHERE ITEM_ID = ?");
            query.setLong(1, id);
            ResultSet row = query.executeQuery();
            if (!row.next()) {
                throw new QueueException("Item " + id + " has no blob any more: it was sent or deleted meanwhile");
            }
            keyId = row.getString(2);
            if (keyId == null) {
                // Stored before blobs were encrypted: streamed as it is.
                return new BlobStream(row.getBinaryStream(1), connection);
            }
            Blob data = row.getBlob(1);
            long size = data.length();
            reserved = memory.reserve(id, size);
            ciphertext = data.getBytes(1, (int) size);
            nonce = row.getString(3);
            connection.commit();
            connection.close();
        } catch (SQLException | RuntimeException e) {
            if (reserved != null) {
                reserved.release();
            }
            closeAfterFailure(connection, e);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new QueueException("Cannot open the blob of item " + id + ": " + e.getMessage(), e);
        }
        try {
            return reserved.stream(cipher.open(id, keyId, nonce, ciphertext));
        } catch (RuntimeException e) {
            reserved.release();
            throw e;
        }
    }

    private static void closeAfterFailure(Connection connection, Exception failure) {
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
