package org.trackbench.headless.internal;

import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns SIGTERM (and any other JVM exit) into a stop of the OSGi framework and waits for it. Stopping the
 * framework deactivates the components in dependency order: capture and sync first (the sync job cancelled,
 * leases released), the queue store last (Derby shut down cleanly), so the next start resumes at once.
 */
final class OrderlyShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(OrderlyShutdown.class);
    private static final long STOP_TIMEOUT_SECONDS = 60;

    private final Thread hook;

    private OrderlyShutdown(Thread hook) {
        this.hook = hook;
    }

    static OrderlyShutdown install(BundleContext context) {
        Framework framework = context.getBundle(0).adapt(Framework.class);
        Thread hook = new Thread(() -> stop(framework), "trackbench-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return new OrderlyShutdown(hook);
    }

    /** Called when the application ends normally; during JVM shutdown the hook is already running. */
    void uninstall() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            LOG.debug("JVM already shutting down; the shutdown hook stays", e);
        }
    }

    private static void stop(Framework framework) {
        if ((framework.getState() & (Framework.ACTIVE | Framework.STARTING)) == 0) {
            return;
        }
        LOG.info("Shutdown requested; stopping Trackbench");
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS));
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.warn("Trackbench did not stop within {} s; exiting anyway", STOP_TIMEOUT_SECONDS);
            }
        } catch (BundleException e) {
            LOG.error("Stopping the framework failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
