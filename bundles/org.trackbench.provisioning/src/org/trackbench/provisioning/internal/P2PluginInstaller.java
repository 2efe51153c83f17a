package org.trackbench.provisioning.internal;

import static org.trackbench.provisioning.internal.RunningProfile.monitor;
import static org.trackbench.provisioning.internal.RunningProfile.stream;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.query.IUProfilePropertyQuery;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.planner.IProfileChangeRequest;
import org.eclipse.equinox.p2.query.IQueryable;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackbench.core.plugins.Plugin;
import org.trackbench.core.plugins.ProvisioningException;
import org.trackbench.core.plugins.PluginInstaller;

/**
 * Plug-ins through p2, on the running installation's own profile. A plug-in is a root feature this service
 * installed, marked so in the profile ({@value #PLUGIN}); the product's own features are not plug-ins and stay.
 * Changes are applied to the running framework at once: no restart.
 */
@Component(service = PluginInstaller.class)
public final class P2PluginInstaller implements PluginInstaller {

    /** The profile property marking a root feature as a plug-in installed through this service. */
    static final String PLUGIN = "org.trackbench.plugin";
    static final String FEATURE_GROUP = ".feature.group";

    private static final Logger LOG = LoggerFactory.getLogger(P2PluginInstaller.class);
    private static final Comparator<Plugin> BY_ID = Comparator.comparing(Plugin::id);

    private final RunningProfile running;

    @Activate
    public P2PluginInstaller(@Reference RunningProfile running) {
        this.running = running;
    }

    @Override
    public List<Plugin> installed() {
        synchronized (running) {
            try {
                return plugins(running.profile());
            } catch (ProvisioningException e) {
                LOG.warn("No plug-ins can be listed: {}", e.getMessage());
                return List.of();
            }
        }
    }

    @Override
    public List<Plugin> available(URI repository) throws ProvisioningException {
        synchronized (running) {
            IQueryable<IInstallableUnit> offered = running.metadata(repository);
            IProfile profile = running.profile();
            return stream(offered.query(QueryUtil.createLatestQuery(QueryUtil.createIUGroupQuery()), monitor()))
                    .filter(unit -> unit.getId().endsWith(FEATURE_GROUP))
                    .filter(unit -> profile.available(QueryUtil.createIUQuery(unit.getId()), monitor()).isEmpty())
                    .map(P2PluginInstaller::plugin).sorted(BY_ID).toList();
        }
    }

    @Override
    public Plugin install(URI repository, String id) throws ProvisioningException {
        synchronized (running) {
            IMetadataRepository offered = running.metadata(repository);
            running.artifacts(repository);
            IProfile profile = running.profile();
            IInstallableUnit unit = stream(offered.query(
                    QueryUtil.createLatestQuery(QueryUtil.createIUQuery(featureGroup(id))), monitor())).findFirst()
                    .orElseThrow(() -> new ProvisioningException("repository " + repository + " has no feature '" + id
                            + "'; it offers: " + describe(stream(offered.query(QueryUtil.createIUGroupQuery(),
                                    monitor())).filter(group -> group.getId().endsWith(FEATURE_GROUP))
                                    .map(P2PluginInstaller::plugin).toList())));
            Optional<IInstallableUnit> previous = installedPlugin(profile, unit.getId());
            if (previous.isEmpty() && !profile.available(QueryUtil.createIUQuery(unit.getId()), monitor()).isEmpty()) {
                throw new ProvisioningException("'" + id + "' is part of the product itself, not a plug-in; it is"
                        + " installed (trackbench:update updates the product)");
            }
            if (previous.filter(installed -> installed.getVersion().equals(unit.getVersion())).isPresent()) {
                throw new ProvisioningException("plug-in " + plugin(unit) + " is installed already; " + repository
                        + " has no newer version");
            }
            IProfileChangeRequest request = running.changeRequest(profile);
            previous.ifPresent(request::remove);
            request.add(unit);
            request.setInstallableUnitProfileProperty(unit, IProfile.PROP_PROFILE_ROOT_IU, Boolean.TRUE.toString());
            request.setInstallableUnitProfileProperty(unit, PLUGIN, Boolean.TRUE.toString());
            running.perform(request, running.from(repository), "install '" + id + "' from " + repository, true);
            Plugin installed = plugin(unit);
            LOG.info("Installed plug-in {} from {}", installed, repository);
            return installed;
        }
    }

    @Override
    public Plugin uninstall(String id) throws ProvisioningException {
        synchronized (running) {
            IProfile profile = running.profile();
            IInstallableUnit unit = installedPlugin(profile, featureGroup(id)).orElseThrow(() -> new ProvisioningException(
                    "no plug-in '" + id + "' is installed; installed: " + describe(plugins(profile))
                            + " (the product's own features cannot be uninstalled)"));
            IProfileChangeRequest request = running.changeRequest(profile);
            request.remove(unit);
            running.perform(request, running.from(), "uninstall '" + id + "'", true);
            Plugin uninstalled = plugin(unit);
            LOG.info("Uninstalled plug-in {}", uninstalled);
            return uninstalled;
        }
    }

    /** The plug-ins in {@code profile}, by id. */
    static List<Plugin> plugins(IProfile profile) {
        return pluginUnits(profile).map(P2PluginInstaller::plugin).sorted(BY_ID).toList();
    }

    private static Optional<IInstallableUnit> installedPlugin(IProfile profile, String featureGroup) {
        return pluginUnits(profile).filter(installed -> installed.getId().equals(featureGroup)).findFirst();
    }

    private static Stream<IInstallableUnit> pluginUnits(IProfile profile) {
        return stream(profile.query(new IUProfilePropertyQuery(PLUGIN, Boolean.TRUE.toString()), monitor()));
    }

    private static String featureGroup(String id) {
        return id.endsWith(FEATURE_GROUP) ? id : id + FEATURE_GROUP;
    }

    static Plugin plugin(IInstallableUnit unit) {
        String id = unit.getId();
        return new Plugin(id.endsWith(FEATURE_GROUP) ? id.substring(0, id.length() - FEATURE_GROUP.length()) : id,
                unit.getVersion().toString(), unit.getProperty(IInstallableUnit.PROP_NAME, null),
                unit.getProperty(IInstallableUnit.PROP_PROVIDER, null));
    }

    private static String describe(List<Plugin> plugins) {
        return plugins.isEmpty() ? "none" : String.join(", ", plugins.stream().map(Plugin::id).toList());
    }
}
