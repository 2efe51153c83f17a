package org.trackbench.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
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
        return configurations.refusal(PID, settings(directory, 1024));
    }

    public BundleContext context() {
        return context;
    }

    private static Map<String, Object> settings(Path directory, long maxBlobBytes) {
        return Map.of("databaseDirectory", directory.toString(), "maxBlobBytes", maxBlobBytes);
    }
}
