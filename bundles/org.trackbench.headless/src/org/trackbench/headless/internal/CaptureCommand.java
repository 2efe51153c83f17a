package org.trackbench.headless.internal;

import java.time.Duration;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.trackbench.core.capture.ScreenCapture;

/** {@code trackbench:capture pause <minutes>|resume}: no screenshots for a while; the time entry keeps running. */
@Component(service = CaptureCommand.class, property = { Commands.SCOPE, "osgi.command.function=capture" })
public final class CaptureCommand {

    static final String USAGE = "trackbench:capture pause <minutes> | trackbench:capture resume";

    private final ComponentHealth health;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ScreenCapture capture;

    @Activate
    public CaptureCommand(@Reference ServiceComponentRuntime runtime) {
        this.health = new ComponentHealth(runtime);
    }

    @Descriptor("pauses screenshots for some minutes (each one skipped is marked for the server as paused by you), or"
            + " resumes them; the time entry keeps running")
    public String capture(@Descriptor("pause or resume") String action, @Descriptor("minutes, 1 to 1440") String... minutes) {
        ScreenCapture current = capture;
        if (current == null) {
            return Commands.unavailable("screenshot capture", health.why(ScreenCapture.class));
        }
        try {
            if (action.equals("resume") && minutes.length == 0) {
                current.pauseFor(Duration.ZERO);
                return "Screenshots resume at the next interval.\n";
            }
            if (!action.equals("pause") || minutes.length != 1) {
                throw new IllegalArgumentException("'" + action + "' is not a capture action; expected pause <minutes>"
                        + " or resume");
            }
            current.pauseFor(Duration.ofMinutes(minutes(minutes[0])));
            return "No screenshots until " + Durations.local(current.pausedUntil().orElseThrow())
                    + "; the entry keeps running, and each screenshot skipped is marked for the server.\n";
        } catch (IllegalArgumentException e) {
            return Commands.usage(e, USAGE);
        }
    }

    private static long minutes(String text) {
        try {
            long minutes = Long.parseLong(text.strip());
            if (minutes >= 1 && minutes <= 1440) {
                return minutes;
            }
        } catch (NumberFormatException e) {
            // Said below, with what would be accepted.
        }
        throw new IllegalArgumentException("minutes '" + text + "' is not accepted; expected 1 to 1440");
    }
}
