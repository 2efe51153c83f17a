package org.trackbench.system.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackbench.server.AppliedItem;
import org.trackbench.server.Faults;
import org.trackbench.server.ReferenceServer;
import org.trackbench.testing.Await;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.DatabaseDamage;
import org.trackbench.testing.SelfSignedCertificate;
import org.trackbench.testing.product.GogoConsole;
import org.trackbench.testing.product.LaunchedProduct;

/**
 * The materialized headless product in its own process, driven through its Gogo console as an admin would,
 * against the reference server running in this test runtime.
 */
class HeadlessProductTest {

    /** The example plug-in's feature in the project's p2 repository. */
    private static final String NOTES = "org.trackbench.example.feature";

    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final Pattern ENTRY = Pattern.compile("entry ([0-9a-f-]{36})");
    private static final Pattern QUEUED = Pattern.compile("Queued (?:item|note) (\\d+)");

    /** A token made up per run: no credential lives in the test sources. */
    private final String token = UUID.randomUUID().toString();
    private final Configurations configurations = new Configurations();
    private ReferenceServer server;
    private LaunchedProduct product;

    @TempDir
    Path home;

    @BeforeEach
    void startServer() {
        server = configurations.configure("org.trackbench.server",
                Map.of("port", 0, "token", token, "dataDirectory", ""), ReferenceServer.class);
    }

    @AfterEach
    void stopProduct() {
        if (product != null) {
            product.close();
        }
    }

    @Test
    void consoleCommandsDriveTheTimeEntryAndItsEventsReachTheServer() throws Exception {
        try (GogoConsole console = launch()) {
            String entry = entryOf(console.run("trackbench:start -p system-tests Writing the system test"));
            assertTrue(console.run("trackbench:pause").startsWith("Paused entry " + entry));
            assertTrue(console.run("trackbench:resume").startsWith("Resumed entry " + entry));
            assertTrue(console.run("trackbench:stop").startsWith("Stopped entry " + entry));

            Await.until("the entry's four events are applied", DELIVERY, () -> appliedFor(entry).size() == 4,
                    () -> server.stats().toString());
            assertEquals(List.of("start", "pause", "resume", "stop"), appliedFor(entry).stream().map(AppliedItem::detail).toList());
            String sent = console.run("trackbench:queue -s sent -t time_entry_event");
            assertEquals(5, sent.lines().count(), "a header and four sent events:\n" + sent);
            assertTrue(console.run("trackbench:status").contains("sent 4"));
        }
    }

    @Test
    void badArgumentsPrintUsageAndChangeNothing() throws Exception {
        try (GogoConsole console = launch()) {
            console.run("trackbench:start Nothing changes");
            Await.until("the start is sent", DELIVERY, () -> status(console).contains("sent 1"), () -> status(console));
            String before = console.run("trackbench:queue");

            assertTrue(console.run("trackbench:retry abc").contains("usage: trackbench:retry"));
            assertTrue(console.run("trackbench:delete").contains("usage: trackbench:delete"));
            assertTrue(console.run("trackbench:purge soon").contains("usage: trackbench:purge"));
            assertTrue(console.run("trackbench:queue -s lost").contains("expected one of pending"));
            assertTrue(console.run("trackbench:sync faster").contains("usage: trackbench:sync"));
            assertTrue(console.run("trackbench:config org.trackbench.sync concurrency many").contains("whole number"));
            assertTrue(console.run("trackbench:config org.trackbench.server port 9").contains("no settings 'org.trackbench.server'"),
                    "the reference server is not part of the product");
            assertTrue(console.run("trackbench:resume").contains("nothing was changed"), "a running entry cannot resume");

            assertEquals(before, console.run("trackbench:queue"));
            assertTrue(Pattern.compile("concurrency +\\(default\\) +16 ").matcher(console.run("trackbench:config org.trackbench.sync")).find(),
                    "concurrency kept its default");
        }
    }

