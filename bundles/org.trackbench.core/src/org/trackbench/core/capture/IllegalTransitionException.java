package org.trackbench.core.capture;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A tracker action that is impossible in the current state; nothing was queued. */
public class IllegalTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final TrackerState state;

    public IllegalTransitionException(String action, TrackerState state, List<String> allowed) {
        super("Cannot " + action + " while " + state.label() + "; allowed now: "
                + allowed.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        this.state = state;
    }

    public TrackerState state() {
        return state;
    }
}
