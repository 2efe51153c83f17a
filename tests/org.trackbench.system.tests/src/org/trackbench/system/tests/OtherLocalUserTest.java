package org.trackbench.system.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
import org.trackbench.testing.product.LaunchedProduct;
import org.trackbench.testing.product.OtherUser;
import org.trackbench.testing.product.RunScript;

/**
 * A second account on the machine against Trackbench started by the first as a desktop launcher would (no
 * terminal): it reaches no console, cannot read or change the settings, and a server it runs never gets the
 * token, not even once the owner points the sync at it. Needs root to act as the second account (CI runs as root).
 */
class OtherLocalUserTest {

    private static final Duration DELIVERY = Duration.ofSeconds(60);

    /** Made up per run: no credential lives in the test sources. */
    private final String token = UUID.randomUUID().toString();
    private final Configurations configurations = new Configurations();
    private ReferenceServer server;
    private RunScript trackbench;
    private Process recorder;

    /** The owner's home: others may look into it, as into most homes; Trackbench's data directory must hold. */
    @TempDir
    Path home;

    /** What the second account owns: its copy of the console client and the server it runs. */
    @TempDir
    Path theirs;

    @BeforeEach
    void startTrackbenchAsTheOwner() throws IOException {
        Assumptions.assumeTrue(OtherUser.available(), "acting as another user takes root, runuser and useradd");
        server = configurations.configure("org.trackbench.server", Map.of("port", 0, "token", token, "dataDirectory", ""),
                ReferenceServer.class);
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(theirs, PosixFilePermissions.fromString("rwxrwxrwx"));
        trackbench = RunScript.run(home.resolve("data"), Map.of("TRACKBENCH_SERVER_URL", server.baseUri().toString(),
                "TRACKBENCH_TOKEN", token));
    }

    @AfterEach
    void stopAll() {
        if (recorder != null) {
            recorder.descendants().forEach(ProcessHandle::destroyForcibly);
            recorder.destroyForcibly();
        }
        if (trackbench != null) {
            trackbench.close();
        }
    }

    @Test
    void theSecondAccountReachesNoConsole() throws IOException {
        assertEquals(0, OtherUser.run("ls", home.toString()).status(), "the owner's home itself is open to look into");
        Path client = Files.copy(headlessJar(), theirs.resolve("console-client.jar"));
        Files.setPosixFilePermissions(client, PosixFilePermissions.fromString("rw-r--r--"));

        OtherUser.Exit console = OtherUser.run(java(), "-cp", client.toString(),
                "org.trackbench.headless.internal.ConsoleClient", home.resolve("data/console.sock").toString());

        assertNotEquals(0, console.status(), console.output());
        assertTrue(console.output().contains("belongs to another user"), console.output());
        assertEquals(Set.of(), listeningTcpPorts(trackbench.product()), "the product listens on no TCP port");
        assertTrue(trackbench.console("trackbench:status").contains("sync"), "while its owner reaches it");
    }

    @Test
    void theSecondAccountCannotReadOrChangeTheSettings() {
        try (GogoConsole console = ownerConsole()) {
            console.run("trackbench:config org.trackbench.sync pollIntervalMillis 2000");
        }
        Path settings = home.resolve("data/settings/org/trackbench/sync.config");
        assertTrue(Files.exists(settings), "the owner's change is written");

        assertNotEquals(0, OtherUser.run("cat", settings.toString()).status(), "reading the settings");
        assertNotEquals(0, OtherUser.run("ls", home.resolve("data").toString()).status(), "listing the data directory");
        assertNotEquals(0, OtherUser.run("sh", "-c", "echo 'serverUrl=\"http://127.0.0.1:1\"' >> " + settings).status(),
                "appending to the settings");
        assertNotEquals(0, OtherUser.run("touch", home.resolve("data/settings/org/trackbench/sync.config.new").toString())
                .status(), "writing beside them");
        assertFalse(readString(settings).contains("127.0.0.1:1\""), readString(settings));
    }

    @Test
    void aServerTheSecondAccountRunsNeverGetsTheToken() throws Exception {
        int port = freePort();
        Path requests = theirs.resolve("requests.log");
        recorder = OtherUser.start(java(), fixture("RequestRecorder.java").toString(), Integer.toString(port),
                requests.toString());
        Await.until("the second account's server listens", DELIVERY, () -> readString(requests).contains("listening"),
                () -> "the recorder is " + (recorder.isAlive() ? "running" : "gone"));

        try (GogoConsole console = ownerConsole()) {
            console.run("trackbench:config org.trackbench.sync serverUrl " + server.baseUri());
            String entry = console.run("trackbench:start Before the move").replaceAll("(?s).*entry ([0-9a-f-]{36}).*", "$1");
            Await.until("the start reaches the server the token was handed over for", DELIVERY,
                    () -> server.applied().stream().map(AppliedItem::timeEntryId).anyMatch(entry::equals),
                    () -> console.run("trackbench:status"));

            String moved = console.run("trackbench:config org.trackbench.sync serverUrl http://127.0.0.1:" + port);
            assertTrue(moved.contains("serverUrl = http://127.0.0.1:" + port), moved);
            console.run("trackbench:stop");
            console.run("trackbench:start After the move");
            console.run("trackbench:sync now");
            Await.until("the sync asks for a sign-in instead", DELIVERY,
                    () -> console.run("trackbench:status").contains("no access token set for http://127.0.0.1:" + port),
                    () -> console.run("trackbench:status"));
        }

        String received = readString(requests);
        assertFalse(received.contains(token), received);
        assertFalse(received.contains("Authorization=Bearer"), "no credential of any kind:\n" + received);
    }

    private GogoConsole ownerConsole() {
        try {
            return GogoConsole.connect(home.resolve("data").resolve(LaunchedProduct.CONSOLE_SOCKET));
        } catch (IOException e) {
            throw new IllegalStateException("the owner cannot reach the console:\n" + trackbench.log(), e);
        }
    }

    /** Listening TCP sockets of {@code process}: its socket inodes matched against the kernel's table. */
    private static Set<Integer> listeningTcpPorts(ProcessHandle process) throws IOException {
        Set<String> inodes = new HashSet<>();
        Path proc = Path.of("/proc", Long.toString(process.pid()));
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(proc.resolve("fd"))) {
            for (Path descriptor : descriptors) {
                String target = Files.readSymbolicLink(descriptor).toString();
                if (target.startsWith("socket:[")) {
                    inodes.add(target.substring("socket:[".length(), target.length() - 1));
                }
            }
        }
        Set<Integer> ports = new HashSet<>();
        for (String table : List.of("tcp", "tcp6")) {
            try (Stream<String> lines = Files.lines(proc.resolve("net").resolve(table))) {
                lines.skip(1).map(line -> line.trim().split("\\s+"))
                        .filter(fields -> fields[3].equals("0A") && inodes.contains(fields[9]))
                        .forEach(fields -> ports.add(Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1), 16)));
            }
        }
        return ports;
    }

    private Path fixture(String name) throws IOException {
        Path copy = theirs.resolve(name);
        try (InputStream source = getClass().getClassLoader().getResourceAsStream("fixtures/" + name)) {
            Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
        return copy;
    }

    private static Path headlessJar() throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(
                Path.of(System.getProperty("trackbench.product"), "plugins"), "org.trackbench.headless_*.jar")) {
            return jars.iterator().next();
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElseThrow();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String readString(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
