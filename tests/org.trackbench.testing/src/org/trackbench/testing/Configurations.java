package org.trackbench.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Configures real DS components through Configuration Admin and waits for the service each registers.
 * Every configuration carries a fresh {@code test.generation}, so a test can tell the service made from
 * its configuration from the one before.
 */
public final class Configurations {

    public static final Duration WAIT = Duration.ofSeconds(60);

    private static final AtomicInteger GENERATION = new AtomicInteger(1_000);
    private static ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> configurationAdmin;

    private final BundleContext context = FrameworkUtil.getBundle(Configurations.class).getBundleContext();

    /** Updates {@code pid} with {@code properties} and returns the generation it was tagged with. */
    public int update(String pid, Map<String, ?> properties) {
        int generation = GENERATION.incrementAndGet();
        Dictionary<String, Object> dictionary = new Hashtable<>(properties);
        dictionary.put("test.generation", generation);
        try {
            configurationAdmin().getConfiguration(pid, "?").update(dictionary);
        } catch (IOException e) {
            throw new AssertionError("cannot configure " + pid, e);
        }
        return generation;
    }

    /** Configures {@code pid} and waits for the {@code service} its component registers. */
    public <S> S configure(String pid, Map<String, ?> properties, Class<S> service) {
        int generation = update(pid, properties);
        return await(service, "(test.generation=" + generation + ")");
    }

    /** Waits for a {@code service} matching {@code filter}. */
    public <S> S await(Class<S> service, String filter) {
        return await(service.getSimpleName(), "(&(objectClass=" + service.getName() + ")" + filter + ")");
    }

    /**
     * Configures {@code pid} and waits until the service {@code objectClass} (a name: the type may be internal to
     * its bundle) is registered with that configuration.
     */
    public void configureAndAwait(String pid, Map<String, ?> properties, String objectClass) {
        int generation = update(pid, properties);
        await(objectClass, "(&(objectClass=" + objectClass + ")(test.generation=" + generation + "))");
    }

    /**
     * Configures {@code pid} with settings its component must refuse and returns the reason DS recorded for the
     * failed activation; fails if no failed activation shows within {@link #WAIT}.
     */
    public String refusal(String pid, Map<String, ?> properties) throws InterruptedException {
        int generation = update(pid, properties);
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
            // so only a recorded failure counts; a component that accepted the settings never records one.
            throw new AssertionError(pid + " did not refuse " + properties + " within " + WAIT);
        } finally {
            tracker.close();
        }
    }

    /**
     * The service {@code type} as the bundle of {@code user} gets it, once registered: a bundle-scoped service is an
     * instance of that bundle's own.
     */
    public <S> S await(BundleContext user, Class<S> type) {
        return await(user, type.getSimpleName(), "(objectClass=" + type.getName() + ")");
    }

    private <S> S await(String what, String filter) {
        return await(context, what, filter);
    }

    private static <S> S await(BundleContext context, String what, String filter) {
        ServiceTracker<S, S> tracker;
        try {
            tracker = new ServiceTracker<>(context, context.createFilter(filter), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
        tracker.open();
        try {
            S found = tracker.waitForService(WAIT.toMillis());
            if (found == null) {
                throw new AssertionError("no " + what + " matching " + filter + " within " + WAIT);
            }
            return found;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        } finally {
            tracker.close();
        }
    }

    private ConfigurationAdmin configurationAdmin() {
        synchronized (Configurations.class) {
            if (configurationAdmin == null) {
                configurationAdmin = new ServiceTracker<>(context, ConfigurationAdmin.class, null);
                configurationAdmin.open();
            }
        }
        try {
            ConfigurationAdmin admin = configurationAdmin.waitForService(WAIT.toMillis());
            if (admin == null) {
                throw new AssertionError("no ConfigurationAdmin service within " + WAIT);
            }
            return admin;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for ConfigurationAdmin", e);
        }
    }
}