    @Test
    void aFailedItemIsRetriedFromTheConsoleAndPausedSyncHoldsItems() throws Exception {
        try (GogoConsole console = launch()) {
            server.setFaults(Faults.none().withErrorRate(422, 1.0));
            String entry = entryOf(console.run("trackbench:start Rejected at first"));
            Await.until("the start is a dead letter", DELIVERY,
                    () -> status(console).contains("failed 1"), () -> status(console));
            String failed = console.run("trackbench:queue -s failed");
            long id = Long.parseLong(failed.lines().skip(1).findFirst().orElseThrow().split("\\s+")[0]);
            assertTrue(console.run("trackbench:show " + id).contains("422"));

            server.setFaults(Faults.none());
            assertEquals("Retrying 1 failed item(s).", console.run("trackbench:retry --failed"));
            Await.until("the retried start is applied", DELIVERY, () -> appliedFor(entry).size() == 1, () -> status(console));

            assertEquals("Sync paused.", console.run("trackbench:sync pause"));
            console.run("trackbench:stop");
            Thread.sleep(2_000);
            assertEquals(1, appliedFor(entry).size(), "nothing is sent while the sync is paused");
            assertTrue(status(console).contains("pending 1"));

            console.run("trackbench:sync resume");
            Await.until("the stop is applied after resume", DELIVERY, () -> appliedFor(entry).size() == 2, () -> status(console));
        }
    }

    /**
     * The example plug-in's feature installed through p2 from the project's p2 repository (the update site the build
     * publishes), as a person installs a plug-in into an installed product: its bundles start at once, it survives a
     * restart, and once uninstalled (which also survives a restart) the items of its type wait again.
     */
    @Test
    void aPluginInstalledThroughP2SendsWaitingItemsStaysAcrossRestartsAndItsRemovalLeavesNewOnesWaiting()
            throws Exception {
        String site = System.getProperty("trackbench.repository");
        try (GogoConsole console = launch()) {
            awaitPlugins(console, list -> list.startsWith("No plug-ins installed"));
            long early = queued(console.run("trackbench:enqueue note '{\"text\":\"written before the plug-in\",\"at\":\"2026-11-26T09:00:00Z\"}'"));
            awaitWaitingForHandler(console, early);

            String missing = console.run("trackbench:plugin install " + home.resolve("no-such-site") + " " + NOTES);
            assertTrue(missing.startsWith("error: cannot read p2 repository") && missing.contains("no-such-site"), missing);
            String unknown = console.run("trackbench:plugin install " + site + " org.example.nothing");
            assertTrue(unknown.contains("has no feature 'org.example.nothing'") && unknown.contains(NOTES), unknown);
            assertTrue(console.run("trackbench:plugin available " + site).contains(NOTES));

            String installed = console.run("trackbench:plugin install " + site + " " + NOTES);
            assertTrue(installed.startsWith("Installed " + NOTES), installed);
            Await.until("the waiting note is sent", DELIVERY, () -> receivedNotes() == 1, () -> status(console));
            assertTrue(console.run("trackbench:plugin list").contains(NOTES));
            assertTrue(console.run("trackbench:plugin available " + site).lines().noneMatch(line -> line.startsWith(NOTES)),
                    "what is installed is not offered again");
        }
        product.terminate();

        try (GogoConsole console = launch()) {
            awaitPlugins(console, list -> list.contains(NOTES));
            assertTrue(console.run("trackbench:note from the plugin command").startsWith("Queued note"));
            Await.until("the plug-in's note is sent", DELIVERY, () -> receivedNotes() == 2, () -> status(console));

            assertEquals("Sync paused.", console.run("trackbench:sync pause"));
            long unsent = queued(console.run("trackbench:note written before the removal"));
            String uninstalled = console.run("trackbench:plugin uninstall " + NOTES);
            assertTrue(uninstalled.startsWith("Uninstalled " + NOTES), uninstalled);
            String own = console.run("trackbench:plugin uninstall org.trackbench.feature");
            assertTrue(own.contains("cannot be uninstalled"), own);
            console.run("trackbench:sync resume");
            long late = queued(console.run("trackbench:enqueue note '{\"text\":\"written after removal\",\"at\":\"2026-11-26T09:05:00Z\"}'"));
            awaitWaitingForHandler(console, unsent);
            awaitWaitingForHandler(console, late);
        }
        product.terminate();

        try (GogoConsole console = launch()) {
            awaitPlugins(console, list -> list.startsWith("No plug-ins installed"));
            assertTrue(status(console).contains("no handler  note"), status(console));
            assertTrue(status(console).contains("failed 0"), status(console));
            assertEquals(2, receivedNotes());
        }
    }

