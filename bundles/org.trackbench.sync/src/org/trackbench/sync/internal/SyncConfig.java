package org.trackbench.sync.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Trackbench sync", description = "Delivery of the queue to the tracking server.")
@interface SyncConfig {

    @AttributeDefinition(name = "Server URL", description = "Base URL of the tracking server, e.g. https://track.example.com;"
            + " plain http only on loopback.")
    String serverUrl() default "http://127.0.0.1:8470";

    @AttributeDefinition(name = "Trusted certificates", description = "PEM file of the certificates (or CAs) to trust"
            + " for https instead of the JDK's; empty: the JDK's trust store. Host names are always verified.")
    String trustedCertificates() default "";

    @AttributeDefinition(name = "Idle poll interval (ms)", description = "Longest the job sleeps with nothing due.", min = "10")
    long pollIntervalMillis() default 60_000;

    @AttributeDefinition(name = "Backoff base (ms)", description = "First retry delay; doubles per failure, with full jitter.", min = "1")
    long backoffBaseMillis() default 1_000;

    @AttributeDefinition(name = "Backoff cap (ms)", description = "Longest delay between two attempts.", min = "1")
    long backoffCapMillis() default 3_600_000;

    @AttributeDefinition(name = "Maximum attempts", description = "Attempts an item may spend before it is failed."
            + " Only answers that blame the item spend one; being offline never does.", min = "1")
    int maxAttempts() default 10;

    @AttributeDefinition(name = "Concurrent requests", description = "Requests in flight at once; items of one time"
            + " entry still go in order.", min = "1", max = "64")
    int concurrency() default 16;

    @AttributeDefinition(name = "Connect timeout (ms)", min = "1")
    long connectTimeoutMillis() default 10_000;

    @AttributeDefinition(name = "Response timeout (ms)", min = "1")
    long responseTimeoutMillis() default 30_000;

    @AttributeDefinition(name = "Health report interval (s)", description = "How often this client reports its health"
            + " (queue counts, oldest undelivered item, last error) to the server while it reaches it; a change in the"
            + " count of failed items is reported at once.", min = "1")
    long healthIntervalSeconds() default 60;
}
