/**
 * The ledger of time entries and what it proves. {@link org.trackbench.core.ledger.TimeLedger} keeps every time
 * entry's transitions, written in the transaction that queues each event and kept by its own retention, never purged
 * with sent items; {@link org.trackbench.core.ledger.Reconciliation} compares it, day by day, with the entries the
 * server holds.
 */
@Version("1.0.0")
package org.trackbench.core.ledger;

import org.osgi.annotation.versioning.Version;
