package org.trackbench.headless.internal;

import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.trackbench.core.plugins.Plugin;
import org.trackbench.core.plugins.ProvisioningException;
import org.trackbench.core.plugins.PluginInstaller;

/**
 * {@code trackbench:plugin list|available|install|uninstall}: plug-in features from p2 repositories, kept across
 * restarts (docs/plugins.md). The items of a type whose plug-in is uninstalled wait in the queue.
 */
@Component(service = PluginCommand.class, property = { Commands.SCOPE, "osgi.command.function=plugin" })
public final class PluginCommand {

    static final String USAGE = "trackbench:plugin list | available <repository> | install <repository> <feature id>"
            + " | uninstall <feature id>   (a repository is a folder or an http(s) URL of a p2 repository)";

    private final ComponentHealth health;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PluginInstaller installer;

    @Activate
    public PluginCommand(@Reference ServiceComponentRuntime runtime) {
        this.health = new ComponentHealth(runtime);
    }

    @Descriptor("lists the installed plug-ins, lists what a p2 repository offers, installs a plug-in feature from one"
            + " (with what it needs) or uninstalls one")
    public String plugin(@Descriptor("list, available, install or uninstall") String action,
            @Descriptor("the repository and/or the feature id") String... arguments) {
        PluginInstaller plugins = installer;
        if (plugins == null) {
            return Commands.unavailable("the plug-in installer", health.why(PluginInstaller.class));
        }
        try {
            return switch (action) {
                case "list" -> {
                    arguments(action, arguments, 0);
                    List<Plugin> installed = plugins.installed();
                    yield installed.isEmpty() ? "No plug-ins installed. Install one with: " + USAGE + "\n"
                            : table(installed);
                }
                case "available" -> {
                    arguments(action, arguments, 1);
                    List<Plugin> offered = plugins.available(PluginInstaller.repository(arguments[0]));
                    yield offered.isEmpty() ? "The repository offers no feature that is not installed here.\n"
                            : table(offered);
                }
                case "install" -> {
                    arguments(action, arguments, 2);
                    Plugin installed = plugins.install(PluginInstaller.repository(arguments[0]), arguments[1]);
                    yield "Installed " + installed + " (" + installed.name() + "); it stays installed across restarts."
                            + " Items of its types that were waiting are sent now.\n";
                }
                case "uninstall" -> {
                    arguments(action, arguments, 1);
                    Plugin uninstalled = plugins.uninstall(arguments[0]);
                    yield "Uninstalled " + uninstalled + ". Items of its types stay queued and wait until a plug-in"
                            + " handles them again.\n";
                }
                default -> throw new IllegalArgumentException("unknown action '" + action
                        + "'; expected list, available, install or uninstall");
            };
        } catch (IllegalArgumentException e) {
            return Commands.usage(e, USAGE);
        } catch (ProvisioningException e) {
            return Commands.failed(e);
        }
    }

    private static void arguments(String action, String[] arguments, int expected) {
        int given = arguments == null ? 0 : arguments.length;
        if (given != expected) {
            throw new IllegalArgumentException("'" + action + "' takes " + expected + " argument(s), got " + given);
        }
    }

    private static String table(List<Plugin> plugins) {
        TextTable table = TextTable.listing("feature", "version", "name", "provider");
        plugins.forEach(plugin -> table.row(plugin.id(), plugin.version(), plugin.name(), plugin.provider()));
        return table.toString();
    }
}
