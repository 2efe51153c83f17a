package org.trackbench.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;
import org.trackbench.core.queue.QueueStore;

/** Points the real Derby store component at a directory through Configuration Admin and returns its service. */
public final class QueueStoreFixture {

    public static final String PID = "org.trackbench.queue.derby";
    public static final Duration WAIT = Configurations.WAIT;

    private static final AtomicInteger DIRECTORIES = new AtomicInteger();

    private final BundleContext context = FrameworkUtil.getBundle(QueueStoreFixture.class).getBundleContext();
    private final Configurations configurations = new Configurations();

    /** A directory of its own for one test, below this bundle's data area. */
    public Path newDirectory(String name) {
        return context.getDataFile("stores").toPath().resolve(name + "-" + DIRECTORIES.incrementAndGet());
    }

    /** Points the store at {@code directory} and returns the service, or fails after {@link #WAIT}. */
    public QueueStore configure(Path directory, long maxBlobBytes) {
        return configurations.configure(PID, settings(directory, maxBlobBytes), QueueStore.class);
    }

    /**
     * Configures a directory the store must refuse and returns the reason DS recorded for the failed
     * activation; fails if no failed activation shows within {@link #WAIT}.
     */
    public String refusal(Path directory) throws InterruptedException {
        int generation = configurations.update(PID, settings(directory, 1024));
        ServiceTracker<ServiceComponentRuntime, ServiceComponentRuntime> tracker = new ServiceTracker<>(context,
                ServiceComponentRuntime.class, null);
        tracker.open();
        try {
            ServiceComponentRuntime scr = tracker.waitForService(WAIT.toMillis());
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
                    for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                        if (Integer.valueOf(generation).equals(configuration.properties.get("test.generation"))
                                && configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                            return configuration.failure;
                        }
                    }
                }
                Thread.sleep(50);
            }
            // While a configuration changes, SCR may briefly show the old instance with the new properties,
            // so only a recorded failure counts; a store that opened the directory never records one.
            throw new AssertionError("the store did not refuse " + directory + " within " + WAIT);
        } finally {
            tracker.close();
        }
    }

    public BundleContext context() {
        return context;
    }

    private static Map<String, Object> settings(Path directory, long maxBlobBytes) {
        return Map.of("databaseDirectory", directory.toString(), "maxBlobBytes", maxBlobBytes);
    }
}
