package org.trackbench.headless.internal;

/**
 * Ends the headless application asking for a restart (exit code 23, {@code IApplication.EXIT_RESTART}): the
 * framework stops in order and the launcher ({@code run-product.sh}, the installed {@code trackbench-headless})
 * starts it again, on the updated installation. Registered by {@link HeadlessApplication} while it runs.
 */
interface Restart {

    void restart();
}
