package org.trackbench.server;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Faults the server injects into {@code POST /api/v1/…} requests, decided per request by a seeded random.
 *
 * @param errorRates answer status → probability (0–1) of answering it instead of applying the item
 * @param latency added before each answer
 * @param retryAfter sent with injected 408, 425, 429 and 5xx answers, {@code null} for none
 * @param retryAfterAsDate send {@code retryAfter} as an HTTP date instead of seconds
 * @param dropMidBodyRate probability of closing the connection halfway through reading the body
 * @param dropAfterApplyRate probability of applying the item, then closing the connection without an answer
 * @param offline refuse connections altogether (the listening socket is closed)
 */
public record Faults(Map<Integer, Double> errorRates, Duration latency, Duration retryAfter, boolean retryAfterAsDate,
        double dropMidBodyRate, double dropAfterApplyRate, boolean offline) {

    public Faults {
        errorRates = Map.copyOf(errorRates);
        Objects.requireNonNull(latency, "latency");
        errorRates.forEach((status, rate) -> requireRate("errorRates[" + status + "]", rate));
        requireRate("dropMidBodyRate", dropMidBodyRate);
        requireRate("dropAfterApplyRate", dropAfterApplyRate);
    }

    public static Faults none() {
        return new Faults(Map.of(), Duration.ZERO, null, false, 0, 0, false);
    }

    public Faults withErrorRate(int status, double rate) {
        Map<Integer, Double> rates = new java.util.HashMap<>(errorRates);
        rates.put(status, rate);
        return new Faults(rates, latency, retryAfter, retryAfterAsDate, dropMidBodyRate, dropAfterApplyRate, offline);
    }

    public Faults withLatency(Duration newLatency) {
        return new Faults(errorRates, newLatency, retryAfter, retryAfterAsDate, dropMidBodyRate, dropAfterApplyRate, offline);
    }

    public Faults withRetryAfter(Duration delay, boolean asDate) {
        return new Faults(errorRates, latency, delay, asDate, dropMidBodyRate, dropAfterApplyRate, offline);
    }

    public Faults withDrops(double midBody, double afterApply) {
        return new Faults(errorRates, latency, retryAfter, retryAfterAsDate, midBody, afterApply, offline);
    }

    public Faults withOffline(boolean newOffline) {
        return new Faults(errorRates, latency, retryAfter, retryAfterAsDate, dropMidBodyRate, dropAfterApplyRate, newOffline);
    }

    private static void requireRate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " = " + rate + " is out of range; expected 0 to 1");
        }
    }
}
