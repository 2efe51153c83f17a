package org.trackbench.queue.derby.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * A second JVM holding a Derby database open with Derby's own {@code ij} tool, as another Trackbench
 * instance would. The jars come from the running framework's Derby bundles.
 */
final class DerbyInAnotherProcess implements AutoCloseable {

    private static final List<String> DERBY_BUNDLES = List.of("derby", "org.apache.derby.shared", "org.apache.derby.tools");

    private final Process process;

    private DerbyInAnotherProcess(Process process) {
        this.process = process;
    }

    static DerbyInAnotherProcess holding(BundleContext context, Path database, Duration wait)
            throws IOException, InterruptedException {
        String classPath = Stream.of(context.getBundles()).filter(b -> DERBY_BUNDLES.contains(b.getSymbolicName()))
                .map(bundle -> file(context, bundle)).collect(Collectors.joining(java.io.File.pathSeparator));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dderby.stream.error.file=" + database.resolveSibling("ij-derby.log"), "-cp", classPath,
                "org.apache.derby.tools.ij").redirectErrorStream(true).start();
        DerbyInAnotherProcess holder = new DerbyInAnotherProcess(process);
        Writer input = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        input.write("connect 'jdbc:derby:" + database + "';\nvalues 'connected';\n");
        input.flush();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + wait.toNanos();
        StringBuilder seen = new StringBuilder();
        for (String line = output.readLine(); line != null && System.nanoTime() < deadline; line = output.readLine()) {
            seen.append(line).append('\n');
            if (line.contains("connected")) {
                return holder;
            }
        }
        holder.close();
        throw new IOException("ij did not open " + database + ":\n" + seen);
    }

    /** The bundle's jar; Equinox resolves relative {@code reference:file:} locations against the install area. */
    private static String file(BundleContext context, Bundle bundle) {
        String location = bundle.getLocation();
        Path path = Path.of(location.substring(location.indexOf("file:") + "file:".length()));
        if (!path.isAbsolute()) {
            String installArea = context.getProperty("osgi.install.area");
            path = Path.of(installArea.substring(installArea.indexOf("file:") + "file:".length())).resolve(path);
        }
        return path.normalize().toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
