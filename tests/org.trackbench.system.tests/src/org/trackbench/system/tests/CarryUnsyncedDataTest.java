package org.trackbench.system.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackbench.server.AppliedItem;
import org.trackbench.server.ReferenceServer;
import org.trackbench.testing.Await;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.product.GogoConsole;
import org.trackbench.testing.product.LaunchedProduct;

/**
 * Unsynced data moved between machines as an admin would: one product instance that never reached the server
 * exports its 200-odd unsent events and screenshots, a second imports them (not with a wrong passphrase) and
 * delivers them, and when the first signs in at last and sends its own copies, the server still holds each item once.
 */
class CarryUnsyncedDataTest {

    private static final Duration DELIVERY = Duration.ofSeconds(120);
    private static final int ITEMS = 200;
    private static final int ENTRIES = 45;
    private static final String UNSENT = "trackbench:queue -s pending,blocked,failed,in_flight -n 10000";

    private final String token = UUID.randomUUID().toString();
    private final Configurations configurations = new Configurations();
    private ReferenceServer server;

    @TempDir
    Path homes;

    @BeforeEach
    void startServer() {
        server = configurations.configure("org.trackbench.server",
                Map.of("port", 0, "token", token, "dataDirectory", ""), ReferenceServer.class);
    }

    @Test
    void unsentItemsCarriedToASecondMachineAreAppliedOnceWhicheverSendsThem() throws Exception {
        Path passphrase = secret("passphrase", "carry the day over safely");
        Path wrongPassphrase = secret("wrong-passphrase", "not the passphrase it was written with");
        Path bundle = homes.resolve("monday.tbbundle");
        int carried;
        try (LaunchedProduct first = LaunchedProduct.launch(homes.resolve("first"), server.baseUri(), null);
                GogoConsole console = first.console()) {
            configure(console);
            carried = trackOffline(console);
            String exported = console.run("trackbench:bundle --passphrase-file " + passphrase + " export " + bundle);
            assertTrue(exported.startsWith("Exported " + carried + " unsent item(s) to " + bundle), exported);
            assertTrue(audit(console).contains("bundle-export"), audit(console));
        }
        assertEquals(0, server.applied().size(), "the first machine never signed in");

        try (LaunchedProduct second = LaunchedProduct.launch(homes.resolve("second"), server.baseUri(), token);
                GogoConsole console = second.console()) {
            configure(console);
            String refused = console.run("trackbench:bundle --passphrase-file " + wrongPassphrase + " import " + bundle);
            assertTrue(refused.contains("the passphrase does not open " + bundle + "; nothing was imported"), refused);
            assertEquals(0, unsent(console), "a wrong passphrase imports nothing");

            String imported = console.run("trackbench:bundle --passphrase-file " + passphrase + " import " + bundle);
            assertTrue(imported.startsWith("Imported " + carried + " of the " + carried + " item(s)"), imported);
            Await.until("the second machine delivers what it carried", DELIVERY,
                    () -> server.applied().size() == carried, () -> server.stats().toString());
            String trail = audit(console);
            assertTrue(trail.lines().anyMatch(line -> line.contains("console") && line.contains("bundle-import")
                    && line.contains(" " + carried + " ")), trail);
            assertFalse(trail.contains(token), "no token in the trail");
        }

        try (LaunchedProduct first = LaunchedProduct.launch(homes.resolve("first"), server.baseUri(), token);
                GogoConsole console = first.console()) {
            Await.until("the first machine sends its own copies at last", DELIVERY, () -> unsent(console) == 0,
                    () -> server.stats().toString());
        }
        assertEquals(carried, server.applied().size(), "every item applied once: " + server.stats());
        assertEquals(carried, server.applied().stream().map(AppliedItem::idempotencyKey).collect(Collectors.toSet())
                .size());
        assertTrue(server.stats().duplicatesSuppressed() >= carried, server.stats().toString());
    }

    /**
     * Tracks {@value #ENTRIES} short entries and keeps the last one running, screenshots taken every second, until
     * {@value #ITEMS} items or more wait unsent; returns how many.
     */
    private int trackOffline(GogoConsole console) {
        for (int i = 0; i < ENTRIES; i++) {
            console.run("trackbench:start Offline work " + i);
            console.run("trackbench:pause");
            console.run("trackbench:resume");
            console.run("trackbench:stop");
        }
        console.run("trackbench:start Offline work with screenshots");
        Await.until(ITEMS + " unsent items, screenshots among them", DELIVERY, () -> unsent(console) >= ITEMS
                && screenshots(console) >= 5, () -> console.run("trackbench:status"));
        console.run("trackbench:stop");
        return unsent(console);
    }

    private void configure(GogoConsole console) {
        console.run("trackbench:config org.trackbench.sync serverUrl " + server.baseUri());
        console.run("trackbench:config org.trackbench.sync pollIntervalMillis 1000");
        console.run("trackbench:config org.trackbench.capture screenSource.target '(trackbench.screen.source=synthetic)'");
        console.run("trackbench:config org.trackbench.capture intervalSeconds 1");
        // A new screen source restarts capture: the command answers once it is back.
        Await.until("capture accepts the terms", Duration.ofSeconds(30),
                () -> console.run("trackbench:capture accept").startsWith("Accepted"), () -> "");
    }

    private static int unsent(GogoConsole console) {
        return rows(console.run(UNSENT));
    }

    private static int screenshots(GogoConsole console) {
        return rows(console.run(UNSENT + " -t screenshot"));
    }

    /** The rows of a listing: its lines that start with an id. */
    private static int rows(String listing) {
        return (int) listing.lines().filter(line -> line.matches("\\d+ .*")).count();
    }

    private static String audit(GogoConsole console) {
        return console.run("trackbench:audit -n 50");
    }

    private Path secret(String name, String value) throws Exception {
        Path file = homes.resolve(name);
        Files.writeString(file, value + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
