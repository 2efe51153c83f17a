package org.trackbench.provisioning.internal;

import java.io.IOException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.equinox.internal.provisional.configurator.Configurator;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.engine.IEngine;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.engine.IProvisioningPlan;
import org.eclipse.equinox.p2.engine.ProvisioningContext;
import org.eclipse.equinox.p2.engine.query.IUProfilePropertyQuery;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.planner.IPlanner;
import org.eclipse.equinox.p2.planner.IProfileChangeRequest;
import org.eclipse.equinox.p2.query.IQueryable;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackbench.core.plugins.Plugin;
import org.trackbench.core.plugins.PluginException;
import org.trackbench.core.plugins.PluginInstaller;

/**
 * Plug-ins through p2, on the running installation's own profile ({@link IProfileRegistry#SELF}): in an installation
 * shared by several users, the user's part of it. A plug-in is a root feature this service installed, marked so in
 * the profile ({@value #PLUGIN}); the product's own features are not plug-ins and stay. Changes are applied to the
 * running framework by the simple configurator, which p2's touchpoint has given the new bundle list: no restart.
 * p2's agent is started on first use, so a product nobody adds plug-ins to pays nothing for it.
 */
@Component(service = PluginInstaller.class)
public final class P2PluginInstaller implements PluginInstaller {

    /** The profile property marking a root feature as a plug-in installed through this service. */
    static final String PLUGIN = "org.trackbench.plugin";

    private static final Logger LOG = LoggerFactory.getLogger(P2PluginInstaller.class);
    private static final String FEATURE_GROUP = ".feature.group";
    private static final Comparator<Plugin> BY_ID = Comparator.comparing(Plugin::id);

    private final IProvisioningAgentProvider agents;
    private final Configurator configurator;
    private final BundleContext context;
    /** The running system's agent, once needed; guarded by this, as is every change to the profile. */
    private IProvisioningAgent agent;
    /** The running system's agent as p2 registered it, or null when this component started the agent. */
    private ServiceReference<IProvisioningAgent> registered;

    @Activate
    public P2PluginInstaller(@Reference IProvisioningAgentProvider agents, @Reference Configurator configurator,
            BundleContext context) {
        this.agents = agents;
        this.configurator = configurator;
        this.context = context;
    }

    @Deactivate
    synchronized void deactivate() {
        if (registered != null) {
            context.ungetService(registered);
        } else if (agent != null) {
            agent.stop();
        }
        agent = null;
        registered = null;
    }

    @Override
    public synchronized List<Plugin> installed() {
        try {
            return plugins(profile());
        } catch (PluginException e) {
            LOG.warn("No plug-ins can be listed: {}", e.getMessage());
            return List.of();
        }
    }

    @Override
    public synchronized List<Plugin> available(URI repository) throws PluginException {
        IQueryable<IInstallableUnit> offered = metadata(repository);
        IProfile profile = profile();
        return stream(offered.query(QueryUtil.createLatestQuery(QueryUtil.createIUGroupQuery()), monitor()))
                .filter(unit -> unit.getId().endsWith(FEATURE_GROUP))
                .filter(unit -> profile.available(QueryUtil.createIUQuery(unit.getId()), monitor()).isEmpty())
                .map(P2PluginInstaller::plugin).sorted(BY_ID).toList();
    }

    @Override
    public synchronized Plugin install(URI repository, String id) throws PluginException {
        IMetadataRepository offered = metadata(repository);
        artifacts(repository);
        IProfile profile = profile();
        IInstallableUnit unit = stream(offered.query(
                QueryUtil.createLatestQuery(QueryUtil.createIUQuery(featureGroup(id))), monitor())).findFirst()
                .orElseThrow(() -> new PluginException("repository " + repository + " has no feature '" + id
                        + "'; it offers: " + describe(stream(offered.query(QueryUtil.createIUGroupQuery(), monitor()))
                                .filter(group -> group.getId().endsWith(FEATURE_GROUP)).map(P2PluginInstaller::plugin)
                                .toList())));
        Optional<IInstallableUnit> previous = installedPlugin(profile, unit.getId());
        if (previous.isEmpty() && !profile.available(QueryUtil.createIUQuery(unit.getId()), monitor()).isEmpty()) {
            throw new PluginException("'" + id + "' is part of the product itself, not a plug-in; it is installed");
        }
        if (previous.filter(installed -> installed.getVersion().equals(unit.getVersion())).isPresent()) {
            throw new PluginException("plug-in " + plugin(unit) + " is installed already; " + repository
                    + " has no newer version");
        }
        IProfileChangeRequest request = planner().createChangeRequest(profile);
        previous.ifPresent(request::remove);
        request.add(unit);
        request.setInstallableUnitProfileProperty(unit, IProfile.PROP_PROFILE_ROOT_IU, Boolean.TRUE.toString());
        request.setInstallableUnitProfileProperty(unit, PLUGIN, Boolean.TRUE.toString());
        ProvisioningContext from = new ProvisioningContext(agent);
        from.setMetadataRepositories(repository);
        from.setArtifactRepositories(repository);
        perform(request, from, "install '" + id + "' from " + repository);
        Plugin installed = plugin(unit);
        LOG.info("Installed plug-in {} from {}", installed, repository);
        return installed;
    }

