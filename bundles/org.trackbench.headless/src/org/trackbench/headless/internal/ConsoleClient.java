package org.trackbench.headless.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./trackbench console}: this terminal at the console of the Trackbench running on a data directory,
 * through its owner-only socket ({@link ConsoleSocket}). Lines typed go to the product's Gogo shell and what it
 * prints comes back; end of input (Ctrl-D) or {@code disconnect} leaves, {@code exit} stops Trackbench. Runs
 * outside the framework, on this bundle's jar alone: {@code ConsoleClient <socket>}.
 */
public final class ConsoleClient {

    private ConsoleClient() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            fail(2, "usage: ConsoleClient <console socket, e.g. ~/.local/share/trackbench/" + ConsoleSocket.FILE_NAME + ">");
        }
        Path socket = Path.of(args[0]);
        SocketChannel channel = null;
        try {
            channel = connect(socket);
            SocketChannel connected = channel;
            Thread typing = new Thread(() -> type(connected), "console-typing");
            typing.setDaemon(true);
            typing.start();
            copy(ChannelStreams.input(channel), System.out);
        } catch (IOException e) {
            fail(1, "trackbench console: the connection to " + socket + " failed: " + e.getMessage());
        } finally {
            closeQuietly(channel);
        }
    }

    private static SocketChannel connect(Path socket) throws IOException {
        Path directory = socket.toAbsolutePath().getParent();
        if (Files.isDirectory(directory) && !Files.isExecutable(directory)) {
            fail(1, "trackbench console: " + directory + " belongs to another user; only the user who started"
                    + " Trackbench can reach its console");
        }
        if (!Files.exists(socket)) {
            fail(1, "trackbench console: no console at " + socket + "; start Trackbench (trackbench-headless when"
                    + " installed, ./trackbench run in a checkout; the workbench opens one only when started with"
                    + " TRACKBENCH_CONSOLE=1), or set TRACKBENCH_DATA to the data directory it runs on");
        }
        try {
            return SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new IOException("cannot connect (" + e.getMessage() + "); is Trackbench still running?", e);
        }
    }

    /** What is typed goes to the console; the end of input hangs up, and the console then closes its side. */
    private static void type(SocketChannel channel) {
        try {
            copy(System.in, ChannelStreams.output(channel));
            channel.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(channel);
        }
    }

    private static void copy(InputStream from, OutputStream to) throws IOException {
        byte[] buffer = new byte[8192];
        for (int read = from.read(buffer); read >= 0; read = from.read(buffer)) {
            to.write(buffer, 0, read);
            // The prompt ends without a newline: it must show before the next line is typed.
            to.flush();
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException alreadyClosed) {
                // Nothing left to release.
            }
        }
    }

    private static void fail(int status, String message) {
        System.err.println(message);
        System.exit(status);
    }
}
