package org.trackbench.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class BackoffPolicyTest {

    private final BackoffPolicy policy = new BackoffPolicy(Duration.ofSeconds(1), Duration.ofMinutes(16),
            new SplittableRandom(42));

    @Test
    void ceilingDoublesPerFailureUpToTheCap() {
        assertEquals(Duration.ofSeconds(1), policy.ceiling(0));
        assertEquals(Duration.ofSeconds(2), policy.ceiling(1));
        assertEquals(Duration.ofSeconds(512), policy.ceiling(9));
        assertEquals(Duration.ofMinutes(16), policy.ceiling(10));
        assertEquals(Duration.ofMinutes(16), policy.ceiling(1_000), "no overflow however many failures");
    }

    @Test
    void delayIsFullJitterWithinTheCeiling() {
        for (int failures = 0; failures < 40; failures++) {
            long ceiling = policy.ceiling(failures).toMillis();
            long shortest = Long.MAX_VALUE;
            long longest = 0;
            for (int i = 0; i < 2_000; i++) {
                long delay = policy.delay(failures).toMillis();
                assertTrue(delay >= 0 && delay <= ceiling, delay + " outside [0, " + ceiling + "]");
                shortest = Math.min(shortest, delay);
                longest = Math.max(longest, delay);
            }
            assertTrue(shortest < ceiling / 10 + 1, "full jitter reaches near zero: " + shortest);
            assertTrue(longest > ceiling * 9 / 10, "and near the ceiling: " + longest + " of " + ceiling);
        }
    }

    @Test
    void theSameSeedGivesTheSameDelays() {
        BackoffPolicy again = new BackoffPolicy(Duration.ofSeconds(1), Duration.ofMinutes(16), new SplittableRandom(42));
        for (int failures = 0; failures < 20; failures++) {
            assertEquals(policy.delay(failures), again.delay(failures));
        }
    }
}
