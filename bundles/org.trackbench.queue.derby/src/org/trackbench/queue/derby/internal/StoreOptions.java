package org.trackbench.queue.derby.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The store's validated settings.
 *
 * @param databaseDirectory where the Derby database lives
 * @param maxBlobBytes the largest blob accepted at enqueue
 * @param auditRetention how long the audit trail keeps an entry
 * @param ledgerRetention how long the ledger keeps a time entry, from its start
 */
record StoreOptions(Path databaseDirectory, long maxBlobBytes, Duration auditRetention, Duration ledgerRetention) {

    static final long DEFAULT_MAX_BLOB_BYTES = 20L * 1024 * 1024;
    static final int DEFAULT_AUDIT_RETENTION_DAYS = 365;
    static final int DEFAULT_LEDGER_RETENTION_DAYS = 90;

    StoreOptions {
        Objects.requireNonNull(databaseDirectory, "databaseDirectory");
        if (maxBlobBytes < 1) {
            throw new IllegalArgumentException(
                    "maxBlobBytes " + maxBlobBytes + " is out of range; expected a positive number of bytes");
        }
        if (auditRetention == null || auditRetention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("auditRetentionDays " + (auditRetention == null ? null
                    : auditRetention.toDays()) + " is out of range; expected at least 1 day");
        }
        if (ledgerRetention == null || ledgerRetention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("ledgerRetentionDays " + (ledgerRetention == null ? null
                    : ledgerRetention.toDays()) + " is out of range; expected at least 1 day");
        }
    }

    /**
     * Reads the configuration; an empty directory falls back to the instance area, then the user's home.
     *
     * @param instanceArea the {@code osgi.instance.area} framework property, or {@code null}
     */
    static StoreOptions from(QueueStoreConfig config, String instanceArea) {
        String configured = config.databaseDirectory().trim();
        Path directory = configured.isEmpty() ? DatabaseLocation.defaultDirectory(instanceArea)
                : Path.of(configured).toAbsolutePath();
        return new StoreOptions(directory, config.maxBlobBytes(), Duration.ofDays(config.auditRetentionDays()),
                Duration.ofDays(config.ledgerRetentionDays()));
    }
}
