package org.trackbench.sync.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.hc.client5.http.utils.DateUtils;

/**
 * Turns the server's answer into a {@link Delivery}, as docs/sync.md tabulates: 2xx sent;
 * 400/404/409/413/422 rejected; 401/403 sign-in needed; 502/503/504 the server is down (job-wide
 * backoff); 408/425/429 and other 5xx retry without spending an attempt; any other answer spends one.
 */
final class AnswerClassifier {

    private final Clock clock;

    AnswerClassifier(Clock clock) {
        this.clock = clock;
    }

    Delivery classify(int status, String reason, String retryAfterHeader) {
        String described = "HTTP " + status + (reason == null || reason.isBlank() ? "" : ": " + reason);
        if (status >= 200 && status < 300) {
            return new Delivery.Sent();
        }
        Duration retryAfter = retryAfter(retryAfterHeader);
        return switch (status) {
            case 400, 404, 409, 413, 422 -> new Delivery.Rejected(described);
            case 401, 403 -> new Delivery.SignInNeeded(described);
            case 502, 503, 504 -> new Delivery.Unavailable(described, retryAfter);
            case 408, 425, 429 -> new Delivery.RetryLater(described, false, retryAfter);
            default -> status >= 500 ? new Delivery.RetryLater(described, false, retryAfter)
                    : new Delivery.RetryLater(described, true, retryAfter);
        };
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date; {@code null} when absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        Instant date = DateUtils.parseStandardDate(value);
        if (date == null) {
            return null;
        }
        Duration until = Duration.between(clock.instant(), date);
        return until.isNegative() ? Duration.ZERO : until;
    }
}
