package org.trackbench.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;
import org.trackbench.core.queue.QueueStore;

/**
 * Configures the real Derby store component through Configuration Admin and waits for the service it
 * registers. Each configuration carries a generation number, so a test can tell the restarted service
 * from the one before it.
 */
public final class QueueStoreFixture {

    public static final String PID = "org.trackbench.queue.derby";
    public static final Duration WAIT = Duration.ofSeconds(60);

    private static final AtomicInteger GENERATION = new AtomicInteger();
    private static ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> configurationAdmin;

    private final BundleContext context = FrameworkUtil.getBundle(QueueStoreFixture.class).getBundleContext();

    /** A directory of its own for one test, below this bundle's data area. */
    public Path newDirectory(String name) {
        return context.getDataFile("stores").toPath().resolve(name + "-" + GENERATION.incrementAndGet());
    }

    /** Points the store at {@code directory} and returns the service, or fails after {@link #WAIT}. */
    public QueueStore configure(Path directory, long maxBlobBytes) {
        return tryConfigure(directory, maxBlobBytes, WAIT)
                .orElseThrow(() -> new AssertionError("no QueueStore service for " + directory + " within " + WAIT));
    }

    /** Like {@link #configure} but returns empty when no service appears within {@code wait}. */
    public Optional<QueueStore> tryConfigure(Path directory, long maxBlobBytes, Duration wait) {
        int generation = GENERATION.incrementAndGet();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("databaseDirectory", directory.toString());
        properties.put("maxBlobBytes", maxBlobBytes);
        properties.put("test.generation", generation);
        try {
            Configuration configuration = configurationAdmin().getConfiguration(PID, "?");
            configuration.update(properties);
            return wait.isZero() ? Optional.empty() : waitFor(generation, wait);
        } catch (IOException e) {
            throw new AssertionError("cannot configure " + PID, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while configuring " + PID, e);
        }
    }

    private Optional<QueueStore> waitFor(int generation, Duration wait) {
        Filter filter;
        try {
            filter = context.createFilter("(&(objectClass=" + QueueStore.class.getName() + ")(test.generation="
                    + generation + "))");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        ServiceTracker<QueueStore, QueueStore> tracker = new ServiceTracker<>(context, filter, null);
        tracker.open();
        try {
            return Optional.ofNullable(tracker.waitForService(wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            // The service object stays usable after the tracker closes; the component holds it.
            tracker.close();
        }
    }

    /**
     * Configures a directory the store must refuse and returns the reason DS recorded for the failed
     * activation; fails if a service is registered instead.
     */
    public String refusal(Path directory) throws InterruptedException {
        int generation = GENERATION.get() + 1;
        Optional<QueueStore> store = tryConfigure(directory, 1024, Duration.ZERO);
        if (store.isPresent()) {
            throw new AssertionError("the store opened " + directory + " but should have refused it");
        }
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
            throw new AssertionError("no failed activation recorded for " + directory + " within " + WAIT);
        } finally {
            tracker.close();
        }
    }

    public BundleContext context() {
        return context;
    }

    /** Configuration Admin is a service factory: its object is valid only while this bundle holds it. */
    private ConfigurationAdmin configurationAdmin() throws InterruptedException {
        synchronized (QueueStoreFixture.class) {
            if (configurationAdmin == null) {
                configurationAdmin = new ServiceTracker<>(context, ConfigurationAdmin.class, null);
                configurationAdmin.open();
            }
        }
        ConfigurationAdmin admin = configurationAdmin.waitForService(WAIT.toMillis());
        if (admin == null) {
            throw new AssertionError("no ConfigurationAdmin service within " + WAIT);
        }
        return admin;
    }
}
