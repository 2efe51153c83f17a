package org.trackbench.headless.internal;

import java.lang.management.ManagementFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackbench.core.capture.TimeTracker;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.sync.SyncService;

/**
 * Says once when the queue, sync and tracker services are all up: the moment a person (or a script
 * watching the log) may use Trackbench. The line carries the start-up time since the JVM started.
 */
@Component(immediate = true, service = {})
public final class HeadlessReadiness {

    private static final Logger LOG = LoggerFactory.getLogger(HeadlessReadiness.class);

    /** The log line a script waits for; the system tests look for it. */
    static final String READY = "Trackbench ready";

    @Activate
    public HeadlessReadiness(@Reference QueueStore store, @Reference SyncService sync, @Reference TimeTracker tracker) {
        // Not the sync's status: it counts the whole queue, which start-up need not wait for.
        LOG.info("{} in {} ms: tracker {}", READY, ManagementFactory.getRuntimeMXBean().getUptime(),
                tracker.status().state().label());
    }
}
