package org.trackbench.core.ledger;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Tracked against delivered, per day: the ledger against {@code GET /api/v1/time-entries} of the configured server.
 * What the server lacks is put right through {@code QueueAdmin.requeue}, which queues the entry's events again.
 */
@ProviderType
public interface Reconciliation {

    /**
     * The days from {@code from} to {@code to}, both included, oldest first, in {@code zone}.
     *
     * @throws ReconciliationUnavailableException naming the server and why its entries cannot be read
     * @throws IllegalArgumentException when {@code to} is before {@code from}
     */
    List<DayReconciliation> reconcile(LocalDate from, LocalDate to, ZoneId zone);
}
