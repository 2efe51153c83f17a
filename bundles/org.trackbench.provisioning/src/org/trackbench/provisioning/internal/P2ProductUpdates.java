package org.trackbench.provisioning.internal;

import static org.trackbench.provisioning.internal.RunningProfile.monitor;
import static org.trackbench.provisioning.internal.RunningProfile.stream;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.query.IUProfilePropertyQuery;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.planner.IProfileChangeRequest;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackbench.core.plugins.ProductUpdates;
import org.trackbench.core.plugins.ProvisioningException;
import org.trackbench.core.plugins.Update;

/**
 * Updates of the product's own root units (the product, and the features it was installed with as roots; not the
 * plug-ins a user added) from a repository, through p2 on the running installation's profile. The new bundles are
 * not applied to the running framework: the core of Trackbench changes under its own services, so it runs them from
 * the next start.
 */
@Component(service = ProductUpdates.class, configurationPid = P2ProductUpdates.PID)
@Designate(ocd = UpdateSiteConfig.class)
public final class P2ProductUpdates implements ProductUpdates {

    /** The settings PID: {@code trackbench:config org.trackbench.provisioning updateSite <repository>}. */
    static final String PID = "org.trackbench.provisioning";

    /** The id prefix of the unit p2 pins a shared installation's base with in each user's profile. */
    static final String BASE_PIN = "SharedProfile_";

    private static final Logger LOG = LoggerFactory.getLogger(P2ProductUpdates.class);

    private final RunningProfile running;
    private volatile String updateSite;

    @Activate
    public P2ProductUpdates(@Reference RunningProfile running, UpdateSiteConfig config) {
        this.running = running;
        modified(config);
    }

    @Modified
    void modified(UpdateSiteConfig config) {
        updateSite = config.updateSite().strip();
    }

    @Override
    public Optional<String> updateSite() {
        return updateSite.isEmpty() ? Optional.empty() : Optional.of(updateSite);
    }

    @Override
    public List<Update> check(URI repository) throws ProvisioningException {
        synchronized (running) {
            IMetadataRepository offered = running.metadata(repository);
            return newer(running.profile(), offered).stream().map(Pair::update).toList();
        }
    }

    @Override
    public List<Update> apply(URI repository) throws ProvisioningException {
        synchronized (running) {
            IMetadataRepository offered = running.metadata(repository);
            IProfile profile = running.profile();
            List<Pair> newer = newer(profile, offered);
            if (newer.isEmpty()) {
                return List.of();
            }
            running.artifacts(repository);
            IProfileChangeRequest request = running.changeRequest(profile);
            basePins(profile).forEach(request::remove);
            for (Pair pair : newer) {
                request.remove(pair.installed());
                request.add(pair.available());
                request.setInstallableUnitProfileProperty(pair.available(), IProfile.PROP_PROFILE_ROOT_IU,
                        Boolean.TRUE.toString());
            }
            running.perform(request, running.from(repository), "update the product from " + repository, false);
            List<Update> updates = newer.stream().map(Pair::update).toList();
            LOG.info("Updated the product from {}: {}; it runs the update from the next start", repository, updates);
            return updates;
        }
    }

    /** Each of the product's roots that {@code offered} has a newer version of, with that version, by id. */
    private static List<Pair> newer(IProfile profile, IMetadataRepository offered) {
        return stream(profile.query(new IUProfilePropertyQuery(IProfile.PROP_PROFILE_ROOT_IU, Boolean.TRUE.toString()),
                monitor()))
                .filter(root -> !Boolean.parseBoolean(profile.getInstallableUnitProperty(root, P2PluginInstaller.PLUGIN)))
                .map(root -> latest(offered, root).filter(unit -> unit.getVersion().compareTo(root.getVersion()) > 0)
                        .map(unit -> new Pair(root, unit)))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(pair -> pair.installed().getId())).toList();
    }

    /**
     * In the user's part of a shared installation, p2 pins every unit of the read-only base with a unit of its own
     * ({@value #BASE_PIN}…), so the old bundles would stay beside the new ones. Updating the product replaces the
     * base for this user: the pin goes, the base's files stay as they are.
     */
    private static List<IInstallableUnit> basePins(IProfile profile) {
        return stream(profile.query(QueryUtil.createIUAnyQuery(), monitor()))
                .filter(unit -> unit.getId().startsWith(BASE_PIN)).toList();
    }

    private static Optional<IInstallableUnit> latest(IMetadataRepository offered, IInstallableUnit root) {
        return stream(offered.query(QueryUtil.createLatestQuery(QueryUtil.createIUQuery(root.getId())), monitor()))
                .findFirst();
    }

    /** A root as installed, and the newer version offered. */
    private record Pair(IInstallableUnit installed, IInstallableUnit available) {

        Update update() {
            return new Update(installed.getId(), installed.getVersion().toString(), available.getVersion().toString());
        }
    }
}
