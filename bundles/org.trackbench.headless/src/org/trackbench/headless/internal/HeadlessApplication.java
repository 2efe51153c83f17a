package org.trackbench.headless.internal;

import java.util.concurrent.CountDownLatch;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The headless Equinox application: the services start through Declarative Services, this keeps the runtime
 * up until it is stopped (console {@code close}/{@code exit}, or SIGTERM, which {@link OrderlyShutdown} turns
 * into a framework stop so every component deactivates in order), or restarted after an update ({@link Restart}).
 */
public final class HeadlessApplication implements IApplication {

    private static final Logger LOG = LoggerFactory.getLogger(HeadlessApplication.class);

    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Integer exitCode = IApplication.EXIT_OK;

    @Override
    public Object start(IApplicationContext context) throws InterruptedException {
        Bundle bundle = FrameworkUtil.getBundle(HeadlessApplication.class);
        OrderlyShutdown shutdown = OrderlyShutdown.install(bundle.getBundleContext());
        ServiceRegistration<Restart> restarts = bundle.getBundleContext().registerService(Restart.class,
                this::restart, null);
        context.applicationRunning();
        LOG.info("Trackbench headless application running; stop it with SIGTERM or the console command 'close'");
        stopped.await();
        restarts.unregister();
        shutdown.uninstall();
        return exitCode;
    }

    private void restart() {
        LOG.info("Restarting Trackbench");
        exitCode = IApplication.EXIT_RESTART;
        stopped.countDown();
    }

    @Override
    public void stop() {
        stopped.countDown();
    }
}
