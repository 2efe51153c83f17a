package org.trackbench.system.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.trackbench.testing.product.GogoConsole;

/**
 * Plays a person at the console: random legal transitions of the time entry, whichever state a restart left it
 * in. Remembers each transition the console acknowledged: those were committed before the answer.
 */
final class TimeEntryDriver {

    /** One acknowledged transition: the entry and the event type the queue now holds for it. */
    record Acknowledged(String entry, String type) {
    }

    private static final Pattern DONE = Pattern.compile("^(Started|Paused|Resumed|Stopped) entry ([0-9a-f-]{36})");

    private final Random random;
    private final List<Acknowledged> acknowledged = new ArrayList<>();

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
        String state = state(console.run("trackbench:status"));
        if (!state.equals("running")) {
            record(console.run(state.equals("paused") ? "trackbench:resume" : "trackbench:start crash cycle work"));
        }
    }

    /** Sends one transition without waiting for the answer: the kill that follows may cut it. */
    String nextCommand(GogoConsole console) {
        return next(state(console.run("trackbench:status")));
    }

    List<Acknowledged> acknowledged() {
        return List.copyOf(acknowledged);
    }

    private String next(String state) {
        return switch (state) {
            case "running" -> random.nextBoolean() ? "trackbench:pause" : "trackbench:stop";
            case "paused" -> random.nextBoolean() ? "trackbench:resume" : "trackbench:stop";
            default -> "trackbench:start crash cycle work " + random.nextInt(1_000);
        };
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
        }
    }

    private static String state(String status) {
        return status.lines().filter(line -> line.startsWith("tracker")).findFirst()
                .map(line -> line.substring("tracker".length()).strip().split("[ ,]")[0]).orElse("idle");
    }
}
