package org.trackbench.provisioning.internal;

import java.io.IOException;
import java.net.URI;
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
import org.eclipse.equinox.p2.planner.IPlanner;
import org.eclipse.equinox.p2.planner.IProfileChangeRequest;
import org.eclipse.equinox.p2.query.IQueryResult;
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
import org.trackbench.core.plugins.ProvisioningException;

/**
 * The running installation's p2 profile ({@link IProfileRegistry#SELF}; in an installation shared by several users,
 * the user's part of it) and what changes it: p2's agent, started on first use so that a product nobody changes pays
 * nothing for it, the planner and the engine. One change at a time: callers hold this object's lock from reading the
 * profile to performing the change.
 */
@Component(service = RunningProfile.class)
public final class RunningProfile {

    /** p2 fetches http URLs over https unless told otherwise (its answer to CVE-2021-41033): say so with the error. */
    private static final String PLAIN_HTTP = " (p2 reads http URLs over https: serve the repository over https, or"
            + " start Trackbench with -Dp2.httpRule=allow where plain http is wanted)";

    private final IProvisioningAgentProvider agents;
    private final Configurator configurator;
    private final BundleContext context;
    /** The running system's agent, once needed; guarded by this. */
    private IProvisioningAgent agent;
    /** The agent as p2 registered it, or null when this component started it (and so stops it). */
    private ServiceReference<IProvisioningAgent> registered;

    @Activate
    public RunningProfile(@Reference IProvisioningAgentProvider agents, @Reference Configurator configurator,
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

    synchronized IProfile profile() throws ProvisioningException {
        IProfile self = service(IProfileRegistry.class).getProfile(IProfileRegistry.SELF);
        if (self == null) {
            throw new ProvisioningException("this Trackbench has no p2 profile: plug-ins and updates are installed into an"
                    + " installed product (./trackbench run, or the packages), not into a test or development runtime");
        }
        return self;
    }

    synchronized IMetadataRepository metadata(URI repository) throws ProvisioningException {
        try {
            return service(IMetadataRepositoryManager.class).loadRepository(repository, monitor());
        } catch (ProvisionException e) {
            throw new ProvisioningException("cannot read p2 repository " + repository + ": " + e.getMessage()
                    + "; expected a folder or an http(s) URL holding content.jar or content.xml"
                    + ("http".equalsIgnoreCase(repository.getScheme()) ? PLAIN_HTTP : ""), e);
        }
    }

    synchronized void artifacts(URI repository) throws ProvisioningException {
        try {
            service(IArtifactRepositoryManager.class).loadRepository(repository, monitor());
        } catch (ProvisionException e) {
            throw new ProvisioningException("p2 repository " + repository + " lists features but its artifacts cannot be"
                    + " read: " + e.getMessage(), e);
        }
    }

    synchronized IProfileChangeRequest changeRequest(IProfile profile) throws ProvisioningException {
        return service(IPlanner.class).createChangeRequest(profile);
    }

    /** What p2 may fetch from: {@code repositories} only (else p2 would search every repository it ever saw). */
    synchronized ProvisioningContext from(URI... repositories) throws ProvisioningException {
        ProvisioningContext from = new ProvisioningContext(agent());
        from.setMetadataRepositories(repositories);
        from.setArtifactRepositories(repositories);
        return from;
    }

    /**
     * Plans and performs {@code request}; with {@code applyNow}, the running framework then takes the new bundle list
     * (p2's touchpoint wrote it) without a restart.
     *
     * @throws ProvisioningException saying {@code what} could not be done and p2's reason; the profile is as it was
     */
    synchronized void perform(IProfileChangeRequest request, ProvisioningContext from, String what, boolean applyNow)
            throws ProvisioningException {
        IProvisioningPlan plan = service(IPlanner.class).getProvisioningPlan(request, from, monitor());
        if (plan.getStatus().getSeverity() == IStatus.ERROR) {
            throw new ProvisioningException("cannot " + what + "; nothing was changed:\n  " + StatusText.of(plan.getStatus()));
        }
        IStatus done = service(IEngine.class).perform(plan, monitor());
        if (done.getSeverity() == IStatus.ERROR) {
            throw new ProvisioningException("cannot " + what + "; p2 rolled it back:\n  " + StatusText.of(done),
                    done.getException());
        }
        if (applyNow) {
            try {
                configurator.applyConfiguration();
            } catch (IOException e) {
                throw new ProvisioningException("did " + what + ", but could not apply it to the running Trackbench ("
                        + e.getMessage() + "); it takes effect at the next start", e);
            }
        }
    }

    static <T> Stream<T> stream(IQueryResult<T> result) {
        return StreamSupport.stream(result.spliterator(), false);
    }

    static IProgressMonitor monitor() {
        return new NullProgressMonitor();
    }

    private <S> S service(Class<S> type) throws ProvisioningException {
        S service = agent().getService(type);
        if (service == null) {
            throw new ProvisioningException("p2's " + type.getSimpleName() + " is missing from this installation");
        }
        return service;
    }

    /** The agent p2 registered for the running system, or one started for it. */
    private IProvisioningAgent agent() throws ProvisioningException {
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
                throw new ProvisioningException("cannot start p2 for this installation: " + e.getMessage(), e);
            }
        }
        return agent;
    }
}
