package org.trackbench.testing.product;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A source tree built as someone else would build it: copied without build output (nor version control or the
 * bootstrapped Maven), then built with the Maven that runs this build, offline on its local repository (system
 * properties {@code trackbench.maven.home} and {@code trackbench.maven.repository}).
 */
public final class SourceBuild {

    private final Path directory;

    private SourceBuild(Path directory) {
        this.directory = directory;
    }

    /** Copies {@code sources} to {@code copy} as a checkout holds them, without anything built. */
    public static SourceBuild copy(Path sources, Path copy) throws IOException {
        try (Stream<Path> paths = Files.walk(sources)) {
            for (Path path : paths.filter(path -> !buildOutput(sources.relativize(path).toString())).toList()) {
                Path to = copy.resolve(sources.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(path, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return new SourceBuild(copy);
    }

    public Path directory() {
        return directory;
    }

    /**
     * Runs Maven with {@code arguments} in the copy and returns its output.
     *
     * @throws AssertionError with the output when the build fails or takes longer than {@code limit}
     */
    public String maven(Duration limit, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("trackbench.maven.home"), "bin", "mvn").toString(), "-B", "-o", "-q",
                "--no-transfer-progress", "-Dmaven.repo.local=" + System.getProperty("trackbench.maven.repository")));
        command.addAll(List.of(arguments));
        Path log = directory.resolve("build.log");
        Process build = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!build.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            build.destroyForcibly();
            throw new AssertionError("the build of " + directory + " took more than " + limit + ":\n" + read(log));
        }
        if (build.exitValue() != 0) {
            throw new AssertionError("the build of " + directory + " failed:\n" + read(log));
        }
        return read(log);
    }

    private static boolean buildOutput(String relative) {
        return relative.matches("(.*/)?target(/.*)?|\\.git(/.*)?|\\.mvn/bootstrap(/.*)?");
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
