package org.trackbench.testing.product;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.apache.commons.net.telnet.EchoOptionHandler;
import org.apache.commons.net.telnet.InvalidTelnetOptionException;
import org.apache.commons.net.telnet.SuppressGAOptionHandler;
import org.apache.commons.net.telnet.TelnetClient;
import org.apache.commons.net.telnet.TerminalTypeOptionHandler;

/** A person at the product's Gogo console over telnet: types a command, reads what it prints up to the next prompt. */
public final class GogoConsole implements AutoCloseable {

    private static final String PROMPT = "g! ";
    private static final byte[] PROMPT_BYTES = PROMPT.getBytes(StandardCharsets.UTF_8);
    private static final Duration ANSWER = Duration.ofSeconds(30);

    private final TelnetClient telnet;
    private final InputStream in;
    private final OutputStream out;

    private GogoConsole(TelnetClient telnet) {
        this.telnet = telnet;
        this.in = telnet.getInputStream();
        this.out = telnet.getOutputStream();
    }

    public static GogoConsole connect(int port) throws IOException {
        TelnetClient telnet = new TelnetClient();
        try {
            telnet.addOptionHandler(new TerminalTypeOptionHandler("xterm", false, false, true, false));
            telnet.addOptionHandler(new EchoOptionHandler(false, false, true, false));
            telnet.addOptionHandler(new SuppressGAOptionHandler(true, true, true, true));
        } catch (InvalidTelnetOptionException e) {
            throw new IllegalStateException(e);
        }
        telnet.setConnectTimeout((int) ANSWER.toMillis());
        telnet.connect("127.0.0.1", port);
        telnet.setSoTimeout((int) ANSWER.toMillis());
        GogoConsole console = new GogoConsole(telnet);
        console.readToPrompt();
        return console;
    }

    /** Types a command line and does not wait for its answer. */
    public void send(String commandLine) {
        try {
            out.write((commandLine + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot type '" + commandLine + "' at the console", e);
        }
    }

    /**
     * Runs one command line and returns its output, without the echoed line and the prompt. A console that
     * stops answering fails the test: callers in lambdas need no checked exception.
     */
    public String run(String commandLine) {
        send(commandLine);
        String answer;
        try {
            answer = readToPrompt().replace("\r", "");
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to '" + commandLine + "'", e);
        }
        int echoEnd = answer.indexOf('\n');
        return echoEnd < 0 ? "" : answer.substring(echoEnd + 1).strip();
    }

    private String readToPrompt() throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try {
            while (!endsWithPrompt(text.toByteArray())) {
                int read = in.read();
                if (read < 0) {
                    throw new IOException("the console closed the connection after: " + text);
                }
                text.write(read);
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("no prompt within " + ANSWER + " after: " + text, e);
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
            telnet.disconnect();
        } catch (IOException alreadyGone) {
            // The product was killed under the connection: nothing left to close.
        }
    }
}
