package org.trackbench.sync.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;

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
 */
record SyncOptions(URI server, Duration pollInterval, Duration backoffBase, Duration backoffCap, int maxAttempts,
        int concurrency, Duration connectTimeout, Duration responseTimeout, Path trustedCertificates) {

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
        return new SyncOptions(serverUri(config.serverUrl()), positive("pollIntervalMillis", config.pollIntervalMillis()),
                positive("backoffBaseMillis", config.backoffBaseMillis()),
                positive("backoffCapMillis", config.backoffCapMillis()), config.maxAttempts(), config.concurrency(),
                positive("connectTimeoutMillis", config.connectTimeoutMillis()),
                positive("responseTimeoutMillis", config.responseTimeoutMillis()),
                config.trustedCertificates().isBlank() ? null : Path.of(config.trustedCertificates().strip()));
    }

    /** How long a claimed item stays leased: long enough for a slow answer, short enough to recover soon. */
    Duration lease() {
        return responseTimeout.plus(connectTimeout).multipliedBy(2).plusSeconds(30);
    }

    static URI serverUri(String text) {
        String trimmed = text == null ? "" : text.strip();
        try {
            URI uri = new URI(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new URISyntaxException(trimmed, "not an absolute http or https URL with a host");
            }
            if ("http".equals(uri.getScheme()) && !isLoopback(uri.getHost())) {
                throw new URISyntaxException(trimmed, "plain http is accepted only for loopback (127.0.0.1, [::1],"
                        + " localhost); tokens and screenshots travel over https");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("serverUrl '" + trimmed + "' is not accepted (" + e.getReason()
                    + "); expected e.g. https://track.example.com", e);
        }
    }

    /** Loopback by its literal name only: resolving a host name here would let DNS decide what is local. */
    static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.equalsIgnoreCase("localhost") || bare.equals("::1") || bare.equals("0:0:0:0:0:0:0:1")
                || bare.matches("127(\\.\\d{1,3}){3}");
    }

    private static Duration positive(String name, long millis) {
        if (millis < 1) {
            throw new IllegalArgumentException(name + " " + millis + " is out of range; expected at least 1");
        }
        return Duration.ofMillis(millis);
    }
}
