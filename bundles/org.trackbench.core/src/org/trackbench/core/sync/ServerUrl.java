package org.trackbench.core.sync;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The tracking server's URL as Trackbench accepts it, in one place for the sync, the console's {@code login} and
 * the workbench's sign-in: an absolute http or https URL with a host, plain http only on loopback (tokens and
 * screenshots travel over https), without a trailing slash (the form tokens are stored under).
 *
 * @since 1.1
 */
public final class ServerUrl {

    private ServerUrl() {
    }

    /**
     * The URL in its accepted form.
     *
     * @throws IllegalArgumentException naming the text, why it is refused and what would be accepted
     */
    public static URI parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        try {
            URI uri = new URI(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new URISyntaxException(trimmed, "not an absolute http or https URL with a host");
            }
            if ("http".equals(uri.getScheme()) && !isLoopback(uri.getHost())) {
                throw new URISyntaxException(trimmed, "plain http is accepted only for loopback (127.0.0.1, [::1],"
                        + " localhost); tokens and screenshots travel over https");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("server URL '" + trimmed + "' is not accepted (" + e.getReason()
                    + "); expected e.g. https://track.example.com", e);
        }
    }

    /** Loopback by its literal name only: resolving a host name here would let DNS decide what is local. */
    public static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.equalsIgnoreCase("localhost") || bare.equals("::1") || bare.equals("0:0:0:0:0:0:0:1")
                || bare.matches("127(\\.\\d{1,3}){3}");
    }
}
