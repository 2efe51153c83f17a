package org.trackbench.core.admin;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded admin action.
 *
 * @param id increasing in the order the actions were recorded
 * @param at when it was recorded
 * @param user the operating-system account that acted
 * @param origin where it came from: {@value AuditTrail#WORKBENCH}, {@value AuditTrail#CONSOLE}, or
 *        {@code plug-in <bundle symbolic name>}
 * @param action what was done
 * @param detail what exactly: the items or the filter, the setting and its values; never a secret
 * @param items how many items it changed, {@code 0} for an action on none
 */
public record AuditEntry(long id, Instant at, String user, String origin, AdminAction action, String detail,
        long items) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(detail, "detail");
    }
}
