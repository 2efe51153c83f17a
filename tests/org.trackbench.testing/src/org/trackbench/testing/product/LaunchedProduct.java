package org.trackbench.testing.product;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.trackbench.testing.Await;

/**
 * A materialized product, the headless one unless said otherwise, launched the way {@code run-product.sh}
 * launches it (its console on the socket in its data directory), as a child process with its own configuration area, settings store and data directory under
 * {@code home}; its output goes to a log of its own in {@code home}. Launching again with the same home is a
 * restart. The products' directories come from the system properties {@code trackbench.product} and
 * {@code trackbench.workbench.product}.
 */
public final class LaunchedProduct implements AutoCloseable {

    public static final Duration START = Duration.ofSeconds(90);
    /** The headless product's console socket in its data directory. */
    public static final String CONSOLE_SOCKET = "console.sock";
    /** The system property naming the headless product's directory. */
    public static final String HEADLESS = "trackbench.product";
    /** The system property naming the workbench product's directory. */
    public static final String WORKBENCH = "trackbench.workbench.product";

    private final Process process;
    private final Path log;
    private final Path consoleSocket;

    private LaunchedProduct(Process process, Path log, Path consoleSocket) {
        this.process = process;
        this.log = log;
        this.consoleSocket = consoleSocket;
    }

    /**
     * Starts the product and waits until it says it is ready; {@code token}, when not {@code null}, is handed over
     * for {@code server} in {@code TRACKBENCH_TOKEN} and {@code TRACKBENCH_SERVER_URL}, as {@code ./trackbench run}
     * does for the reference server it starts.
     */
    public static LaunchedProduct launch(Path home, URI server, String token) throws IOException {
        return launch(home, server, token, "Trackbench ready");
    }

    /** Starts the product and waits until its log shows {@code awaited}, e.g. the reason a service could not start. */
    public static LaunchedProduct launch(Path home, URI server, String token, String awaited) throws IOException {
        return launch(home, server, token, awaited, List.of());
    }

    /**
     * As {@link #launch(Path, URI, String, String)}, the JVM started with {@code jvmOptions} (heap limit, GC log, …)
     * after the product's own.
     */
    public static LaunchedProduct launch(Path home, URI server, String token, String awaited, List<String> jvmOptions)
            throws IOException {
        return launch(installed(HEADLESS), home, token == null ? Map.of()
                : Map.of("TRACKBENCH_SERVER_URL", server.toString(), "TRACKBENCH_TOKEN", token), awaited, jvmOptions);
    }

    /** Starts the workbench product (the display is {@code DISPLAY}'s) and waits until its log shows {@code awaited}. */
    public static LaunchedProduct launchWorkbench(Path home, String awaited) throws IOException {
        return launchWorkbench(home, awaited, List.of());
    }

    /** As {@link #launchWorkbench(Path, String)}, the JVM started with {@code jvmOptions} after the product's own. */
    public static LaunchedProduct launchWorkbench(Path home, String awaited, List<String> jvmOptions) throws IOException {
        return launch(installed(WORKBENCH), home, Map.of(), awaited, jvmOptions);
    }

    /**
     * The class-data sharing options {@code run-product.sh} adds, for launches that measure the product as a person
     * runs it: the first launch on {@code home} writes the archive of the classes it loaded when it exits, later ones
     * map it. (The script keys its archive by JDK build and installation; a test's home sees only one of each.)
     */
    public static List<String> classDataSharing(Path home) {
        Path archive = home.resolve("data").resolve("classes.jsa");
        String option = Files.exists(archive) ? "-XX:SharedArchiveFile=" : "-XX:ArchiveClassesAtExit=";
        return List.of(option + archive, "-Xlog:cds=off,cds+dynamic=off");
    }

    private static LaunchedProduct launch(Path installed, Path home, Map<String, String> environment, String awaited,
            List<String> jvmOptions) throws IOException {
        Path configuration = home.resolve("install").resolve(application(installed)).resolve("configuration");
        Path log = nextLog(home);
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(jvmOptions(installed));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dfelix.cm.dir=" + home.resolve("settings"), "-Dorg.slf4j.simpleLogger.logFile=" + log,
                "-Dderby.stream.error.file=" + home.resolve("derby.log"),
                "-Dosgi.sharedConfiguration.area=" + installed.resolve("configuration"),
                "-Dosgi.configuration.cascaded=true",
                "-jar", launcherJar(installed).toString(), "-configuration", configuration.toString(),
                "-data", home.resolve("data").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.resolveSibling(log.getFileName() + ".out").toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("TRACKBENCH_"));
        builder.environment().putAll(environment);
        LaunchedProduct product = new LaunchedProduct(builder.start(), log, home.resolve("data").resolve(CONSOLE_SOCKET));
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

    /** The product's process, for what it costs (CPU time, resident memory). */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    public GogoConsole console() throws IOException {
        return GogoConsole.connect(consoleSocket);
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

    /** Waits for the product to end by itself (a restart asked for ends it with 23); returns its exit code. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(START.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("the product did not end within " + START + ":\n" + log());
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

    /**
     * The product's application, which names the user's part of the installation as {@code run-product.sh} names it
     * ({@code <data>/install/<application>}): the OSGi configuration area, with the product's own as its read-only
     * parent, and what p2 keeps for the user beside it.
     */
    private static String application(Path installed) throws IOException {
        return Files.readAllLines(installed.resolve("configuration/config.ini"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("eclipse.application=")).map(line -> line.substring(20)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no eclipse.application in " + installed
                        + "/configuration/config.ini"));
    }

    /**
     * The JVM options of the product's launch configuration, as {@code run-product.sh} passes them: the lines after
     * {@code -vmargs} in its {@code eclipse.ini}.
     */
    public static List<String> jvmOptions(Path installed) throws IOException {
        List<String> lines = Files.readAllLines(installed.resolve("eclipse.ini"), StandardCharsets.UTF_8);
        int vmargs = lines.indexOf("-vmargs");
        return vmargs < 0 ? List.of() : lines.subList(vmargs + 1, lines.size()).stream().map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
    }

    /** The directory of a materialized product: {@link #HEADLESS} or {@link #WORKBENCH}. */
    public static Path installed(String property) {
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

    /** The {@code java} this test runs on. */
    public static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
