package org.trackbench.headless.internal;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.trackbench.core.sync.SyncService;

/** {@code trackbench:sync now|pause|resume}. */
@Component(service = SyncCommands.class, property = { Commands.SCOPE, "osgi.command.function=sync" })
public final class SyncCommands {

    static final String SYNC_USAGE = "trackbench:sync now|pause|resume";

    private final SyncService sync;

    @Activate
    public SyncCommands(@Reference SyncService sync) {
        this.sync = sync;
    }

    @Descriptor("sends what is due now, pauses or resumes the sync")
    public String sync(@Descriptor("now, pause or resume") String action) {
        switch (action) {
            case "now" -> sync.syncNow();
            case "pause" -> sync.pause();
            case "resume" -> sync.resume();
            default -> {
                return Commands.usage(new IllegalArgumentException("unknown action '" + action
                        + "'; expected now, pause or resume"), SYNC_USAGE);
            }
        }
        return "Sync " + sync.status().state().label() + ".\n";
    }
}
