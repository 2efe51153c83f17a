package org.trackbench.sync.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.sync.TokenProvider;

/**
 * What delivers with one set of settings: the HTTP client, the sender threads, the circuit breaker and the job. A
 * settings change stops it (boundedly, every claimed item recorded) and starts another; the sync service, its pause
 * and its status stay.
 */
final class SyncEngine {

    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    /**
     * Longest wait between two health probes while the server is unreachable. A probe is one small GET, and
     * after a week offline an hour-long item backoff would otherwise delay the return by up to an hour.
     */
    private static final Duration OFFLINE_PROBE_CAP = Duration.ofSeconds(15);

    final SyncOptions options;
    final CircuitBreaker circuit;
    final SyncJob job;
    final HttpSender sender;
    private final ExecutorService workers;

    private SyncEngine(SyncOptions options, CircuitBreaker circuit, SyncJob job, HttpSender sender, ExecutorService workers) {
        this.options = options;
        this.circuit = circuit;
        this.job = job;
        this.sender = sender;
        this.workers = workers;
    }

    /** Builds the engine for {@code options} and schedules its first run after {@code firstRun}. */
    static SyncEngine start(SyncOptions options, QueueStore store, TokenProvider tokens, HandlerRegistry handlers,
            SyncStatusReporter status, HealthReporter health, Clock clock, RandomGenerator random, Duration firstRun) {
        BackoffPolicy backoff = new BackoffPolicy(options.backoffBase(), options.backoffCap(), random);
        HttpSender sender = new HttpSender(options, store, new AnswerClassifier(clock, options.backoffCap()),
                status.clockOffset(), clock);
        ExecutorService workers = Executors.newFixedThreadPool(options.concurrency(), new SenderThreads());
        CircuitBreaker circuit = new CircuitBreaker(new BackoffPolicy(options.backoffBase(),
                options.backoffCap().compareTo(OFFLINE_PROBE_CAP) < 0 ? options.backoffCap() : OFFLINE_PROBE_CAP, random));
        OutcomeRecorder recorder = new OutcomeRecorder(store, backoff, options.maxAttempts(), options.pollInterval(), clock);
        SyncJob job = new SyncJob(new SyncJob.Parts(options, store, sender, handlers, tokens, recorder, circuit, status,
                health, workers, clock));
        job.schedule(firstRun.toMillis());
        return new SyncEngine(options, circuit, job, sender, workers);
    }

    /**
     * Stops the job and waits, boundedly, until every item it claimed is recorded: the requests in flight get their
     * timeouts to finish; after that they are aborted and the requests not yet begun are dropped, and the job records
     * both as not sent, due again at once. No claimed item is left to its lease.
     */
    void stop() throws IOException, InterruptedException {
        job.stop();
        long requestTimeout = options.responseTimeout().plus(options.connectTimeout()).toMillis();
        if (!job.join(requestTimeout, new NullProgressMonitor())) {
            LOG.info("Requests still in flight after {} ms; aborting them", requestTimeout);
            workers.shutdownNow().forEach(dropped -> ((Future<?>) dropped).cancel(false));
            sender.abort();
            if (!job.join(requestTimeout, new NullProgressMonitor())) {
                LOG.warn("The sync job did not end; its claimed items return to pending when their lease runs out");
            }
        }
        workers.shutdownNow();
        sender.close();
    }

    /** Named daemon threads, so a thread dump says who they are and they never hold the JVM open. */
    private static final class SenderThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "trackbench-sync-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
