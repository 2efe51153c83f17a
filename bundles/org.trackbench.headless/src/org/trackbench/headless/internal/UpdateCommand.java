package org.trackbench.headless.internal;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.trackbench.core.plugins.PluginInstaller;
import org.trackbench.core.plugins.ProductUpdates;
import org.trackbench.core.plugins.ProvisioningException;
import org.trackbench.core.plugins.Update;

/**
 * {@code trackbench:update check|apply <repository>}: the product's own updates from its update site (a p2
 * repository). Applying one restarts Trackbench, which then runs the update; the queue is kept as it is, and
 * migrated by the newer store if its schema changed.
 */
@Component(service = UpdateCommand.class, property = { Commands.SCOPE, "osgi.command.function=update" })
public final class UpdateCommand {

    static final String USAGE = "trackbench:update check|apply [<repository>]   (a folder or an https URL of"
            + " Trackbench's p2 repository; without one, the configured update site)";
    private static final String NO_SITE = "no repository given and no update site configured; give one, or set it"
            + " once: trackbench:config org.trackbench.provisioning updateSite <repository>";
    /** Long enough for the answer to reach the console before the restart closes it. */
    private static final long RESTART_DELAY_MILLIS = 1_000;

    private final ComponentHealth health;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ProductUpdates updates;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Restart restart;

    @Activate
    public UpdateCommand(@Reference ServiceComponentRuntime runtime) {
        this.health = new ComponentHealth(runtime);
    }

    @Descriptor("lists the updates of Trackbench the configured update site offers, or installs them and restarts")
    public String update(@Descriptor("check or apply") String action) {
        return answer(action, Optional.empty());
    }

    @Descriptor("lists the updates of Trackbench a p2 repository offers, or installs them and restarts")
    public String update(@Descriptor("check or apply") String action,
            @Descriptor("the update site: a folder or an https URL") String repository) {
        return answer(action, Optional.of(repository));
    }

    /** {@code action} on {@code repository}, else on the configured update site. */
    private String answer(String action, Optional<String> repository) {
        ProductUpdates product = updates;
        if (product == null) {
            return Commands.unavailable("the updater", health.why(ProductUpdates.class));
        }
        try {
            String given = repository.or(product::updateSite).orElseThrow(() -> new IllegalArgumentException(NO_SITE));
            URI site = PluginInstaller.repository(given);
            return switch (action) {
                case "check" -> check(product.check(site), given);
                case "apply" -> apply(product.apply(site), site);
                default -> throw new IllegalArgumentException("unknown action '" + action + "'; expected check or apply");
            };
        } catch (IllegalArgumentException e) {
            return Commands.usage(e, USAGE);
        } catch (ProvisioningException e) {
            return Commands.failed(e);
        }
    }

    private static String check(List<Update> found, String repository) {
        if (found.isEmpty()) {
            return "Trackbench is up to date with " + repository + ".\n";
        }
        TextTable table = TextTable.listing("unit", "installed", "available");
        found.forEach(update -> table.row(update.id(), update.installed(), update.available()));
        return table + "Install them (Trackbench restarts): trackbench:update apply " + repository + "\n";
    }

    private String apply(List<Update> applied, URI site) {
        if (applied.isEmpty()) {
            return "Trackbench is up to date with " + site + "; nothing was changed.\n";
        }
        Restart now = restart;
        String what = "Updated " + String.join(", ", applied.stream().map(Update::toString).toList()) + ".\n";
        if (now == null) {
            return what + "Restart Trackbench to run the update.\n";
        }
        CompletableFuture.delayedExecutor(RESTART_DELAY_MILLIS, TimeUnit.MILLISECONDS).execute(now::restart);
        return what + "Restarting Trackbench to run the update; the queue is kept as it is.\n";
    }
}
