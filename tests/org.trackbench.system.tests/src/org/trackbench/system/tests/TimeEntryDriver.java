package org.trackbench.system.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.trackbench.testing.product.GogoConsole;

/**
 * Plays a person at the console: random legal transitions of the time entry, whichever state a restart left it
 * in. Remembers each transition the console acknowledged: those were committed before the answer. After a restart it
 * checks the tracker came back as it was left: the acknowledged state, or the one the unanswered last command would
 * have made.
 */
final class TimeEntryDriver {

    /** One acknowledged transition: the entry and the event type the queue now holds for it. */
    record Acknowledged(String entry, String type) {
    }

    /** The tracker as the status shows it: {@code running}, {@code paused} or {@code idle}, and the open entry. */
    private record Tracker(String state, String entry) {

        static final Tracker IDLE = new Tracker("idle", null);
    }

    private static final Pattern DONE = Pattern.compile("^(Started|Paused|Resumed|Stopped) entry ([0-9a-f-]{36})");
    private static final Pattern OPEN_ENTRY = Pattern.compile("\\(entry ([0-9a-f-]{36})\\)");

    private final Random random;
    private final List<Acknowledged> acknowledged = new ArrayList<>();
    private Tracker left = Tracker.IDLE;
    private String unanswered;

    TimeEntryDriver(Random random) {
        this.random = random;
    }

    /** Sends {@code actions} transitions, each legal in the state the status shows. */
    void act(GogoConsole console, int actions) {
        for (int i = 0; i < actions; i++) {
            record(console.run(nextCommand(console)));
        }
    }

    /** Leaves the entry running (starting or resuming it as needed), so screenshots are taken meanwhile. */
    void keepRunning(GogoConsole console) {
        String state = tracker(console.run("trackbench:status")).state();
        if (!state.equals("running")) {
            record(console.run(state.equals("paused") ? "trackbench:resume" : "trackbench:start crash cycle work"));
        }
    }

    /** Sends one transition without waiting for the answer: the kill that follows may cut it. */
    void sendUnanswered(GogoConsole console) {
        unanswered = nextCommand(console);
        console.send(unanswered);
    }

    /**
     * Whether the tracker, just restarted, is as it was left: the last acknowledged state, or that of the unanswered
     * command. Either way, what it shows is what it was left in from now on.
     */
    boolean restoredAsLeft(GogoConsole console) {
        Tracker restored = tracker(console.run("trackbench:status"));
        boolean asLeft = restored.equals(left) || unanswered != null && madeBy(unanswered, restored);
        left = restored;
        unanswered = null;
        return asLeft;
    }

    List<Acknowledged> acknowledged() {
        return List.copyOf(acknowledged);
    }

    private String nextCommand(GogoConsole console) {
        return switch (tracker(console.run("trackbench:status")).state()) {
            case "running" -> random.nextBoolean() ? "trackbench:pause" : "trackbench:stop";
            case "paused" -> random.nextBoolean() ? "trackbench:resume" : "trackbench:stop";
            default -> "trackbench:start crash cycle work " + random.nextInt(1_000);
        };
    }

    /** Whether {@code command}, sent from the state left, leads to {@code restored}. */
    private boolean madeBy(String command, Tracker restored) {
        if (command.startsWith("trackbench:start")) {
            return restored.state().equals("running") && !restored.entry().equals(left.entry());
        }
        if (command.equals("trackbench:stop")) {
            return restored.equals(Tracker.IDLE);
        }
        String state = command.equals("trackbench:pause") ? "paused" : "running";
        return restored.equals(new Tracker(state, left.entry()));
    }

    private void record(String answer) {
        Matcher done = DONE.matcher(answer);
        if (done.find()) {
            String type = switch (done.group(1)) {
                case "Started" -> "start";
                case "Paused" -> "pause";
                case "Resumed" -> "resume";
                default -> "stop";
            };
            acknowledged.add(new Acknowledged(done.group(2), type));
            left = type.equals("stop") ? Tracker.IDLE : new Tracker(type.equals("pause") ? "paused" : "running", done.group(2));
        }
    }

    private static Tracker tracker(String status) {
        String line = status.lines().filter(text -> text.startsWith("tracker")).findFirst().orElse("");
        String state = line.isEmpty() ? "idle" : line.substring("tracker".length()).strip().split("[ ,]")[0];
        Matcher entry = OPEN_ENTRY.matcher(line);
        return state.equals("running") || state.equals("paused") ? new Tracker(state, entry.find() ? entry.group(1) : null)
                : Tracker.IDLE;
    }
}
