package org.trackbench.core.plugins;

/**
 * A plug-in could not be listed, installed or uninstalled, or the product could not be updated: the message names the
 * repository or feature and why, with what p2 reported. The installation is as it was.
 */
public class ProvisioningException extends Exception {

    private static final long serialVersionUID = 1L;

    public ProvisioningException(String message) {
        super(message);
    }

    public ProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
