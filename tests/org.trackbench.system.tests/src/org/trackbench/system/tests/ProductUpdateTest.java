package org.trackbench.system.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackbench.server.AppliedItem;
import org.trackbench.server.ReferenceServer;
import org.trackbench.testing.Await;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.product.GogoConsole;
import org.trackbench.testing.product.LaunchedProduct;
import org.trackbench.testing.product.SourceBuild;

/**
 * The product updated from its update site: a newer build of this very source tree (its versions' qualifier forced
 * above this build's), published as a p2 repository, is found by {@code trackbench:update check}, installed by
 * {@code apply} from the configured update site, which ends the product asking for a restart (exit 23); started again, it runs the newer bundles,
 * and the item queued before the update is still there and delivered once.
 */
class ProductUpdateTest {

    private static final Duration BUILD = Duration.ofMinutes(10);
    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final String NEWER = "zupdate";

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
    void aNewerBuildOnTheUpdateSiteIsInstalledAndRunAfterTheRestartWithTheQueueKept() throws Exception {
        Path site = newerUpdateSite();
        ReferenceServer server = configurations.configure("org.trackbench.server",
                Map.of("port", 0, "token", token, "dataDirectory", ""), ReferenceServer.class);
        Path home = work.resolve("home");
        product = LaunchedProduct.launch(home, server.baseUri(), token);
        String entry;
        String before;
        try (GogoConsole console = product.console()) {
            console.run("trackbench:config org.trackbench.sync serverUrl " + server.baseUri());
            before = console.run("lb -s org.trackbench.core").replaceAll("(?s).*org\\.trackbench\\.core \\(([^)]+)\\).*", "$1");
            assertEquals("Sync paused.", console.run("trackbench:sync pause"));
            entry = console.run("trackbench:start Before the update").replaceAll("(?s).*entry ([0-9a-f-]{36}).*", "$1");

            // The updater starts one level after the product says it is ready.
            Await.until("the updater answers that no update site is configured", DELIVERY,
                    () -> console.run("trackbench:update check").contains("no update site configured"),
                    () -> console.run("trackbench:update check"));
            String found = console.run("trackbench:update check " + site);
            assertTrue(found.contains("org.trackbench.headless.product") && found.contains("." + NEWER), found);
            console.run("trackbench:config org.trackbench.provisioning updateSite " + site);
            String applied = console.run("trackbench:update apply");
            assertTrue(applied.startsWith("Updated ") && applied.contains("Restarting Trackbench"), applied);
        }
        assertEquals(23, product.awaitExit(), "the product asks its launcher for a restart:\n" + product.log());

        product = LaunchedProduct.launch(home, server.baseUri(), token);
        try (GogoConsole console = product.console()) {
            String core = console.run("lb -s org.trackbench.core");
            assertTrue(core.contains("." + NEWER) && !core.contains(before), "the newer bundles run, alone:\n" + core);
            Await.until("the configured update site, kept across the restart, has nothing newer", DELIVERY,
                    () -> console.run("trackbench:update check").startsWith("Trackbench is up to date"),
                    () -> console.run("trackbench:update check"));
            console.run("trackbench:sync resume");
            Await.until("the start queued before the update is delivered", DELIVERY,
                    () -> server.applied().stream().map(AppliedItem::timeEntryId).anyMatch(entry::equals),
                    () -> console.run("trackbench:status"));
        }
        assertEquals(1, server.applied().stream().map(AppliedItem::timeEntryId).filter(entry::equals).count());
    }

    /** This source tree, copied without build output and built as a newer release: its p2 repository. */
    private Path newerUpdateSite() throws IOException, InterruptedException {
        SourceBuild newer = SourceBuild.copy(Path.of(System.getProperty("trackbench.root")), work.resolve("newer"));
        newer.maven(BUILD, "-DskipTests", "-Dtrackbench.package.skip=true", "-DforceContextQualifier=" + NEWER,
                "-pl", "releng/org.trackbench.repository", "-am", "verify");
        return newer.directory().resolve("releng/org.trackbench.repository/target/repository");
    }
}
