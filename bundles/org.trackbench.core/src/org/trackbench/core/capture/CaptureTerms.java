package org.trackbench.core.capture;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the person agrees to before the first screenshot: each point one sentence (what is captured, how often, how it
 * is protected, the review window, storage), as the consent dialog and {@code trackbench:capture terms} show it.
 *
 * @param points the terms, in the order they are shown
 * @param acceptedAt when the person accepted them, or {@code null} while they have not
 * @since 1.4
 */
public record CaptureTerms(List<String> points, Instant acceptedAt) {

    public CaptureTerms {
        points = List.copyOf(points);
    }

    public Optional<Instant> accepted() {
        return Optional.ofNullable(acceptedAt);
    }
}
