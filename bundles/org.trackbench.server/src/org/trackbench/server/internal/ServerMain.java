package org.trackbench.server.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the reference server on its own, outside a framework:
 * {@code ServerMain [--port N] [--data DIR] [--token-env NAME] [--admin-token-env NAME]}. The tokens are read from
 * environment variables ({@code TRACKBENCH_SERVER_TOKEN} and, for the admin API, {@code TRACKBENCH_SERVER_ADMIN_TOKEN}
 * by default) so they never show in a process list.
 */
public final class ServerMain {

    private ServerMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = ServerOptions.DEFAULT_PORT;
        Path data = null;
        String tokenVariable = "TRACKBENCH_SERVER_TOKEN";
        String adminTokenVariable = "TRACKBENCH_SERVER_ADMIN_TOKEN";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(require(args[i], value));
                case "--data" -> data = Path.of(require(args[i], value));
                case "--token-env" -> tokenVariable = require(args[i], value);
                case "--admin-token-env" -> adminTokenVariable = require(args[i], value);
                default -> usage("unknown argument '" + args[i] + "'");
            }
            i++;
        }
        String token = System.getenv(tokenVariable);
        if (token == null || token.isBlank()) {
            usage("set the bearer token clients must send in the environment variable " + tokenVariable);
        }
        String adminToken = System.getenv(adminTokenVariable);
        boolean admin = adminToken != null && !adminToken.isBlank();
        TrackingServer server = new TrackingServer(new ServerOptions("127.0.0.1", port, token, data,
                ServerOptions.DEFAULT_MAX_BODY_BYTES, 1, null, null, admin ? adminToken : null), Clock.systemUTC());
        System.out.println("Reference server on " + server.baseUri() + (data == null ? " (in memory)" : " journaling to " + data)
                + (admin ? "; admin API open to the token in " + adminTokenVariable : "; admin API closed"));
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
                + ")] [--data DIR] [--token-env NAME (default TRACKBENCH_SERVER_TOKEN)]"
                + " [--admin-token-env NAME (default TRACKBENCH_SERVER_ADMIN_TOKEN; unset: no admin API)]");
        System.exit(2);
    }
}
