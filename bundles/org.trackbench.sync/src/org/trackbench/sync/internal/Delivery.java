package org.trackbench.sync.internal;

import java.time.Duration;

/** What one attempt to send an item came to, as far as the queue and the job are concerned. */
sealed interface Delivery {

    /** 2xx: the server applied the item (or had already applied its key). */
    record Sent() implements Delivery {
    }

    /** The server says the item itself is wrong and will stay wrong: a dead letter. */
    record Rejected(String reason) implements Delivery {
    }

    /**
     * Try this item again later. {@code spendsAttempt} only when the server blamed the item; {@code retryAfter}
     * is the server's own wish, or {@code null}.
     */
    record RetryLater(String reason, boolean spendsAttempt, Duration retryAfter) implements Delivery {
    }

    /** The server cannot be reached or is down as a whole: back off the whole job, spend nothing. */
    record Unavailable(String reason, Duration retryAfter) implements Delivery {
    }

    /**
     * Not tried: another item of the batch found the server unreachable, or the sync stopped before this one began.
     * Due again at once, spending nothing; it says nothing of the server the batch's other outcomes do not.
     */
    record NotSent(String reason) implements Delivery {
    }

    /** The server refused the token: pause until a new one, spend nothing. */
    record SignInNeeded(String reason) implements Delivery {
    }

    /** No handler is installed for the item's type: it waits, it does not fail. */
    record NoHandler(String entityType) implements Delivery {
    }
}
