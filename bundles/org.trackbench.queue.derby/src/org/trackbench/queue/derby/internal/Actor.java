package org.trackbench.queue.derby.internal;

import java.util.Map;
import java.util.Objects;

import org.osgi.framework.Bundle;
import org.trackbench.core.admin.AuditTrail;

/**
 * Who acted, as the audit trail records it: the operating-system user and the bundle that asked, named for what it
 * is to an admin.
 *
 * @param user the operating-system account
 * @param origin the workbench, the console, a plug-in, or the store's own API
 */
record Actor(String user, String origin) {

    /** Admin calls on the {@code QueueStore} service, which does not know its caller. */
    static final Actor UNATTRIBUTED = new Actor(osUser(), "QueueStore API (caller not known)");

    private static final Map<String, String> KNOWN_ORIGINS = Map.of("org.trackbench.ui", AuditTrail.WORKBENCH,
            "org.trackbench.headless", AuditTrail.CONSOLE);

    Actor {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(origin, "origin");
    }

    static Actor of(Bundle caller) {
        String name = caller.getSymbolicName();
        return new Actor(osUser(), KNOWN_ORIGINS.getOrDefault(name, "plug-in " + name));
    }

    private static String osUser() {
        return System.getProperty("user.name", "unknown");
    }
}
