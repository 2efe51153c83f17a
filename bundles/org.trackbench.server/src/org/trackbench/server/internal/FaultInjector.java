package org.trackbench.server.internal;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import org.trackbench.server.Faults;

/** Decides, per request and from a seeded random, which configured fault (if any) strikes it. */
final class FaultInjector {

    /** What happens to one request. */
    enum Strike {
        NONE, ANSWER_ERROR, DROP_MID_BODY, DROP_AFTER_APPLY
    }

    /** The decision for one request: the strike and, for {@code ANSWER_ERROR}, the status. */
    record Decision(Strike strike, int status) {
    }

    private final AtomicReference<Faults> faults = new AtomicReference<>(Faults.none());
    private final Random random;

    FaultInjector(long seed) {
        this.random = new Random(seed);
    }

    Faults faults() {
        return faults.get();
    }

    void set(Faults newFaults) {
        faults.set(newFaults);
    }

    synchronized Decision decide() {
        Faults current = faults.get();
        for (Map.Entry<Integer, Double> rate : current.errorRates().entrySet()) {
            if (random.nextDouble() < rate.getValue()) {
                return new Decision(Strike.ANSWER_ERROR, rate.getKey());
            }
        }
        if (random.nextDouble() < current.dropMidBodyRate()) {
            return new Decision(Strike.DROP_MID_BODY, 0);
        }
        if (random.nextDouble() < current.dropAfterApplyRate()) {
            return new Decision(Strike.DROP_AFTER_APPLY, 0);
        }
        return new Decision(Strike.NONE, 0);
    }

    /** The {@code Retry-After} value for an injected answer that may carry one (408, 425, 429, 5xx), or {@code null}. */
    String retryAfter(int status) {
        Faults current = faults.get();
        if (current.retryAfter() == null || !(status == 408 || status == 425 || status == 429 || status >= 500)) {
            return null;
        }
        if (current.retryAfterAsDate()) {
            return DateTimeFormatter.RFC_1123_DATE_TIME
                    .format(ZonedDateTime.now(ZoneOffset.UTC).plus(current.retryAfter()));
        }
        return Long.toString(Math.max(0, current.retryAfter().toSeconds()));
    }
}
