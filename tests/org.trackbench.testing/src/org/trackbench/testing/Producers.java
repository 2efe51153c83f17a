package org.trackbench.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** Runs {@code count} numbered tasks on {@code threads} producer threads: task i on thread i mod threads. */
public final class Producers {

    private Producers() {
    }

    /** Returns when every task is done; the first failure is rethrown with its cause. */
    public static void inParallel(int threads, int count, IntConsumer task) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> producers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int producer = t;
                producers.add(pool.submit(() -> {
                    for (int i = producer; i < count; i += threads) {
                        task.accept(i);
                    }
                }));
            }
            for (Future<?> producer : producers) {
                producer.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
