package org.trackbench.system.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackbench.server.ReferenceServer;
import org.trackbench.testing.Await;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.product.GogoConsole;
import org.trackbench.testing.product.LaunchedProduct;
import org.trackbench.testing.product.SourceBuild;

/**
 * A plug-in author's path, outside this repository: the template (releng/plugin-template) copied without anything
 * built, built with Maven offline against Trackbench's published p2 repository alone, and its feature installed
 * through p2 from the plug-in's own repository into a running product, whose console then queues the new entity
 * type; the reference server receives it.
 */
class PluginTemplateTest {

    private static final Duration BUILD = Duration.ofMinutes(5);
    private static final Duration DELIVERY = Duration.ofSeconds(60);

    /** Made up per run: no credential lives in the test sources. */
    private final String token = UUID.randomUUID().toString();
    private final Configurations configurations = new Configurations();
    private LaunchedProduct product;

    @TempDir
    Path work;

    @AfterEach
    void stopProduct() {
        if (product != null) {
            product.close();
        }
    }

    @Test
    void theTemplateBuildsAgainstThePublishedRepositoryAndItsPluginDelivers() throws Exception {
        Path root = Path.of(System.getProperty("trackbench.root"));
        SourceBuild template = SourceBuild.copy(root.resolve("releng/plugin-template"), work.resolve("my-plugin"));
        Path plugin = template.directory();
        Path published = root.resolve("releng/org.trackbench.repository/target/repository");

        String built = template.maven(BUILD, "verify", "-Dtrackbench.repository=" + published.toUri());

        Path jar = plugin.resolve("com.example.trackbench.expenses/target/com.example.trackbench.expenses-1.0.0-SNAPSHOT.jar");
        assertTrue(Files.isRegularFile(jar), "the bundle is built:\n" + built);
        Path site = plugin.resolve("repository/target/repository");
        try (Stream<Path> bundles = Files.list(site.resolve("plugins"))) {
            assertTrue(bundles.anyMatch(file -> file.getFileName().toString().startsWith("com.example.trackbench.expenses_")),
                    "the plug-in's own p2 repository holds it");
        }

        ReferenceServer server = configurations.configure("org.trackbench.server",
                Map.of("port", 0, "token", token, "dataDirectory", ""), ReferenceServer.class);
        product = LaunchedProduct.launch(work.resolve("home"), server.baseUri(), token);
        try (GogoConsole console = product.console()) {
            console.run("trackbench:config org.trackbench.sync serverUrl " + server.baseUri());
            // The plug-in installer starts one level after the product says it is ready.
            Await.until("the plug-in installer is up", DELIVERY,
                    () -> console.run("trackbench:plugin list").startsWith("No plug-ins installed"),
                    () -> console.run("trackbench:plugin list"));
            String installed = console.run("trackbench:plugin install " + site + " com.example.trackbench.expenses.feature");
            assertTrue(installed.startsWith("Installed com.example.trackbench.expenses.feature 1.0.0"), installed);
            console.run("trackbench:start Visiting the client");

            Await.until("the plug-in's command is there", DELIVERY,
                    () -> console.run("trackbench:expense 12.50 EUR taxi to the client").startsWith("Queued expense"),
                    () -> console.run("lb -s com.example"));
            String refused = console.run("trackbench:expense 12.505 EUR rounding");
            assertTrue(refused.contains("amount '12.505'") && refused.contains("at most two decimals"), refused);

            Await.until("the expense reaches the server", DELIVERY, () -> server.applied().stream()
                    .filter(item -> item.kind().equals("item") && item.detail().equals("expense")).count() == 1,
                    () -> console.run("trackbench:status"));
            assertTrue(console.run("trackbench:queue -t expense").contains("expense of 12.50 EUR on entry"),
                    "the handler's summary is the listing's line");
        }
    }
}