    /**
     * The same from a repository served over https, as an update site is: p2 fetches through ECF's transport, trusting
     * what the JVM trusts (here a test certificate handed to it as its trust store).
     */
    @Test
    void aPluginInstallsFromARepositoryServedOverHttps() throws Exception {
        Path site = Path.of(System.getProperty("trackbench.repository")).toAbsolutePath().normalize();
        SelfSignedCertificate certificate = SelfSignedCertificate.create(home.resolve("tls"));
        List<String> requested = new CopyOnWriteArrayList<>();
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(serverContext(certificate)));
        https.createContext("/site/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Path file = site.resolve(path.substring("/site/".length())).normalize();
            boolean found = file.startsWith(site) && Files.isRegularFile(file);
            requested.add(exchange.getRequestMethod() + " " + path + (found ? "" : " 404"));
            if (!found) {
                exchange.sendResponseHeaders(404, -1);
            } else if ("HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Content-Length", Long.toString(Files.size(file)));
                exchange.sendResponseHeaders(200, -1);
            } else {
                exchange.sendResponseHeaders(200, Files.size(file));
                try (OutputStream body = exchange.getResponseBody()) {
                    Files.copy(file, body);
                }
            }
            exchange.close();
        });
        https.start();
        product = LaunchedProduct.launch(home, server.baseUri(), token, "Trackbench ready",
                List.of("-Djavax.net.ssl.trustStore=" + certificate.trustStore, "-Djavax.net.ssl.trustStoreType=PKCS12",
                        "-Djavax.net.ssl.trustStorePassword=" + certificate.password));
        try (GogoConsole console = product.console()) {
            console.run("trackbench:config org.trackbench.sync serverUrl " + server.baseUri());
            awaitPlugins(console, list -> list.startsWith("No plug-ins installed"));
            String url = "https://127.0.0.1:" + https.getAddress().getPort() + "/site/";
            String installed = console.run("trackbench:plugin install " + url + " " + NOTES);
            assertTrue(installed.startsWith("Installed " + NOTES), installed + "\nrequested: " + requested);
            assertTrue(requested.stream().anyMatch(path -> path.startsWith("GET /site/plugins/org.trackbench.example.notes_")),
                    "the plug-in's bundle came over https: " + requested);
            Await.until("the plug-in's command is there", DELIVERY,
                    () -> console.run("trackbench:note fetched over https").startsWith("Queued note"),
                    () -> console.run("lb -s org.trackbench.example"));
            Await.until("the note is sent", DELIVERY, () -> receivedNotes() == 1, () -> status(console));
        } finally {
            https.stop(0);
        }
    }

    private static SSLContext serverContext(SelfSignedCertificate certificate) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certificate.keyStore)) {
            keys.load(in, certificate.password.toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, certificate.password.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
    }

    @Test
    void sigtermStopsInOrderAndARestartResumes() throws Exception {
        String entry;
        server.setFaults(Faults.none().withOffline(true));
        try (GogoConsole console = launch()) {
            entry = entryOf(console.run("trackbench:start Survives a restart"));
            String offline = status(console);
            assertTrue(offline.contains("failed 0, sent 0"), "the start waits while the server is offline:\n" + offline);
        }
        product.terminate();
        String log = product.log();
        int syncStopped = log.indexOf("Sync stopped");
        int queueClosed = log.indexOf("Queue database at", syncStopped);
        assertTrue(log.contains("Shutdown requested") && syncStopped > 0 && queueClosed > syncStopped,
                "SIGTERM stops the sync before the queue is closed:\n" + log);

        server.setFaults(Faults.none());
        try (GogoConsole console = launch()) {
            assertTrue(status(console).contains("running \"Survives a restart\""), status(console));
            console.run("trackbench:sync now");
            Await.until("the start queued before the restart is applied", DELIVERY, () -> appliedFor(entry).size() == 1,
                    () -> status(console));
            console.run("trackbench:stop");
            Await.until("the stop is applied", DELIVERY, () -> appliedFor(entry).size() == 2, () -> status(console));
        }
        assertEquals(List.of("start", "stop"), appliedFor(entry).stream().map(AppliedItem::detail).toList());
    }

    @Test
    void aDamagedQueueIsReportedAtTheConsoleAndLeftUntouched() throws Exception {
        try (GogoConsole console = launch()) {
            entryOf(console.run("trackbench:start Before the damage"));
        }
        product.terminate();
        Path queue = home.resolve("data/queue");
        DatabaseDamage.garble(queue);
        Map<String, Long> damaged = DatabaseDamage.checksums(queue);

        product = LaunchedProduct.launch(home, server.baseUri(), token, "Queue store cannot start");
        try (GogoConsole console = product.console()) {
            String status = console.run("trackbench:status");
            assertTrue(status.contains("queue       unavailable: Cannot open the queue database at " + queue), status);
            assertTrue(status.contains("left untouched"), status);
            assertTrue(status.contains("tracker     unavailable: "), status);
        }
        assertEquals(damaged, DatabaseDamage.checksums(queue), "the damaged files are kept exactly as they were");
    }

    /** Launches (or relaunches) the product in {@link #home} and points it at the test's server. */
    private GogoConsole launch() throws Exception {
        product = LaunchedProduct.launch(home, server.baseUri(), token);
        GogoConsole console = product.console();
        String answer = console.run("trackbench:config org.trackbench.sync serverUrl " + server.baseUri());
        assertTrue(answer.contains("serverUrl = " + server.baseUri()), answer);
        console.run("trackbench:config org.trackbench.sync pollIntervalMillis 2000");
        return console;
    }

    private List<AppliedItem> appliedFor(String entry) {
        return server.applied().stream().filter(item -> entry.equals(item.timeEntryId())).toList();
    }

    /**
     * Waits until {@code trackbench:plugin list} answers as {@code expected} says: the plug-in installer starts one
     * level after the product says it is ready, so right after a launch the command may still find it missing.
     */
    private static void awaitPlugins(GogoConsole console, Predicate<String> expected) {
        Await.until("trackbench:plugin list answers as expected", DELIVERY,
                () -> expected.test(console.run("trackbench:plugin list")), () -> console.run("trackbench:plugin list"));
    }

    private long receivedNotes() {
        return server.applied().stream().filter(item -> item.kind().equals("item") && item.detail().equals("note")).count();
    }

    private static void awaitWaitingForHandler(GogoConsole console, long id) {
        Await.until("item " + id + " waits for a handler", DELIVERY,
                () -> show(console, id).contains("no handler installed for entity type note"), () -> show(console, id));
        assertTrue(show(console, id).contains("note, pending"), show(console, id));
    }

    private static String show(GogoConsole console, long id) {
        return console.run("trackbench:show " + id);
    }

    private static String status(GogoConsole console) {
        return console.run("trackbench:status");
    }

    private static String entryOf(String answer) {
        Matcher matcher = ENTRY.matcher(answer);
        assertTrue(matcher.find(), answer);
        return matcher.group(1);
    }

    private static long queued(String answer) {
        Matcher matcher = QUEUED.matcher(answer);
        assertTrue(matcher.find(), answer);
        return Long.parseLong(matcher.group(1));
    }
}
