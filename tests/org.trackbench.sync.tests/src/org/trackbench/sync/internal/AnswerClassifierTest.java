package org.trackbench.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AnswerClassifierTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Duration CAP = Duration.ofHours(1);
    private final AnswerClassifier classifier = new AnswerClassifier(Clock.fixed(NOW, ZoneOffset.UTC), CAP);

    @ParameterizedTest
    @ValueSource(ints = { 200, 201, 204 })
    void successIsSent(int status) {
        assertInstanceOf(Delivery.Sent.class, classifier.classify(status, null, null));
    }

    @ParameterizedTest
    @ValueSource(ints = { 400, 404, 409, 410, 413, 422 })
    void theItemsOwnFaultIsADeadLetterWithTheReason(int status) {
        Delivery.Rejected rejected = assertInstanceOf(Delivery.Rejected.class, classifier.classify(status, "bad type", null));
        assertEquals("HTTP " + status + ": bad type", rejected.reason());
    }

    @ParameterizedTest
    @ValueSource(ints = { 401, 403 })
    void aRefusedTokenNeedsSignIn(int status) {
        assertInstanceOf(Delivery.SignInNeeded.class, classifier.classify(status, null, null));
    }

    @ParameterizedTest
    @ValueSource(ints = { 502, 503, 504 })
    void aServerDownAsAWholeBacksOffTheJob(int status) {
        assertInstanceOf(Delivery.Unavailable.class, classifier.classify(status, null, null));
    }

    @ParameterizedTest
    @ValueSource(ints = { 301, 302, 307, 308, 405, 407, 415, 501 })
    void aWrongServerOrAddressBacksOffTheJobAndSpendsNothing(int status) {
        Delivery.Unavailable wrong = assertInstanceOf(Delivery.Unavailable.class, classifier.classify(status, "Maintenance", null));
        assertEquals("HTTP " + status + ": Maintenance (the server or its address is wrong, not the item)", wrong.reason());
    }

    @ParameterizedTest
    @ValueSource(ints = { 408, 425, 429, 500, 507 })
    void transientAnswersRetryWithoutSpendingAnAttempt(int status) {
        Delivery.RetryLater retry = assertInstanceOf(Delivery.RetryLater.class, classifier.classify(status, null, null));
        assertEquals(false, retry.spendsAttempt());
    }

    @ParameterizedTest
    @ValueSource(ints = { 402, 418, 451 })
    void otherClientErrorsSpendAnAttempt(int status) {
        Delivery.RetryLater retry = assertInstanceOf(Delivery.RetryLater.class, classifier.classify(status, null, null));
        assertEquals(true, retry.spendsAttempt());
    }

    @Test
    void retryAfterInSeconds() {
        Delivery.RetryLater retry = (Delivery.RetryLater) classifier.classify(408, null, "120");
        assertEquals(Duration.ofSeconds(120), retry.retryAfter());
    }

    @Test
    void aTooManyRequestsWithRetryAfterSlowsTheWholeClient() {
        Delivery.Unavailable slowDown = assertInstanceOf(Delivery.Unavailable.class, classifier.classify(429, null, "30"));
        assertEquals(Duration.ofSeconds(30), slowDown.retryAfter());
    }

    @Test
    void retryAfterNeverAsksForMoreThanTheCap() {
        assertEquals(CAP, classifier.retryAfter("86400"));
        assertEquals(CAP, classifier.retryAfter("99999999999999999999999"), "more than a long holds");
        assertEquals(CAP, classifier.retryAfter("Fri, 31 Dec 9999 23:59:59 GMT"));
    }

    @Test
    void retryAfterAsHttpDate() {
        assertEquals(Duration.ofSeconds(90), classifier.retryAfter("Thu, 26 Nov 2026 10:01:30 GMT"));
        assertEquals(Duration.ZERO, classifier.retryAfter("Thu, 26 Nov 2026 09:00:00 GMT"), "a past date means now");
    }

    @Test
    void unreadableRetryAfterIsIgnored() {
        assertNull(classifier.retryAfter("soon"));
        assertNull(classifier.retryAfter(null));
    }
}
