package org.trackbench.sync.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.trackbench.core.sync.ServerUrl;

/**
 * The sync's validated settings.
 *
 * @param server the tracking server's base URL, without a trailing slash
 * @param pollInterval the longest the job sleeps with nothing due
 * @param backoffBase the first retry delay
 * @param backoffCap the longest retry delay
 * @param maxAttempts attempts an item may spend before it is failed
 * @param concurrency requests in flight at once
 * @param connectTimeout how long to wait for a connection
 * @param responseTimeout how long to wait for an answer
 * @param trustedCertificates PEM file of the certificates to trust for https, {@code null} for the JDK's trust store
 * @param healthInterval how often the client reports its health while it reaches the server
 */
record SyncOptions(URI server, Duration pollInterval, Duration backoffBase, Duration backoffCap, int maxAttempts,
        int concurrency, Duration connectTimeout, Duration responseTimeout, Path trustedCertificates,
        Duration healthInterval) {

    SyncOptions {
        if (backoffCap.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("backoffCapMillis " + backoffCap.toMillis()
                    + " is below backoffBaseMillis " + backoffBase.toMillis() + "; expected cap >= base");
        }
        if (maxAttempts < 1 || concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("maxAttempts " + maxAttempts + " / concurrency " + concurrency
                    + " out of range; expected maxAttempts >= 1 and concurrency 1 to 64");
        }
    }

    static SyncOptions from(SyncConfig config) {
        return new SyncOptions(ServerUrl.parse(config.serverUrl()), positive("pollIntervalMillis", config.pollIntervalMillis()),
                positive("backoffBaseMillis", config.backoffBaseMillis()),
                positive("backoffCapMillis", config.backoffCapMillis()), config.maxAttempts(), config.concurrency(),
                positive("connectTimeoutMillis", config.connectTimeoutMillis()),
                positive("responseTimeoutMillis", config.responseTimeoutMillis()),
                config.trustedCertificates().isBlank() ? null : Path.of(config.trustedCertificates().strip()),
                positive("healthIntervalSeconds", config.healthIntervalSeconds()).multipliedBy(1000));
    }

    /** How long a claimed item stays leased: long enough for a slow answer, short enough to recover soon. */
    Duration lease() {
        return responseTimeout.plus(connectTimeout).multipliedBy(2).plusSeconds(30);
    }

    private static Duration positive(String name, long millis) {
        if (millis < 1) {
            throw new IllegalArgumentException(name + " " + millis + " is out of range; expected at least 1");
        }
        return Duration.ofMillis(millis);
    }
}
