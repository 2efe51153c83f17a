package org.trackbench.headless.internal;

import java.time.Clock;
import java.util.function.Supplier;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.trackbench.core.capture.IllegalTransitionException;
import org.trackbench.core.capture.TimeEntry;
import org.trackbench.core.capture.TimeTracker;

/**
 * {@code trackbench:start}, {@code pause}, {@code resume}, {@code stop} for the time entry. Type them with
 * their scope: the console's own {@code start} and {@code stop} act on bundles.
 */
@Component(service = TrackerCommands.class, property = { Commands.SCOPE, "osgi.command.function=start",
        "osgi.command.function=pause", "osgi.command.function=resume", "osgi.command.function=stop" })
public final class TrackerCommands {

    private final TimeTracker tracker;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public TrackerCommands(@Reference TimeTracker tracker) {
        this.tracker = tracker;
    }

    @Descriptor("starts a new time entry")
    public String start(@Descriptor("project") @Parameter(names = { "-p", "--project" }, absentValue = "") String project,
            @Descriptor("task") @Parameter(names = { "-t", "--task" }, absentValue = "") String task,
            @Descriptor("what you work on") String... description) {
        return transition("Started", () -> tracker.start(Commands.words(description), blankToNull(project), blankToNull(task)));
    }

    @Descriptor("pauses the running time entry")
    public String pause() {
        return transition("Paused", tracker::pause);
    }

    @Descriptor("resumes the paused time entry")
    public String resume() {
        return transition("Resumed", tracker::resume);
    }

    @Descriptor("stops the time entry")
    public String stop() {
        return transition("Stopped", tracker::stop);
    }

    private String transition(String done, Supplier<TimeEntry> change) {
        try {
            TimeEntry entry = change.get();
            return done + " entry " + entry.id() + ", " + Durations.clock(entry.elapsed(clock.instant())) + " worked.\n";
        } catch (IllegalTransitionException e) {
            return "error: " + e.getMessage() + "; nothing was changed\n";
        }
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }
}
