package org.trackbench.system.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackbench.server.AppliedItem;
import org.trackbench.server.ReferenceServer;
import org.trackbench.testing.Await;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.product.GogoConsole;
import org.trackbench.testing.product.OtherUser;

/**
 * The {@code .deb} as a person installs it: unpacked into a clean root this test makes, its headless launcher started
 * with no JDK on the {@code PATH} (the package brings its own runtime), an item delivered to the reference server.
 * The installation is never written; a second instance on the same data is refused; a second account runs the
 * same installation on data of its own, which the first cannot reach.
 */
class PackageInstallTest {

    private static final Duration START = Duration.ofSeconds(90);
    /** What the launchers use; {@code java} is not among them. */
    private static final List<String> TOOLS = List.of("bash", "sh", "env", "sed", "grep", "cat", "mkdir", "chmod", "mv",
            "rm", "head", "tail", "base64", "tr", "readlink", "dirname", "basename", "cksum", "cut", "flock", "sleep",
            "kill", "ls");

    /** Made up per run: no credential lives in the test sources. */
    private final String token = UUID.randomUUID().toString();
    private final Configurations configurations = new Configurations();
    private final List<Process> started = new ArrayList<>();
    private ReferenceServer server;
    private Path installation;
    private Path noJdk;

    @TempDir
    Path root;

    @BeforeEach
    void installTheDeb() throws Exception {
        Path deb = deb();
        assertTrue(run("dpkg-deb", "-f", deb.toString(), "Depends").contains("libgtk-3-0"), "the package says what it needs");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path system = Files.createDirectories(root.resolve("system"));
        run("dpkg-deb", "-x", deb.toString(), system.toString());
        installation = system.resolve("opt/trackbench");
        noJdk = Files.createDirectories(root.resolve("bin"));
        for (String tool : TOOLS) {
            Files.createSymbolicLink(noJdk.resolve(tool), Path.of(run("sh", "-c", "command -v " + tool).strip()));
        }
        server = configurations.configure("org.trackbench.server", Map.of("port", 0, "token", token, "dataDirectory", ""),
                ReferenceServer.class);
    }

    @AfterEach
    void stopAll() {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void installedItRunsOnItsOwnJavaAndDeliversWithoutWritingTheInstallation() throws Exception {
        List<String> installed = files(installation);
        assertNotEquals(0, new ProcessBuilder("/usr/bin/env", "-i", "PATH=" + noJdk, "sh", "-c", "command -v java")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(), "no java on the PATH");
        Path home = Files.createDirectories(root.resolve("ana"));
        Path data = home.resolve(".local/share/trackbench");

        Process launcher = start(home, List.of());
        awaitReady(data, launcher);
        ProcessHandle java = launcher.descendants().filter(p -> p.info().command().orElse("").endsWith("/java"))
                .findFirst().orElseThrow();
        assertEquals(installation.resolve("runtime/bin/java").toString(), java.info().command().orElse(""),
                "the product runs on the runtime inside the package");
        try (GogoConsole console = GogoConsole.connect(data.resolve("console.sock"))) {
            console.run("trackbench:config org.trackbench.sync serverUrl " + server.baseUri());
            String entry = console.run("trackbench:start Installed from the package")
                    .replaceAll("(?s).*entry ([0-9a-f-]{36}).*", "$1");
            Await.until("the start reaches the server", START,
                    () -> server.applied().stream().map(AppliedItem::timeEntryId).anyMatch(entry::equals),
                    () -> console.run("trackbench:status"));
        }

        Process second = start(home, List.of());
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "a second instance on the same data ends at once");
        String refused = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, second.exitValue(), refused);
        assertTrue(refused.contains("another Trackbench") && refused.contains(data.toString()), refused);
        assertTrue(launcher.isAlive(), "the first instance runs on");
        assertEquals(installed, files(installation), "the installation is never written");
        assertEquals(List.of(), files(data.resolve("install")).stream()
                .filter(file -> !file.equals("org.trackbench.headless.application/")
                        && !file.startsWith("org.trackbench.headless.application/configuration/")).toList(),
                "the OSGi configuration area is the user's, one per product; p2 keeps nothing until a plug-in is added");
    }

    @Test
    void aSecondAccountRunsTheSameInstallationOnItsOwnData() throws Exception {
        Assumptions.assumeTrue(OtherUser.available(), "acting as another user takes root");
        Path ownerHome = Files.createDirectories(root.resolve("ana"));
        Path ownerData = ownerHome.resolve(".local/share/trackbench");
        awaitReady(ownerData, start(ownerHome, List.of()));
        try (GogoConsole console = GogoConsole.connect(ownerData.resolve("console.sock"))) {
            console.run("trackbench:start Ana's work");
        }
        Path theirHome = Files.createDirectories(root.resolve("ben"));
        Files.setPosixFilePermissions(theirHome, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path theirData = theirHome.resolve(".local/share/trackbench");

        Process theirs = OtherUser.start(launchCommand(theirHome).toArray(String[]::new));
        started.add(theirs);
        awaitReady(theirData, theirs);
        OtherUser.Exit status = OtherUser.run("sh", "-c", "echo trackbench:status | " + String.join(" ",
                environment(theirHome)) + " " + installation.resolve("bin/trackbench-headless") + " --console");

        assertTrue(status.output().contains("tracker     idle") && status.output().contains("pending 0"),
                "their queue holds none of Ana's records:\n" + status.output());
        assertNotEquals(0, OtherUser.run("ls", ownerData.toString()).status(), "Ana's data is closed to them");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(theirData)));
        assertNotEquals(0, OtherUser.run("touch", installation.resolve("theirs").toString()).status(),
                "the installation is not theirs to write");
    }

    private Process start(Path home, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(launchCommand(home));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        started.add(process);
        return process;
    }

    /** The headless launcher in a clean environment: a home, the PATH without java, the server and its token. */
    private List<String> launchCommand(Path home) {
        List<String> command = new ArrayList<>(environment(home));
        command.add(installation.resolve("bin/trackbench-headless").toString());
        return command;
    }

    private List<String> environment(Path home) {
        return List.of("/usr/bin/env", "-i", "HOME=" + home, "PATH=" + noJdk, "TRACKBENCH_SERVER_URL=" + server.baseUri(),
                "TRACKBENCH_TOKEN=" + token);
    }

    private static void awaitReady(Path data, Process launcher) {
        Path log = data.resolve("trackbench.log");
        Await.until("the installed product is ready", START, () -> read(log).contains("Trackbench ready") || !launcher.isAlive(),
                () -> read(log));
        assertTrue(launcher.isAlive(), "the launcher ended:\n" + read(log));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every path under {@code directory}, relative to it, with its size and modification time. */
    private static List<String> files(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(path -> !path.equals(directory)).map(path -> {
                try {
                    return directory.relativize(path) + (Files.isDirectory(path) ? "/" : " " + Files.size(path) + " "
                            + Files.getLastModifiedTime(path));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sorted().toList();
        }
    }

    private static Path deb() throws IOException {
        Path packages = Path.of(Optional.ofNullable(System.getProperty("trackbench.packages")).orElseThrow(
                () -> new IllegalStateException("system property trackbench.packages is not set; expected"
                        + " releng/org.trackbench.repository/target/packages")));
        try (DirectoryStream<Path> debs = Files.newDirectoryStream(packages, "trackbench_*_amd64.deb")) {
            for (Path deb : debs) {
                return deb;
            }
        }
        throw new IllegalStateException("no .deb in " + packages + "; build it with ./trackbench package");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ":\n" + output);
        return output;
    }
}
