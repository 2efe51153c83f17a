package org.trackbench.headless.internal;

import java.util.concurrent.CountDownLatch;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The headless Equinox application: the services start through Declarative Services, this keeps the runtime
 * up until it is stopped (console {@code close}/{@code exit}, or SIGTERM, which {@link OrderlyShutdown} turns
 * into a framework stop so every component deactivates in order).
 */
public final class HeadlessApplication implements IApplication {

    private static final Logger LOG = LoggerFactory.getLogger(HeadlessApplication.class);

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Object start(IApplicationContext context) throws InterruptedException {
        Bundle bundle = FrameworkUtil.getBundle(HeadlessApplication.class);
        OrderlyShutdown shutdown = OrderlyShutdown.install(bundle.getBundleContext());
        context.applicationRunning();
        LOG.info("Trackbench headless application running; stop it with SIGTERM or the console command 'close'");
        stopped.await();
        shutdown.uninstall();
        return IApplication.EXIT_OK;
    }

    @Override
    public void stop() {
        stopped.countDown();
    }
}
