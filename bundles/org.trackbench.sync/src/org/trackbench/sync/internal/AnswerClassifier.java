package org.trackbench.sync.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.hc.client5.http.utils.DateUtils;

/**
 * Turns the server's answer into a {@link Delivery}, as docs/sync.md tabulates: 2xx sent; 400/404/409/410/413/422
 * rejected; 401/403 sign-in needed; 502/503/504, and 429 with {@code Retry-After}, the server is down or asks the
 * whole client to slow down (job-wide backoff); 3xx/405/407/415/501 say the server or its address is wrong, not
 * the item (job-wide backoff, nothing spent); 408/425/429 and other 5xx retry without spending an attempt; any other
 * answer spends one. A {@code Retry-After} never asks for more than the backoff cap.
 */
final class AnswerClassifier {

    private static final String WRONG_SERVER = " (the server or its address is wrong, not the item)";

    private final Clock clock;
    private final Duration cap;

    AnswerClassifier(Clock clock, Duration cap) {
        this.clock = clock;
        this.cap = cap;
    }

    Delivery classify(int status, String reason, String retryAfterHeader) {
        String described = "HTTP " + status + (reason == null || reason.isBlank() ? "" : ": " + reason);
        if (status >= 200 && status < 300) {
            return new Delivery.Sent();
        }
        Duration retryAfter = retryAfter(retryAfterHeader);
        if (status >= 300 && status < 400) {
            return new Delivery.Unavailable(described + WRONG_SERVER, retryAfter);
        }
        return switch (status) {
            case 400, 404, 409, 410, 413, 422 -> new Delivery.Rejected(described);
            case 401, 403 -> new Delivery.SignInNeeded(described);
            case 405, 407, 415, 501 -> new Delivery.Unavailable(described + WRONG_SERVER, retryAfter);
            case 502, 503, 504 -> new Delivery.Unavailable(described, retryAfter);
            case 429 -> retryAfter != null ? new Delivery.Unavailable(described, retryAfter)
                    : new Delivery.RetryLater(described, false, null);
            case 408, 425 -> new Delivery.RetryLater(described, false, retryAfter);
            default -> new Delivery.RetryLater(described, status < 500, retryAfter);
        };
    }

    /**
     * {@code Retry-After} as delta-seconds or an HTTP date, at most the backoff cap; {@code null} when absent or
     * unreadable.
     */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        Duration asked;
        if (value.chars().allMatch(Character::isDigit)) {
            // More digits than a long holds is more than any cap: no parse, no overflow.
            asked = value.length() > 15 ? cap : Duration.ofSeconds(Long.parseLong(value));
        } else {
            Instant date = DateUtils.parseStandardDate(value);
            if (date == null) {
                return null;
            }
            asked = Duration.between(clock.instant(), date);
        }
        return asked.isNegative() ? Duration.ZERO : asked.compareTo(cap) > 0 ? cap : asked;
    }
}
