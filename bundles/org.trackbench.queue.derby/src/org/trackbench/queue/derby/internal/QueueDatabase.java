package org.trackbench.queue.derby.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.derby.jdbc.EmbeddedDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackbench.core.queue.QueueException;
import org.trackbench.core.queue.StorageFullException;
import org.trackbench.core.queue.StorageShortage;

/**
 * The embedded Derby database behind the store: opening it (creating or migrating the schema), running
 * work in transactions, and shutting it down cleanly. It never deletes or rewrites a file it did not
 * create; a database it cannot open is reported and left as it is.
 *
 * <p>A full disk is a state, not a crash: Derby refuses writes from then on (it makes the database read-only once it
 * could not write its log) and only a new boot takes writes again. So the database tells its listener, keeps
 * answering reads, refuses writes at once (a write Derby might still squeeze into a page it holds would make the
 * state depend on luck), and boots itself again once there is room, found by the next call or by a check every few
 * seconds.
 */
final class QueueDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueueDatabase.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final String SHUTDOWN_OK_STATE = "08006";
    /** Deadlock victim and lock timeout: the transaction was rolled back whole and may simply run again. */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40XL1");
    private static final int MAX_ATTEMPTS = 3;
    /** SQLState class 08: the connection is gone, not the transaction's fault. */
    private static final String CONNECTION_CLOSED_CLASS = "08";
    private static final int IDLE_CONNECTIONS = 16;
    private static final long ROOM_CHECK_SECONDS = 5;

    // Used directly rather than through DriverManager, whose caller checks do not fit OSGi class loaders.
    private final Driver driver = new EmbeddedDriver();
    private final Path directory;
    private final String url;
    private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(IDLE_CONNECTIONS);
    private final DiskSpace space;
    private final Consumer<Optional<StorageShortage>> storageListener;
    /** Transactions share it; a new boot after a full disk takes it alone. */
    private final ReadWriteLock boot = new ReentrantReadWriteLock();
    private volatile StorageShortage shortage;
    /** What first said the disk was full: the cause of every refusal until there is room. */
    private Throwable fullCause;
    private ScheduledExecutorService roomCheck;

    private QueueDatabase(Path directory, Consumer<Optional<StorageShortage>> storageListener) {
        this.directory = directory;
        this.url = "jdbc:derby:" + directory;
        this.space = new DiskSpace(directory);
        this.storageListener = storageListener;
    }

    /**
     * Opens the database in {@code directory}, creating it if the directory does not exist yet, and brings
     * its schema to the current version. {@code storageListener} hears when the disk fills up and when it has room
     * again.
     *
     * @throws QueueException naming the directory and the reason when it cannot be opened
     */
    static QueueDatabase open(Path directory, Consumer<Optional<StorageShortage>> storageListener) {
        boolean create = checkDirectory(directory);
        if (create) {
            createPrivately(directory);
        } else {
            restrictToOwner(directory);
        }
        QueueDatabase database = new QueueDatabase(directory, storageListener);
        try {
            if (database.migrate(false) < SchemaMigrator.BOOT_SETTINGS_VERSION) {
                LOG.info("Queue database at {}: booting it again, so that its new log settings apply", directory);
                database.closeIdleConnections();
                database.shutdown();
            }
            LOG.info("Queue database {} at {} (schema version {})", create ? "created" : "opened", directory,
                    SchemaMigrator.CURRENT_VERSION);
            return database;
        } catch (QueueException e) {
            database.close();
            throw new QueueException("Cannot open the queue database at " + directory + ": " + e.getMessage()
                    + ". The files were left untouched; restore a backup, or move the directory aside to start"
                    + " with an empty queue.", e);
        }
    }

    /**
     * Creates the database in a directory beside {@code directory} that only this user may enter, and moves it into
     * place whole: no other account can reach its files at any moment (Derby gives them the umask's modes), and a
     * creation cut short leaves nothing at {@code directory}. Booted there, it runs with its log settings.
     */
    private static void createPrivately(Path directory) {
        Path staging = directory.resolveSibling("." + directory.getFileName() + ".creating");
        Path created = staging.resolve(directory.getFileName());
        try {
            deleteLeftover(staging);
            Files.createDirectory(staging, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try (QueueDatabase database = new QueueDatabase(created, shortage -> {
            })) {
                database.migrate(true);
            }
            Files.setPosixFilePermissions(created, OWNER_ONLY);
            // Replaces an empty directory: the one place, besides nothing, where a new database may be created.
            Files.move(created, directory, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(staging);
        } catch (IOException | RuntimeException e) {
            QueueException failure = new QueueException("Cannot create the queue database at " + directory + ": "
                    + (e instanceof QueueException ? e.getMessage() : e.toString()), e);
            try {
                deleteLeftover(staging);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    /** A creation cut short left its directory behind; it was never a database anyone used. */
    private static void deleteLeftover(Path staging) throws IOException {
        if (!Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        LOG.info("Deleting {}, left by a creation of the queue database that was cut short", staging);
        try (Stream<Path> paths = Files.walk(staging)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * Other accounts on this machine cannot reach the database's files, whatever their modes: the directory is its
     * owner's only. A database created before Trackbench made it so is closed here.
     */
    private static void restrictToOwner(Path directory) {
        try {
            if (!Files.getPosixFilePermissions(directory).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(directory, OWNER_ONLY);
                LOG.info("Queue database directory {} made accessible to its owner only", directory);
            }
        } catch (IOException e) {
            throw new QueueException("Cannot make the queue database directory " + directory + " its owner's only ("
                    + e + "); give this user ownership of it or configure another databaseDirectory."
                    + " The files were left untouched.", e);
        }
    }

    /** Returns whether the database must be created; rejects directories it must not touch. */
    private static boolean checkDirectory(Path directory) {
        if (Files.isRegularFile(directory.resolve("service.properties"))) {
            if (!Files.isWritable(directory) || !Files.isWritable(directory.resolve("seg0"))) {
                throw new QueueException("The queue database at " + directory
                        + " is not writable; give this user write access to it or configure another databaseDirectory."
                        + " The files were left untouched.");
            }
            return false;
        }
        if (Files.exists(directory) && !isEmptyDirectory(directory)) {
            throw new QueueException(directory + " exists but holds no Derby database (no service.properties);"
                    + " move it aside or configure another databaseDirectory. The files were left untouched.");
        }
        try {
            Files.createDirectories(directory.getParent());
        } catch (IOException e) {
            throw new QueueException("Cannot create the parent of the queue database directory " + directory
                    + ": " + e, e);
        }
        if (!Files.isWritable(directory.getParent())) {
            throw new QueueException("Cannot create the queue database in " + directory.getParent()
                    + ": the directory is not writable; configure a writable databaseDirectory.");
        }
        return true;
    }

    private static boolean isEmptyDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Derby's system-wide settings, read when a database boots; a value the user set is left alone. */
    /** Brings the schema to the current version; returns the version the database had before. */
    private int migrate(boolean create) {
        Connection connection = connect(create ? ";create=true" : "");
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            closeAfterFailure(connection, e);
            throw new QueueException(describe(e), e);
        }
        return once(connection, SchemaMigrator::migrate);
    }

    /** Runs {@code work}, which only reads, in one transaction; it answers while the disk is full. */
    <T> T read(SqlWork<T> work) {
        reopenIfRoom();
        return transaction(work);
    }

    /**
     * Runs {@code work} in one transaction: committed durably if it returns, rolled back if it throws.
     *
     * @throws StorageFullException when the disk is full; nothing was changed then
     */
    <T> T write(SqlWork<T> work) {
        reopenIfRoom();
        StorageFullException refused = refusal();
        if (refused != null) {
            throw refused;
        }
        return transaction(work);
    }

    /** While the disk is full: the refusal of a write, with the room measured now; {@code null} otherwise. */
    private synchronized StorageFullException refusal() {
        return shortage == null ? null : new StorageFullException(diskFull(fullCause), fullCause);
    }

    private <T> T transaction(SqlWork<T> work) {
        boot.readLock().lock();
        try {
            return retryingConflicts(work);
        } catch (QueueException e) {
            if (space.ranOut(e)) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new StorageFullException(diskFull(cause), cause);
            }
            throw e;
        } finally {
            boot.readLock().unlock();
        }
    }

    private <T> T retryingConflicts(SqlWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(borrow(), work);
            } catch (QueueException e) {
                if (attempt == MAX_ATTEMPTS || !(e.getCause() instanceof SQLException sql)) {
                    throw e;
                }
                if (isConnectionClosed(sql)) {
                    // Derby shuts a database down after a severe error (a full disk): every pooled connection is dead.
                    closeIdleConnections();
                    LOG.debug("Retrying a transaction on a new connection ({})", sql.getSQLState());
                } else if (TRANSIENT_STATES.contains(sql.getSQLState())) {
                    LOG.debug("Retrying a transaction after a transient lock conflict ({})", sql.getSQLState());
                } else {
                    throw e;
                }
            }
        }
    }

    private static boolean isConnectionClosed(SQLException failure) {
        return failure.getSQLState() != null && failure.getSQLState().startsWith(CONNECTION_CLOSED_CLASS);
    }

    /** The disk is full while this is present. */
    Optional<StorageShortage> shortage() {
        return Optional.ofNullable(shortage);
    }

    /** Records the full disk, the first time with a warning and a check for room every few seconds. */
    private synchronized StorageShortage diskFull(Throwable cause) {
        StorageShortage known = shortage;
        shortage = space.shortage(known == null ? Clock.systemUTC().instant() : known.since());
        if (known == null) {
            fullCause = cause;
            LOG.warn("Queue database: {}. Everything stored is kept; writes are refused until there is room.",
                    shortage.describe());
            roomCheck = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "Trackbench queue: waiting for disk space");
                thread.setDaemon(true);
                return thread;
            });
            roomCheck.scheduleWithFixedDelay(this::reopenIfRoom, ROOM_CHECK_SECONDS, ROOM_CHECK_SECONDS, TimeUnit.SECONDS);
            storageListener.accept(Optional.of(shortage));
        }
        return shortage;
    }

    /**
     * After a full disk, once there is room again: shuts the database down, so that the next connection boots it
     * and it takes writes again. Transactions in progress finish first.
     */
    private void reopenIfRoom() {
        if (shortage == null || !space.hasRoom()) {
            return;
        }
        boot.writeLock().lock();
        try {
            synchronized (this) {
                if (shortage == null) {
                    return;
                }
                closeIdleConnections();
                shutdown();
                shortage = null;
                fullCause = null;
                roomCheck.shutdown();
                roomCheck = null;
            }
        } finally {
            boot.writeLock().unlock();
        }
        LOG.info("Queue database at {}: the disk has room again; writes are taken again", directory);
        storageListener.accept(Optional.empty());
    }

    private <T> T once(Connection connection, SqlWork<T> work) {
        try {
            T result = work.run(connection);
            connection.commit();
            giveBack(connection);
            return result;
        } catch (SQLException | RuntimeException e) {
            rollback(connection, e);
            giveBack(connection);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new QueueException(describe((SQLException) e), e);
        } catch (Error e) {
            // A class that failed to load, say: nothing of the transaction may stay, nor may its connection be reused.
            rollback(connection, e);
            closeAfterFailure(connection, e);
            throw e;
        }
    }

    /**
     * An idle connection, or a new one. Reusing connections halves the cost of a small transaction; Derby
     * connections are not thread-safe, so each is used by one thread at a time.
     */
    private Connection borrow() {
        Connection idleConnection = idle.poll();
        return idleConnection != null ? idleConnection : openConnection();
    }

    private void giveBack(Connection connection) {
        try {
            if (connection.isClosed()) {
                return;
            }
            if (!idle.offer(connection)) {
                connection.close();
            }
        } catch (SQLException e) {
            LOG.debug("Dropping a queue database connection that failed to close", e);
        }
    }

    private Connection connect(String attributes) {
        try {
            return driver.connect(url + attributes, new Properties());
        } catch (SQLException e) {
            throw new QueueException(describe(e), e);
        }
    }

    private static void closeAfterFailure(Connection connection, Throwable failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private String describe(SQLException e) {
        StringBuilder message = new StringBuilder("Queue database at ").append(directory).append(" failed: ");
        message.append(e.getMessage()).append(" (SQLState ").append(e.getSQLState()).append(')');
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !e.getMessage().contains(cause.getMessage())) {
                message.append("; ").append(cause.getMessage());
            }
        }
        return message.toString();
    }

    /** A manual-commit connection the caller closes, for reads that outlive one method call. */
    Connection openConnection() {
        Connection connection = connect("");
        try {
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            closeAfterFailure(connection, e);
            throw new QueueException(describe(e), e);
        }
    }

    /** Shuts the database down so the next start finds it consistent without recovery. */
    @Override
    public void close() {
        synchronized (this) {
            if (roomCheck != null) {
                roomCheck.shutdownNow();
            }
        }
        closeIdleConnections();
        shutdown();
    }

    private void closeIdleConnections() {
        for (Connection connection = idle.poll(); connection != null; connection = idle.poll()) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing an idle queue database connection failed", e);
            }
        }
    }

    private void shutdown() {
        try (Connection ignored = driver.connect(url + ";shutdown=true", new Properties())) {
            LOG.warn("Queue database at {} did not report its shutdown", directory);
        } catch (SQLException e) {
            if (SHUTDOWN_OK_STATE.equals(e.getSQLState())) {
                LOG.info("Queue database at {} shut down", directory);
            } else if (!"XJ004".equals(e.getSQLState())) {
                LOG.warn("Queue database at {} did not shut down cleanly; Derby recovers it at the next start",
                        directory, e);
            }
        }
    }
}
