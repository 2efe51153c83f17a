package org.trackbench.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    /** Always the longest wait the policy allows: the ceilings show. */
    private static final RandomGenerator LONGEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return Long.MAX_VALUE;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };
    private final CircuitBreaker circuit = new CircuitBreaker(
            new BackoffPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1), LONGEST));

    @Test
    void aPassedHealthCheckLetsDeliveriesTryWithoutForgettingTheOutage() {
        assertEquals(NOW.plusSeconds(1), circuit.trip(NOW, null));
        circuit.halfOpen();
        assertFalse(circuit.isOpen(), "deliveries may try again");

        assertEquals(NOW.plusSeconds(2), circuit.trip(NOW, null), "a failing delivery waits longer than the last time");
        circuit.halfOpen();
        assertEquals(NOW.plusSeconds(4), circuit.trip(NOW, null));
    }

    @Test
    void aHalfOpenCircuitLetsOneTrialThrough() {
        circuit.trip(NOW, null);
        circuit.halfOpen();
        assertTrue(circuit.isHalfOpen(), "one item tests the server, not a batch");

        circuit.close();

        assertFalse(circuit.isHalfOpen());
    }

    @Test
    void onlyAnAcceptedDeliveryEndsTheOutage() {
        circuit.trip(NOW, null);
        circuit.trip(NOW, null);

        circuit.close();

        assertEquals(NOW.plusSeconds(1), circuit.trip(NOW, null), "back to the first wait");
    }

    @Test
    void theServersRetryAfterDecidesTheWait() {
        assertEquals(NOW.plusSeconds(30), circuit.trip(NOW, Duration.ofSeconds(30)));
        assertTrue(circuit.isOpen());
    }
}
