package org.trackbench.core.plugins;

/**
 * A plug-in could not be listed, installed or uninstalled: the message names the repository or feature and why, with
 * what p2 reported. The installation is as it was.
 */
public class PluginException extends Exception {

    private static final long serialVersionUID = 1L;

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
