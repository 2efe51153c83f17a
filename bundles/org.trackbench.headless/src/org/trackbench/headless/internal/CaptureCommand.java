package org.trackbench.headless.internal;

import java.time.Duration;
import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.trackbench.core.capture.CaptureTerms;
import org.trackbench.core.capture.ScreenCapture;
import org.trackbench.core.capture.ScreenshotUnderReview;

/**
 * The person's controls over screenshots: {@code trackbench:capture terms|accept|pause <minutes>|resume} and
 * {@code trackbench:screenshots [delete <id>]} for those still under review.
 */
@Component(service = CaptureCommand.class, property = { Commands.SCOPE, "osgi.command.function=capture",
        "osgi.command.function=screenshots" })
public final class CaptureCommand {

    static final String USAGE = "trackbench:capture terms | accept | pause <minutes> | resume";
    static final String SCREENSHOTS_USAGE = "trackbench:screenshots [delete <id>]";

    private final ComponentHealth health;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ScreenCapture capture;

    @Activate
    public CaptureCommand(@Reference ServiceComponentRuntime runtime) {
        this.health = new ComponentHealth(runtime);
    }

    @Descriptor("shows what is captured and whether you accepted it, accepts it, pauses screenshots for some minutes"
            + " (each one skipped is marked for the server as paused by you) or resumes them; the time entry keeps running")
    public String capture(@Descriptor("terms, accept, pause or resume") String action,
            @Descriptor("minutes, 1 to 1440") String... minutes) {
        ScreenCapture current = capture;
        if (current == null) {
            return Commands.unavailable("screenshot capture", health.why(ScreenCapture.class));
        }
        try {
            if (action.equals("terms") && minutes.length == 0) {
                return terms(current.terms());
            }
            if (action.equals("accept") && minutes.length == 0) {
                current.accept();
                return "Accepted; screenshots start at the next interval of a running entry:\n" + terms(current.terms());
            }
            if (action.equals("resume") && minutes.length == 0) {
                current.pauseFor(Duration.ZERO);
                return "Screenshots resume at the next interval.\n";
            }
            if (!action.equals("pause") || minutes.length != 1) {
                throw new IllegalArgumentException("'" + action + "' is not a capture action; expected terms, accept,"
                        + " pause <minutes> or resume");
            }
            current.pauseFor(Duration.ofMinutes(minutes(minutes[0])));
            return "No screenshots until " + Durations.local(current.pausedUntil().orElseThrow())
                    + "; the entry keeps running, and each screenshot skipped is marked for the server.\n";
        } catch (IllegalArgumentException e) {
            return Commands.usage(e, USAGE);
        }
    }

    @Descriptor("lists the screenshots still under review, or deletes one: it is never sent, and the server is told"
            + " one was deleted")
    public String screenshots(@Descriptor("delete, or nothing to list") String... arguments) {
        ScreenCapture current = capture;
        if (current == null) {
            return Commands.unavailable("screenshot capture", health.why(ScreenCapture.class));
        }
        try {
            if (arguments.length == 0) {
                return underReview(current.underReview());
            }
            if (arguments.length != 2 || !arguments[0].equals("delete")) {
                throw new IllegalArgumentException("'" + String.join(" ", arguments) + "' is not accepted; expected"
                        + " nothing to list, or delete <id>");
            }
            long id = id(arguments[1]);
            current.deleteUnderReview(id);
            return "Screenshot " + id + " deleted; it is never sent, and the server is told one was deleted.\n";
        } catch (IllegalArgumentException e) {
            return Commands.usage(e, SCREENSHOTS_USAGE);
        }
    }

    private static String terms(CaptureTerms terms) {
        StringBuilder text = new StringBuilder();
        terms.points().forEach(point -> text.append("  ").append(point).append('\n'));
        text.append(terms.accepted().map(at -> "Accepted at " + Durations.local(at) + ".\n")
                .orElse("Not accepted: no screenshot is taken until you run trackbench:capture accept.\n"));
        return text.toString();
    }

    private static String underReview(List<ScreenshotUnderReview> held) {
        if (held.isEmpty()) {
            return "No screenshot is under review.\n";
        }
        TextTable table = TextTable.listing("ID", "CAPTURED", "SENT FROM", "SIZE");
        for (ScreenshotUnderReview screenshot : held) {
            table.row(String.valueOf(screenshot.id()), Durations.local(screenshot.capturedAt()),
                    Durations.local(screenshot.reviewEndsAt()), screenshot.bytes() / 1024 + " KiB");
        }
        return table + "Delete one with trackbench:screenshots delete <id> before it is sent.\n";
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("id '" + text + "' is not accepted; expected a screenshot's id as"
                    + " trackbench:screenshots lists it", e);
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
