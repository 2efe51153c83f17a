package org.trackbench.headless.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client of the console socket: a Gogo shell session on the connection, as Equinox gives a terminal or a
 * telnet client (same prompt, same commands). It ends when the client hangs up, types {@code disconnect}, or the
 * console closes.
 */
final class ConsoleConnection implements Runnable, Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleConnection.class);
    /** Equinox's {@code disconnect} command closes what the session holds under this name. */
    private static final String CLOSEABLE = "CLOSEABLE";

    private final SocketChannel channel;
    private final CommandProcessor processor;

    ConsoleConnection(SocketChannel channel, CommandProcessor processor) {
        this.channel = channel;
        this.processor = processor;
    }

    @Override
    public void run() {
        PrintStream out = new PrintStream(ChannelStreams.output(channel), true, StandardCharsets.UTF_8);
        try (CommandSession session = processor.createSession(ChannelStreams.input(channel), out, out)) {
            session.put(CLOSEABLE, this);
            session.execute("gosh --login --noshutdown");
        } catch (Exception e) {
            if (channel.isOpen()) {
                LOG.warn("Console session ended with an error", e);
            }
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Console connection did not close cleanly", e);
        }
    }
}
