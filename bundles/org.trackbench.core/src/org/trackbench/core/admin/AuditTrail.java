package org.trackbench.core.admin;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The record of who did what to Trackbench's data and settings: kept in the queue database with its own retention
 * (a year by default), never purged with sent items. A bundle-scoped service: the bundle that gets it is recorded as
 * the origin of what it records, with the operating-system user.
 */
@ProviderType
public interface AuditTrail {

    /** The origin recorded for the workbench's actions. */
    String WORKBENCH = "workbench";

    /** The origin recorded for the console's commands. */
    String CONSOLE = "console";

    /** EventAdmin topic posted after an entry was recorded; property {@code id}. */
    String TOPIC_RECORDED = "org/trackbench/audit/RECORDED";

    /**
     * Records an action that changed something outside the queue (a setting, a sign-in, the sync, an export), once it
     * took effect. Changes to the queue are recorded by {@link QueueAdmin} itself.
     *
     * @param detail what exactly, without any secret: never a token or a password
     * @throws IllegalArgumentException for a {@code null} action or detail, or a negative count
     */
    void record(AdminAction action, String detail, long items);

    /** The entries the query selects, newest first. */
    List<AuditEntry> entries(AuditQuery query);
}
