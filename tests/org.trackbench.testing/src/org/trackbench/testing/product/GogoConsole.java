package org.trackbench.testing.product;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * A person at the product's Gogo console through its owner-only socket, as {@code ./trackbench console} connects:
 * types a command, reads what it prints up to the next prompt.
 */
public final class GogoConsole implements AutoCloseable {

    private static final String PROMPT = "g! ";
    private static final byte[] PROMPT_BYTES = PROMPT.getBytes(StandardCharsets.UTF_8);
    private static final Duration ANSWER = Duration.ofSeconds(30);

    private final SocketChannel channel;
    private final Selector selector;

    private GogoConsole(SocketChannel channel, Selector selector) {
        this.channel = channel;
        this.selector = selector;
    }

    /** Connects to the console socket {@code socket} and reads up to its first prompt. */
    public static GogoConsole connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        channel.configureBlocking(false);
        Selector selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
        GogoConsole console = new GogoConsole(channel, selector);
        console.readToPrompt();
        return console;
    }

    /** Types a command line and does not wait for its answer. */
    public void send(String commandLine) {
        ByteBuffer line = ByteBuffer.wrap((commandLine + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (line.hasRemaining()) {
                channel.write(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot type '" + commandLine + "' at the console", e);
        }
    }

    /**
     * Runs one command line and returns its output, without the prompt. A console that stops answering fails the
     * test: callers in lambdas need no checked exception.
     */
    public String run(String commandLine) {
        send(commandLine);
        try {
            return readToPrompt().replace("\r", "").strip();
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to '" + commandLine + "'", e);
        }
    }

    private String readToPrompt() throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        long deadline = System.nanoTime() + ANSWER.toNanos();
        while (!endsWithPrompt(text.toByteArray())) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new IOException("no prompt within " + ANSWER + " after: " + text.toString(StandardCharsets.UTF_8));
            }
            selector.select(left);
            selector.selectedKeys().clear();
            buffer.clear();
            int read = channel.read(buffer);
            if (read < 0) {
                throw new IOException("the console closed the connection after: " + text.toString(StandardCharsets.UTF_8));
            }
            text.write(buffer.array(), 0, read);
        }
        String answer = text.toString(StandardCharsets.UTF_8);
        return answer.substring(0, answer.length() - PROMPT.length());
    }

    private static boolean endsWithPrompt(byte[] text) {
        int start = text.length - PROMPT_BYTES.length;
        return start >= 0 && Arrays.equals(text, start, text.length, PROMPT_BYTES, 0, PROMPT_BYTES.length);
    }

    /** Hangs up; a console whose product was killed is already gone, which is fine. */
    @Override
    public void close() {
        try {
            selector.close();
            channel.close();
        } catch (IOException alreadyGone) {
            // The product was killed under the connection: nothing left to close.
        }
    }
}
