package org.trackbench.testing.product;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.trackbench.testing.Await;

/**
 * Trackbench as a person starts it: {@code ./trackbench run} in the checkout named by the system property
 * {@code trackbench.root}, headless, with its data in {@code data} and its standard input not a terminal (as a
 * desktop launcher starts it); {@code ./trackbench console} as they reach it.
 */
public final class RunScript implements AutoCloseable {

    private final Process process;
    private final Path data;
    private final Path output;

    private RunScript(Process process, Path data, Path output) {
        this.process = process;
        this.data = data;
        this.output = output;
    }

    /** Runs {@code ./trackbench run} with {@code environment} added and waits until the product is ready. */
    public static RunScript run(Path data, Map<String, String> environment) throws IOException {
        Path output = Files.createTempFile("trackbench-run", ".out");
        ProcessBuilder builder = new ProcessBuilder(script().toString(), "run").redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("TRACKBENCH_"));
        builder.environment().put("TRACKBENCH_DATA", data.toString());
        builder.environment().put("TRACKBENCH_HEADLESS", "1");
        builder.environment().putAll(environment);
        RunScript run = new RunScript(builder.start(), data, output);
        Await.until("./trackbench run says Trackbench is ready", LaunchedProduct.START,
                () -> run.log().contains("Trackbench ready") || !run.process.isAlive(), run::output);
        if (!run.process.isAlive()) {
            throw new IllegalStateException("./trackbench run exited with " + run.process.exitValue() + ":\n"
                    + run.output());
        }
        return run;
    }

    /** Runs {@code ./trackbench console} for this run's data, typing {@code lines}; returns what it printed. */
    public String console(String... lines) {
        try {
            ProcessBuilder builder = new ProcessBuilder(script().toString(), "console").redirectErrorStream(true);
            builder.environment().put("TRACKBENCH_DATA", data.toString());
            Process console = builder.start();
            console.getOutputStream().write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            console.getOutputStream().close();
            String printed = new String(console.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!console.waitFor(LaunchedProduct.START.toSeconds(), TimeUnit.SECONDS) || console.exitValue() != 0) {
                throw new IllegalStateException("./trackbench console failed:\n" + printed);
            }
            return printed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The product's own process: the JVM that {@code ./trackbench run} started. */
    public ProcessHandle product() {
        return process.descendants()
                .filter(child -> child.info().commandLine().orElse("").contains("org.eclipse.equinox.launcher")).findFirst().orElseThrow(() -> new IllegalStateException("no product JVM under ./trackbench run"));
    }

    /** What {@code ./trackbench run} printed. */
    public String output() {
        return read(output);
    }

    /** The product's log. */
    public String log() {
        return read(data.resolve("trackbench.log"));
    }

    /** SIGTERM, as Ctrl-C or a desktop session's end gives it; returns the exit code. */
    public int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(LaunchedProduct.START.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("./trackbench run did not stop within " + LaunchedProduct.START + ":\n"
                    + output());
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        all.forEach(ProcessHandle::destroyForcibly);
        try {
            Files.deleteIfExists(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path script() {
        String root = Optional.ofNullable(System.getProperty("trackbench.root")).orElseThrow(() -> new IllegalStateException(
                "system property trackbench.root is not set; expected the checkout holding ./trackbench"));
        return Path.of(root, "trackbench");
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
