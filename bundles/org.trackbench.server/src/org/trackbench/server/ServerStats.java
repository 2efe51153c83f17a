package org.trackbench.server;

import java.util.Map;

/**
 * Counters since the server started.
 *
 * @param receivedByKind requests received per kind ({@code event}, {@code screenshot}, or the plug-in entity type)
 * @param applied items applied (each idempotency key once)
 * @param duplicatesSuppressed repeated keys answered with their first answer
 * @param rejected requests refused (bad token, bad input, impossible transition)
 * @param faultsInjected answers replaced or connections dropped by fault injection
 */
public record ServerStats(Map<String, Long> receivedByKind, long applied, long duplicatesSuppressed, long rejected,
        long faultsInjected) {

    public ServerStats {
        receivedByKind = Map.copyOf(receivedByKind);
    }
}
