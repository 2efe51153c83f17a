package org.trackbench.headless.internal;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.trackbench.core.admin.AdminAction;
import org.trackbench.core.admin.AuditTrail;
import org.trackbench.core.sync.SyncService;

/** {@code trackbench:sync now|pause|resume}; while the sync is missing, it says why. */
@Component(service = SyncCommands.class, property = { Commands.SCOPE, "osgi.command.function=sync" })
public final class SyncCommands {

    static final String SYNC_USAGE = "trackbench:sync now|pause|resume";

    private final ComponentHealth health;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SyncService sync;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditTrail audit;

    @Activate
    public SyncCommands(@Reference ServiceComponentRuntime runtime) {
        this.health = new ComponentHealth(runtime);
    }

    @Descriptor("sends what is due now, pauses or resumes the sync")
    public String sync(@Descriptor("now, pause or resume") String action) {
        SyncService current = sync;
        if (current == null) {
            return Commands.unavailable("the sync", health.why(SyncService.class));
        }
        switch (action) {
            case "now" -> current.syncNow();
            case "pause" -> {
                current.pause();
                Commands.audit(audit, AdminAction.SYNC_PAUSE, "", 0);
            }
            case "resume" -> {
                current.resume();
                Commands.audit(audit, AdminAction.SYNC_RESUME, "", 0);
            }
            default -> {
                return Commands.usage(new IllegalArgumentException("unknown action '" + action
                        + "'; expected now, pause or resume"), SYNC_USAGE);
            }
        }
        return "Sync " + current.status().state().label() + ".\n";
    }
}
