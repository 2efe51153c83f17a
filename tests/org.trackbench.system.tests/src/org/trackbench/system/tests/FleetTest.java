package org.trackbench.system.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackbench.server.ReferenceServer;
import org.trackbench.testing.Await;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.product.GogoConsole;
import org.trackbench.testing.product.LaunchedProduct;

/**
 * Three product instances, three client ids, one reference server. One holds a backlog (its sync paused) and then goes
 * away, as a laptop closed for the weekend: the admin's listing, over the API and in {@code trackbench:fleet}, shows
 * all three and flags that one with its unsent count and age; when it comes back and delivers, its row clears.
 */
class FleetTest {

    private static final Duration REPORTED = Duration.ofSeconds(60);
    private static final Pattern CLIENT_ID = Pattern.compile("client id\\s+(\\S+)");

    /** Made up per run: no credential lives in the test sources. */
    private final String token = UUID.randomUUID().toString();
    private final String adminToken = UUID.randomUUID().toString();
    private final HttpClient http = HttpClient.newHttpClient();
    private ReferenceServer server;

    @TempDir
    Path homes;

    @Test
    void theAdminSeesEveryClientAndTheOneHoldingUnsentDataIsFlaggedUntilItDelivers() throws Exception {
        server = new Configurations().configure("org.trackbench.server",
                Map.of("port", 0, "token", token, "adminToken", adminToken, "dataDirectory", ""), ReferenceServer.class);
        try (LaunchedProduct admin = LaunchedProduct.launch(homes.resolve("admin"), server.baseUri(), token);
                GogoConsole adminConsole = admin.console();
                LaunchedProduct colleague = LaunchedProduct.launch(homes.resolve("colleague"), server.baseUri(), token);
                GogoConsole colleagueConsole = colleague.console()) {
            configure(adminConsole, server);
            configure(colleagueConsole, server);
            assertTrue(adminConsole.run("trackbench:login --admin " + adminToken).startsWith("Admin token stored"));
            String away;
            try (LaunchedProduct laptop = LaunchedProduct.launch(homes.resolve("laptop"), server.baseUri(), token);
                    GogoConsole laptopConsole = laptop.console()) {
                configure(laptopConsole, server);
                away = clientId(laptopConsole);
                laptopConsole.run("trackbench:sync pause");
                laptopConsole.run("trackbench:start Weekend work");
                Await.until("the paused laptop reports its backlog", REPORTED,
                        () -> fleetJson().contains("\"pending\":1"),
                        () -> adminConsole.run("trackbench:fleet"));
            }

            Await.until("the laptop, gone, is flagged with its unsent item", REPORTED,
                    () -> row(adminConsole, away).filter(row -> row.contains("not seen for")
                            && row.contains("1 unsent, the oldest")).isPresent(),
                    () -> adminConsole.run("trackbench:fleet") + fleetJson());
            String listing = adminConsole.run("trackbench:fleet");
            assertEquals(3, listing.lines().filter(line -> line.matches("[0-9a-f-]{36} .*")).count(), listing);
            assertTrue(listing.lines().skip(1).findFirst().orElseThrow().startsWith(away),
                    "the client holding unsent data is listed first: " + listing);
            assertEquals(3, fleetJson().split("\"clientId\"").length - 1, "the API lists all three: " + fleetJson());
            assertFalse(adminConsole.run("trackbench:fleet " + away).contains("Weekend work"),
                    "a report names counts, never what a person works on");

            try (LaunchedProduct laptop = LaunchedProduct.launch(homes.resolve("laptop"), server.baseUri(), token);
                    GogoConsole laptopConsole = laptop.console()) {
                assertEquals(away, clientId(laptopConsole), "the client id is kept across restarts");
                laptopConsole.run("trackbench:sync resume");
                Await.until("the laptop's row clears once it delivered", REPORTED,
                        () -> row(adminConsole, away).filter(row -> !row.contains("unsent") && !row.contains("not seen")
                                && row.contains(" 0 ")).isPresent(),
                        () -> adminConsole.run("trackbench:fleet"));
            }
            assertFalse(adminConsole.run("trackbench:audit -n 20").contains(adminToken), "no token in the trail");
        }
    }

    private static void configure(GogoConsole console, ReferenceServer server) {
        console.run("trackbench:config org.trackbench.sync serverUrl " + server.baseUri());
        console.run("trackbench:config org.trackbench.sync pollIntervalMillis 1000");
        console.run("trackbench:config org.trackbench.sync healthIntervalSeconds 1");
    }

    private static String clientId(GogoConsole console) {
        String report = console.run("trackbench:fleet self");
        Matcher id = CLIENT_ID.matcher(report);
        assertTrue(id.find(), report);
        return id.group(1);
    }

    private static Optional<String> row(GogoConsole console, String clientId) {
        return console.run("trackbench:fleet").lines().filter(line -> line.startsWith(clientId)).findFirst();
    }

    private String fleetJson() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/v1/admin/clients"))
                    .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }
}
