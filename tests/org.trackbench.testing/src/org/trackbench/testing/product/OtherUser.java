package org.trackbench.testing.product;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second, unprivileged account on this machine, for tests of what it can reach of the first one's Trackbench.
 * Made on first use ({@code useradd}); acting as it takes root ({@code runuser}), so {@link #available()} says
 * whether this run can.
 */
public final class OtherUser {

    public static final String NAME = "trackbench-other";
    private static final long WAIT_SECONDS = 60;

    private OtherUser() {
    }

    /** Whether this test run may act as another user: it runs as root, and runuser and useradd are there. */
    public static boolean available() {
        return "root".equals(System.getProperty("user.name")) && Exit.of("runuser", "--help").status() == 0
                && Exit.of("useradd", "--help").status() == 0;
    }

    /** Runs {@code command} as the other user, making the account first if this machine lacks it. */
    public static Exit run(String... command) {
        if (Exit.of("id", "-u", NAME).status() != 0) {
            Exit made = Exit.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", NAME);
            if (made.status() != 0) {
                throw new IllegalStateException("cannot make the user " + NAME + ": " + made.output());
            }
        }
        List<String> asOther = new ArrayList<>(List.of("runuser", "-u", NAME, "--"));
        asOther.addAll(List.of(command));
        return Exit.of(asOther.toArray(String[]::new));
    }

    /** Starts {@code command} as the other user and leaves it running. */
    public static Process start(String... command) throws IOException {
        run("true");
        List<String> asOther = new ArrayList<>(List.of("runuser", "-u", NAME, "--"));
        asOther.addAll(List.of(command));
        return new ProcessBuilder(asOther).redirectErrorStream(true).start();
    }

    /** How a command ended: its status and everything it printed. */
    public record Exit(int status, String output) {

        static Exit of(String... command) {
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                process.getOutputStream().close();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not end within " + WAIT_SECONDS + " s");
                }
                return new Exit(process.exitValue(), output);
            } catch (IOException e) {
                return new Exit(127, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
