package org.trackbench.headless.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackbench.testing.Await;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.product.GogoConsole;

/** The owner's console socket over the registry's Gogo: a real Unix domain socket and real shell sessions. */
class ConsoleSocketTest {

    private final Configurations configurations = new Configurations();

    @TempDir
    Path home;

    private Path data;
    private ConsoleSocket console;

    @BeforeEach
    void givenADataDirectoryOthersCouldRead() throws IOException {
        data = Files.createDirectory(home.resolve("data"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }

    @AfterEach
    void closeConsole() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void commandsRunInASessionOnTheSocket() throws IOException {
        console = open();

        try (GogoConsole session = GogoConsole.connect(socket())) {
            assertEquals("hello", session.run("echo hello"));
            assertTrue(session.run("lb -s").contains("org.trackbench.headless"), "the framework's commands are there");
        }
    }

    @Test
    void onlyItsOwnerCanReachIt() throws IOException {
        console = open();

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)),
                "the data directory is made owner-only before the socket is bound in it");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket())));
    }

    @Test
    void twoSessionsAtOnceKeepTheirOwnState() throws IOException {
        console = open();

        try (GogoConsole first = GogoConsole.connect(socket()); GogoConsole second = GogoConsole.connect(socket())) {
            first.run("who = first");
            second.run("who = second");
            assertEquals("first", first.run("echo $who"));
            assertEquals("second", second.run("echo $who"));
        }
    }

    @Test
    void aSocketLeftByAKilledRunIsReplaced() throws IOException {
        ServerSocketChannel killed = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        killed.bind(UnixDomainSocketAddress.of(socket()));
        killed.close();
        assertTrue(Files.exists(socket()), "a closed channel leaves its socket file, as a killed process does");

        console = open();

        try (GogoConsole session = GogoConsole.connect(socket())) {
            assertEquals("alive", session.run("echo alive"));
        }
    }

    @Test
    void aSocketARunningConsoleAnswersOnIsNotTakenOver() throws IOException {
        console = open();

        UncheckedIOException refused = assertThrows(UncheckedIOException.class, this::open);

        assertTrue(refused.getMessage().contains(socket() + " cannot be opened: another Trackbench"), refused.getMessage());
        try (GogoConsole session = GogoConsole.connect(socket())) {
            assertEquals("still", session.run("echo still"), "the running console still answers");
        }
    }

    @Test
    void closingEndsTheSessionsAndRemovesTheSocket() throws IOException {
        console = open();
        GogoConsole session = GogoConsole.connect(socket());

        console.close();
        console = null;

        assertFalse(Files.exists(socket()));
        Await.until("the open session is hung up", Duration.ofSeconds(10), () -> hungUp(session), () -> "");
        session.close();
    }

    @Test
    void aDataDirectoryOfAnotherUserGetsNoSocket() throws IOException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "handing a directory to another user takes root");
        Files.setOwner(data, data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));

        UncheckedIOException refused = assertThrows(UncheckedIOException.class, this::open);

        assertTrue(refused.getMessage().contains(data + " belongs to nobody, not to root"), refused.getMessage());
        assertFalse(Files.exists(socket()));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)), "left as it was");
    }

    @Test
    void noSocketUnlessTheLaunchAsksForOne() {
        console = new ConsoleSocket(null, processor());

        assertFalse(Files.exists(socket()));
    }

    private ConsoleSocket open() {
        return new ConsoleSocket(socket(), processor());
    }

    private Path socket() {
        return data.resolve(ConsoleSocket.FILE_NAME);
    }

    private static boolean hungUp(GogoConsole session) {
        try {
            session.run("echo anyone");
            return false;
        } catch (UncheckedIOException e) {
            return true;
        }
    }

    private CommandProcessor processor() {
        return configurations.await(CommandProcessor.class, "");
    }
}