    @Override
    public synchronized Plugin uninstall(String id) throws PluginException {
        IProfile profile = profile();
        IInstallableUnit unit = installedPlugin(profile, featureGroup(id)).orElseThrow(() -> new PluginException(
                "no plug-in '" + id + "' is installed; installed: " + describe(plugins(profile))
                        + " (the product's own features cannot be uninstalled)"));
        IProfileChangeRequest request = planner().createChangeRequest(profile);
        request.remove(unit);
        ProvisioningContext nowhere = new ProvisioningContext(agent);
        nowhere.setMetadataRepositories();
        nowhere.setArtifactRepositories();
        perform(request, nowhere, "uninstall '" + id + "'");
        Plugin uninstalled = plugin(unit);
        LOG.info("Uninstalled plug-in {}", uninstalled);
        return uninstalled;
    }

    private void perform(IProfileChangeRequest request, ProvisioningContext from, String what) throws PluginException {
        IProvisioningPlan plan = planner().getProvisioningPlan(request, from, monitor());
        if (plan.getStatus().getSeverity() == IStatus.ERROR) {
            throw new PluginException("cannot " + what + "; nothing was changed:\n  " + StatusText.of(plan.getStatus()));
        }
        IStatus done = service(IEngine.class).perform(plan, monitor());
        if (done.getSeverity() == IStatus.ERROR) {
            throw new PluginException("cannot " + what + "; p2 rolled it back:\n  " + StatusText.of(done),
                    done.getException());
        }
        try {
            configurator.applyConfiguration();
        } catch (IOException e) {
            throw new PluginException("did " + what + ", but could not apply it to the running Trackbench ("
                    + e.getMessage() + "); it takes effect at the next start", e);
        }
    }

    private static List<Plugin> plugins(IProfile profile) {
        return stream(profile.query(new IUProfilePropertyQuery(PLUGIN, Boolean.TRUE.toString()), monitor()))
                .map(P2PluginInstaller::plugin).sorted(BY_ID).toList();
    }

    private static Optional<IInstallableUnit> installedPlugin(IProfile profile, String featureGroup) {
        return stream(profile.query(new IUProfilePropertyQuery(PLUGIN, Boolean.TRUE.toString()), monitor()))
                .filter(installed -> installed.getId().equals(featureGroup)).findFirst();
    }

    private IMetadataRepository metadata(URI repository) throws PluginException {
        try {
            return service(IMetadataRepositoryManager.class).loadRepository(repository, monitor());
        } catch (ProvisionException e) {
            throw new PluginException("cannot read p2 repository " + repository + ": " + e.getMessage()
                    + "; expected a folder or an http(s) URL holding content.jar or content.xml", e);
        }
    }

    private void artifacts(URI repository) throws PluginException {
        try {
            service(IArtifactRepositoryManager.class).loadRepository(repository, monitor());
        } catch (ProvisionException e) {
            throw new PluginException("p2 repository " + repository + " lists features but its artifacts cannot be"
                    + " read: " + e.getMessage(), e);
        }
    }

    private IProfile profile() throws PluginException {
        IProfile self = service(IProfileRegistry.class).getProfile(IProfileRegistry.SELF);
        if (self == null) {
            throw new PluginException("this Trackbench has no p2 profile: plug-ins are installed into an installed"
                    + " product (./trackbench run, or the packages), not into a test or development runtime");
        }
        return self;
    }

    private IPlanner planner() throws PluginException {
        return service(IPlanner.class);
    }

    private <S> S service(Class<S> type) throws PluginException {
        S service = agent().getService(type);
        if (service == null) {
            throw new PluginException("p2's " + type.getSimpleName() + " is missing from this installation");
        }
        return service;
    }

    /** The agent p2 registered for the running system, or one started for it (and stopped with this component). */
    private IProvisioningAgent agent() throws PluginException {
        if (agent == null) {
            try {
                for (ServiceReference<IProvisioningAgent> running : context.getServiceReferences(
                        IProvisioningAgent.class, "(" + IProvisioningAgent.SERVICE_CURRENT + "=true)")) {
                    agent = context.getService(running);
                    registered = running;
                    return agent;
                }
                agent = agents.createAgent(null);
            } catch (InvalidSyntaxException | ProvisionException e) {
                throw new PluginException("cannot start p2 for this installation: " + e.getMessage(), e);
            }
        }
        return agent;
    }

    private static String featureGroup(String id) {
        return id.endsWith(FEATURE_GROUP) ? id : id + FEATURE_GROUP;
    }

    private static Plugin plugin(IInstallableUnit unit) {
        String id = unit.getId();
        return new Plugin(id.substring(0, id.length() - FEATURE_GROUP.length()), unit.getVersion().toString(),
                unit.getProperty(IInstallableUnit.PROP_NAME, null), unit.getProperty(IInstallableUnit.PROP_PROVIDER,
                        null));
    }

    private static String describe(List<Plugin> plugins) {
        return plugins.isEmpty() ? "none" : String.join(", ", plugins.stream().map(Plugin::id).toList());
    }

    private static <T> Stream<T> stream(Iterable<T> result) {
        return StreamSupport.stream(result.spliterator(), false);
    }

    private static IProgressMonitor monitor() {
        return new NullProgressMonitor();
    }
}
