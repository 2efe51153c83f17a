package org.trackbench.headless.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.felix.service.command.CommandProcessor;
import org.eclipse.osgi.service.datalocation.Location;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console its owner reaches with {@code ./trackbench console}: a Unix domain socket, {@value #FILE_NAME} in
 * the data directory, each connection a Gogo shell session. Only the owner can connect: the data directory is
 * made owner-only (0700) before the socket is bound in it and the socket file is 0600, so no other account on
 * the machine can reach it; nothing listens on TCP. It opens only where the launch asks for it, with the
 * framework property {@value #ENABLE_PROPERTY}{@code =socket}: the headless product does, the workbench when
 * started with {@code TRACKBENCH_CONSOLE=1}.
 */
@Component(immediate = true, service = {})
public final class ConsoleSocket {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSocket.class);
    static final String ENABLE_PROPERTY = "trackbench.console";
    static final String FILE_NAME = "console.sock";
    /** What every Unix takes in a socket address (Linux 107, macOS 103 bytes). */
    private static final int LONGEST_PATH = 100;
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path path;
    private final CommandProcessor processor;
    private final ServerSocketChannel server;
    private final Set<ConsoleConnection> connections = ConcurrentHashMap.newKeySet();

    @Activate
    public ConsoleSocket(BundleContext context, @Reference CommandProcessor processor,
            @Reference(target = "(type=osgi.instance.area)") Location instanceArea) {
        this(socketIn(context, instanceArea), processor);
    }

    /** Opens a console on {@code path}, or none when {@code path} is {@code null}. */
    ConsoleSocket(Path path, CommandProcessor processor) {
        this.path = path;
        this.processor = processor;
        if (path == null) {
            this.server = null;
            return;
        }
        try {
            this.server = bind(path);
        } catch (IOException e) {
            throw new UncheckedIOException("The console socket " + path + " cannot be opened: " + e.getMessage()
                    + " (accepted: a data directory owned by this user, the socket's path at most " + LONGEST_PATH
                    + " bytes long)", e);
        }
        Thread acceptor = new Thread(this::accept, "trackbench-console");
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.info("Console open to its owner at {} (./trackbench console)", path);
    }

    @Deactivate
    void close() {
        if (server == null) {
            return;
        }
        try {
            server.close();
            connections.forEach(ConsoleConnection::close);
            Files.deleteIfExists(path);
            LOG.info("Console at {} closed", path);
        } catch (IOException e) {
            LOG.warn("The console socket {} was not removed: {}", path, e.getMessage());
        }
    }

    private static Path socketIn(BundleContext context, Location instanceArea) {
        String wanted = context.getProperty(ENABLE_PROPERTY);
        if (!"socket".equals(wanted)) {
            LOG.info("No console socket: this launch did not ask for one ({}={})", ENABLE_PROPERTY, wanted);
            return null;
        }
        if (instanceArea.getURL() == null) {
            throw new IllegalStateException("No console socket: there is no data directory (start with -data DIR)");
        }
        return Path.of(instanceArea.getURL().getPath()).resolve(FILE_NAME);
    }

    private static ServerSocketChannel bind(Path path) throws IOException {
        Path directory = path.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        if (POSIX) {
            // Root could chmod anyone's directory: ownership is checked, not inferred from the chmod succeeding.
            UserPrincipal owner = Files.getOwner(directory);
            UserPrincipal self = directory.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            if (!owner.equals(self)) {
                throw new IOException(directory + " belongs to " + owner.getName() + ", not to " + self.getName());
            }
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
        removeStale(path);
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.bind(UnixDomainSocketAddress.of(path));
            if (POSIX) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            }
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** A socket left by a killed run answers nothing and is replaced; one that answers belongs to a running Trackbench. */
    private static void removeStale(Path path) throws IOException {
        if (Files.exists(path)) {
            if (answers(path)) {
                throw new IOException("another Trackbench running on this data directory answers on it");
            }
            Files.delete(path);
        }
    }

    private static boolean answers(Path path) {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel channel = server.accept();
                ConsoleConnection connection = new ConsoleConnection(channel, processor);
                connections.add(connection);
                Thread session = new Thread(() -> {
                    try {
                        connection.run();
                    } finally {
                        connections.remove(connection);
                    }
                }, "trackbench-console-session");
                session.setDaemon(true);
                session.start();
            } catch (AsynchronousCloseException closed) {
                return;
            } catch (IOException e) {
                LOG.warn("The console at {} could not accept a connection", path, e);
                pauseAfterFailedAccept();
            }
        }
    }

    /** A failing accept (no file descriptors left, say) is retried a second later, not in a loop that burns a core. */
    private static void pauseAfterFailedAccept() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
