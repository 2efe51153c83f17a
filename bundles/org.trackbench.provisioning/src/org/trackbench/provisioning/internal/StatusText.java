package org.trackbench.provisioning.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.core.runtime.IStatus;

/**
 * p2's answer for a person: its statuses are trees (a plan's root says "cannot complete the install", its children
 * say which requirement no bundle meets), so the messages of the whole tree, each once, on separate lines.
 */
final class StatusText {

    /** p2 explains one missing requirement in several ways; a few lines say it. */
    private static final int MAX_LINES = 8;

    private StatusText() {
    }

    static String of(IStatus status) {
        Set<String> lines = new LinkedHashSet<>();
        collect(status, lines);
        return String.join("\n  ", lines.stream().limit(MAX_LINES).toList());
    }

    private static void collect(IStatus status, Set<String> lines) {
        if (status.getSeverity() >= IStatus.WARNING && !status.getMessage().isBlank()) {
            lines.add(status.getMessage().strip());
        }
        if (status.getException() != null && status.getException().getMessage() != null) {
            lines.add(status.getException().getMessage().strip());
        }
        for (IStatus child : status.getChildren()) {
            collect(child, lines);
        }
    }
}
