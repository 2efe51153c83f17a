package org.trackbench.testing.product;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.trackbench.testing.Await;

/**
 * A materialized product, the headless one unless said otherwise, launched the way {@code run-product.sh}
 * launches it, as a child process with its own configuration area, settings store and data directory under
 * {@code home}; its output goes to a log of its own in {@code home}. Launching again with the same home is a
 * restart. The products' directories come from the system properties {@code trackbench.product} and
 * {@code trackbench.workbench.product}.
 */
public final class LaunchedProduct implements AutoCloseable {

    public static final Duration START = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;
    private final int consolePort;

    private LaunchedProduct(Process process, Path log, int consolePort) {
        this.process = process;
        this.log = log;
        this.consolePort = consolePort;
    }

    /**
     * Starts the product and waits until it says it is ready; {@code token}, when not {@code null}, is handed over
     * in {@code TRACKBENCH_TOKEN} as {@code ./trackbench run} does for the reference server it starts.
     */
    public static LaunchedProduct launch(Path home, String token) throws IOException {
        return launch(home, token, "Trackbench ready");
    }

    /** Starts the product and waits until its log shows {@code awaited}, e.g. the reason a service could not start. */
    public static LaunchedProduct launch(Path home, String token, String awaited) throws IOException {
        return launch(home, token, awaited, List.of("-Xmx256m"));
    }

    /** As {@link #launch(Path, String, String)}, the JVM started with {@code jvmOptions} (heap limit, GC log, …). */
    public static LaunchedProduct launch(Path home, String token, String awaited, List<String> jvmOptions) throws IOException {
        return launch(product("trackbench.product"), home, token, awaited, jvmOptions);
    }

    /** Starts the workbench product (the display is {@code DISPLAY}'s) and waits until its log shows {@code awaited}. */
    public static LaunchedProduct launchWorkbench(Path home, String awaited) throws IOException {
        return launch(product("trackbench.workbench.product"), home, null, awaited, List.of("-Xmx256m"));
    }

    private static LaunchedProduct launch(Path installed, Path home, String token, String awaited, List<String> jvmOptions)
            throws IOException {
        Path configuration = privateConfiguration(installed, home);
        int port = freePort();
        Path log = nextLog(home);
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dfelix.cm.dir=" + home.resolve("settings"), "-Dorg.slf4j.simpleLogger.logFile=" + log,
                "-jar", launcherJar(installed).toString(), "-configuration", configuration.toString(),
                "-data", home.resolve("data").toString(), "-console", "127.0.0.1:" + port));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.resolveSibling(log.getFileName() + ".out").toFile());
        builder.environment().remove("TRACKBENCH_TOKEN");
        if (token != null) {
            builder.environment().put("TRACKBENCH_TOKEN", token);
        }
        LaunchedProduct product = new LaunchedProduct(builder.start(), log, port);
        Await.until("the product logs '" + awaited + "'", START,
                () -> product.log().contains(awaited) || !product.process.isAlive(), product::log);
        if (!product.process.isAlive()) {
            throw new IllegalStateException("the product exited with " + product.process.exitValue() + ":\n" + product.log());
        }
        return product;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public GogoConsole console() throws IOException {
        return GogoConsole.connect(consolePort);
    }

    /** Sends SIGTERM and waits for the process to end; returns its exit code. */
    public int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(START.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the product did not stop within " + START + " of SIGTERM:\n" + log());
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no orderly stop, as when power fails or the OOM killer strikes. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(START.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("the product survived SIGKILL for " + START);
        }
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** One log per launch: {@code product-1.log}, {@code product-2.log} after a restart, … */
    private static Path nextLog(Path home) throws IOException {
        Files.createDirectories(home);
        for (int launch = 1; ; launch++) {
            Path log = home.resolve("product-" + launch + ".log");
            if (!Files.exists(log)) {
                return log;
            }
        }
    }

    /** Each run gets its own configuration area (bundle cache, locks) seeded from the product's. */
    private static Path privateConfiguration(Path product, Path home) throws IOException {
        Path configuration = home.resolve("configuration");
        if (!Files.exists(configuration)) {
            Path bundles = Path.of("org.eclipse.equinox.simpleconfigurator", "bundles.info");
            Files.createDirectories(configuration.resolve(bundles).getParent());
            Files.copy(product.resolve("configuration/config.ini"), configuration.resolve("config.ini"));
            Files.copy(product.resolve("configuration").resolve(bundles), configuration.resolve(bundles));
        }
        return configuration;
    }

    private static Path product(String property) {
        String directory = System.getProperty(property);
        if (directory == null) {
            throw new IllegalStateException("system property " + property + " is not set; expected the directory of a"
                    + " materialized product (releng/org.trackbench.repository/target/products/…)");
        }
        return Path.of(directory);
    }

    private static Path launcherJar(Path product) throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(product.resolve("plugins"), "org.eclipse.equinox.launcher_*.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        }
        throw new IllegalStateException("no Equinox launcher in " + product + "; build the product first (./trackbench build)");
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
