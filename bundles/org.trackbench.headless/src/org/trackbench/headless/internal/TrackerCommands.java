package org.trackbench.headless.internal;

import java.time.Clock;
import java.util.function.Function;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.trackbench.core.capture.IllegalTransitionException;
import org.trackbench.core.capture.TimeEntry;
import org.trackbench.core.capture.TimeTracker;
import org.trackbench.core.queue.QueueException;

/**
 * {@code trackbench:start}, {@code pause}, {@code resume}, {@code stop} for the time entry. Type them with
 * their scope: the console's own {@code start} and {@code stop} act on bundles. They are there from the first moment
 * of the console: while the tracker is starting, or if it cannot, they say so instead of "command not found".
 */
@Component(service = TrackerCommands.class, property = { Commands.SCOPE, "osgi.command.function=start",
        "osgi.command.function=pause", "osgi.command.function=resume", "osgi.command.function=stop" })
public final class TrackerCommands {

    private final ComponentHealth health;
    private final Clock clock = Clock.systemUTC();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TimeTracker tracker;

    @Activate
    public TrackerCommands(@Reference ServiceComponentRuntime runtime) {
        this.health = new ComponentHealth(runtime);
    }

    @Descriptor("starts a new time entry")
    public String start(@Descriptor("project") @Parameter(names = { "-p", "--project" }, absentValue = "") String project,
            @Descriptor("task") @Parameter(names = { "-t", "--task" }, absentValue = "") String task,
            @Descriptor("what you work on") String... description) {
        return transition("Started", tracker -> tracker.start(Commands.words(description), blankToNull(project),
                blankToNull(task)));
    }

    @Descriptor("pauses the running time entry")
    public String pause() {
        return transition("Paused", TimeTracker::pause);
    }

    @Descriptor("resumes the paused time entry")
    public String resume() {
        return transition("Resumed", TimeTracker::resume);
    }

    @Descriptor("stops the time entry")
    public String stop() {
        return transition("Stopped", TimeTracker::stop);
    }

    private String transition(String done, Function<TimeTracker, TimeEntry> change) {
        TimeTracker current = tracker;
        if (current == null) {
            return Commands.unavailable("the time tracker", health.why(TimeTracker.class));
        }
        try {
            TimeEntry entry = change.apply(current);
            return done + " entry " + entry.id() + ", " + Durations.clock(entry.elapsed(clock.instant())) + " worked.\n";
        } catch (IllegalTransitionException e) {
            return "error: " + e.getMessage() + "; nothing was changed\n";
        } catch (QueueException e) {
            return Commands.failed(e);
        }
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }
}
