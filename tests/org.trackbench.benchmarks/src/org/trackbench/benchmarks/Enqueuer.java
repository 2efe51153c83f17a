package org.trackbench.benchmarks;

/** One producer thread's way to enqueue an item durably into one of the compared stores. */
@FunctionalInterface
interface Enqueuer extends AutoCloseable {

    void enqueue(String entityType, String payload) throws Exception;

    /** Gives back what the producer held, e.g. its own connection. */
    @Override
    default void close() throws Exception {
    }
}
