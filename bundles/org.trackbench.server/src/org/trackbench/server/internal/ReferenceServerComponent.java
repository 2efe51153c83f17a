package org.trackbench.server.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.trackbench.server.AppliedItem;
import org.trackbench.server.Faults;
import org.trackbench.server.ReferenceServer;
import org.trackbench.server.ServerStats;

/** Runs the reference server inside a framework while configuration PID {@code org.trackbench.server} exists. */
@Component(service = ReferenceServer.class, configurationPid = "org.trackbench.server",
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = ServerConfig.class)
public final class ReferenceServerComponent implements ReferenceServer {

    private final TrackingServer server;

    @Activate
    public ReferenceServerComponent(ServerConfig config) throws IOException {
        server = new TrackingServer(ServerOptions.from(config), Clock.systemUTC());
    }

    @Deactivate
    void deactivate() throws IOException {
        server.close();
    }

    @Override
    public URI baseUri() {
        return server.baseUri();
    }

    @Override
    public Faults faults() {
        return server.faults();
    }

    @Override
    public void setFaults(Faults faults) {
        server.setFaults(faults);
    }

    @Override
    public ServerStats stats() {
        return server.stats();
    }

    @Override
    public List<AppliedItem> applied() {
        return server.applied();
    }
}
