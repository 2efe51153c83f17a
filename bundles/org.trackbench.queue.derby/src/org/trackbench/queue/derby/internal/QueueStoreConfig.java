package org.trackbench.queue.derby.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Trackbench queue store",
        description = "The durable local queue on embedded Apache Derby.")
@interface QueueStoreConfig {

    @AttributeDefinition(name = "Database directory",
            description = "Directory of the Derby database. Empty: 'queue' in the instance area (-data), "
                    + "or ~/.trackbench/queue without one.")
    String databaseDirectory() default "";

    @AttributeDefinition(name = "Maximum blob size (bytes)",
            description = "Largest blob one item may carry; larger ones are refused at enqueue.", min = "1")
    long maxBlobBytes() default StoreOptions.DEFAULT_MAX_BLOB_BYTES;

    @AttributeDefinition(name = "Audit trail retention (days)",
            description = "How long the record of admin actions is kept; never purged with sent items.", min = "1")
    int auditRetentionDays() default StoreOptions.DEFAULT_AUDIT_RETENTION_DAYS;

    @AttributeDefinition(name = "Time entry ledger retention (days)",
            description = "How long the ledger keeps a time entry's transitions, from its start: what the timesheet"
                    + " reconciles and re-queues from; never purged with sent items.", min = "1")
    int ledgerRetentionDays() default StoreOptions.DEFAULT_LEDGER_RETENTION_DAYS;
}
