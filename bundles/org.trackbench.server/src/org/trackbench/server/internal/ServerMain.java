package org.trackbench.server.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the reference server on its own, outside a framework:
 * {@code ServerMain [--port N] [--data DIR] [--token-env NAME]}. The token is read from an environment
 * variable ({@code TRACKBENCH_SERVER_TOKEN} by default) so it never shows in a process list.
 */
public final class ServerMain {

    private ServerMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = ServerOptions.DEFAULT_PORT;
        Path data = null;
        String tokenVariable = "TRACKBENCH_SERVER_TOKEN";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(require(args[i], value));
                case "--data" -> data = Path.of(require(args[i], value));
                case "--token-env" -> tokenVariable = require(args[i], value);
                default -> usage("unknown argument '" + args[i] + "'");
            }
            i++;
        }
        String token = System.getenv(tokenVariable);
        if (token == null || token.isBlank()) {
            usage("set the bearer token clients must send in the environment variable " + tokenVariable);
        }
        TrackingServer server = new TrackingServer(
                new ServerOptions("127.0.0.1", port, token, data, ServerOptions.DEFAULT_MAX_BODY_BYTES, 1, null, null),
                Clock.systemUTC());
        System.out.println("Reference server on " + server.baseUri() + (data == null ? " (in memory)" : " journaling to " + data));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (java.io.IOException e) {
                System.err.println("Reference server did not stop cleanly: " + e);
            }
            stopped.countDown();
        }));
        stopped.await();
    }

    private static String require(String option, String value) {
        if (value == null) {
            usage(option + " needs a value");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println("reference server: " + problem);
        System.err.println("usage: ServerMain [--port N (default " + ServerOptions.DEFAULT_PORT
                + ")] [--data DIR] [--token-env NAME (default TRACKBENCH_SERVER_TOKEN)]");
        System.exit(2);
    }
}
