package org.trackbench.headless.internal;

import java.util.ArrayList;
import java.util.List;

import org.trackbench.core.admin.AdminAction;
import org.trackbench.core.admin.AuditTrail;

/** What all Trackbench console commands share: their Gogo scope and how a bad argument is answered. */
final class Commands {

    /** Service property putting a command component's functions in scope {@code trackbench}. */
    static final String SCOPE = "osgi.command.scope=trackbench";

    private Commands() {
    }

    /**
     * Records a change made from the console outside the queue. Without the queue there is no trail to write to, and
     * the change, which may be what brings the queue back, still stands.
     */
    static void audit(AuditTrail trail, AdminAction action, String detail, long items) {
        if (trail != null) {
            trail.record(action, detail, items);
        }
    }

    /**
     * Parses a row limit as typed; the query it goes into checks the range.
     *
     * @throws IllegalArgumentException naming the text and the accepted range, 1 to {@code max}
     */
    static int limit(String text, int max) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit '" + text + "' is not a number; expected 1 to " + max, e);
        }
    }

    /**
     * The answer while a service the command needs is missing (starting, or failed to start): which one and why, as
     * {@link ComponentHealth} says; nothing was changed.
     */
    static String unavailable(String what, String why) {
        return "error: " + what + " is " + why + "; nothing was changed (trackbench:status shows what is up)\n";
    }

    /**
     * The answer when the service could not do it (the store on a full disk, p2 refusing a plug-in): its reason, the
     * exception's message (the console would print a stack trace for an exception it is handed); nothing was changed.
     */
    static String failed(Exception problem) {
        return "error: " + problem.getMessage() + "\n";
    }

    /** The answer to bad arguments: what was wrong and how the command is used; nothing was changed. */
    static String usage(IllegalArgumentException problem, String usage) {
        return "error: " + problem.getMessage() + "\nusage: " + usage + "\n";
    }

    /**
     * Parses item ids as listed by {@code trackbench:queue}.
     *
     * @throws IllegalArgumentException naming the first argument that is not an id
     */
    static List<Long> ids(String... arguments) {
        if (arguments == null || arguments.length == 0) {
            throw new IllegalArgumentException("no item id given");
        }
        List<Long> ids = new ArrayList<>(arguments.length);
        for (String argument : arguments) {
            ids.add(id(argument));
        }
        return ids;
    }

    static long id(String argument) {
        long id;
        try {
            id = Long.parseLong(argument.trim());
        } catch (NumberFormatException e) {
            throw notAnId(argument, e);
        }
        if (id <= 0) {
            throw notAnId(argument, null);
        }
        return id;
    }

    private static IllegalArgumentException notAnId(String argument, Exception cause) {
        return new IllegalArgumentException("'" + argument + "' is not an item id; ids are positive whole numbers"
                + " as listed by trackbench:queue", cause);
    }

    /** Joins words of a free-text argument, {@code null} when there are none. */
    static String words(String... words) {
        return words == null || words.length == 0 ? null : String.join(" ", words);
    }
}
