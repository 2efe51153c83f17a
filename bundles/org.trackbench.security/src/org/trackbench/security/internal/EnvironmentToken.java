package org.trackbench.security.internal;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackbench.core.sync.ServerUrl;

/**
 * A token handed over in the environment, bound to the one server it was issued for: {@value #TOKEN_VARIABLE}
 * counts only together with {@value #SERVER_VARIABLE}, and only for that URL, so pointing the sync at another
 * server (or another user's listener) never carries it there. {@code ./trackbench run} hands over the token of
 * the reference server it starts this way.
 */
public final class EnvironmentToken {

    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentToken.class);
    public static final String TOKEN_VARIABLE = "TRACKBENCH_TOKEN";
    public static final String SERVER_VARIABLE = "TRACKBENCH_SERVER_URL";

    private final URI server;
    private final String token;

    private EnvironmentToken(URI server, String token) {
        this.server = server;
        this.token = token;
    }

    /** The pair the environment holds, if it holds a token and a valid URL for it; a lone token is ignored. */
    public static Optional<EnvironmentToken> from(Map<String, String> environment) {
        String token = environment.getOrDefault(TOKEN_VARIABLE, "").strip();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        String url = environment.getOrDefault(SERVER_VARIABLE, "");
        if (url.isBlank()) {
            LOG.warn("{} is ignored: it is used only together with {}, the URL of the server it was issued for",
                    TOKEN_VARIABLE, SERVER_VARIABLE);
            return Optional.empty();
        }
        try {
            return Optional.of(new EnvironmentToken(ServerUrl.parse(url), token));
        } catch (IllegalArgumentException e) {
            LOG.warn("{} is ignored: {} {}", TOKEN_VARIABLE, SERVER_VARIABLE, e.getMessage());
            return Optional.empty();
        }
    }

    /** The token when {@code server} is the one it was issued for. */
    public Optional<String> tokenFor(URI server) {
        try {
            return this.server.equals(ServerUrl.parse(server.toString())) ? Optional.of(token) : Optional.empty();
        } catch (IllegalArgumentException notAServerUrl) {
            return Optional.empty();
        }
    }

    public URI server() {
        return server;
    }

    @Override
    public String toString() {
        return "a token from " + TOKEN_VARIABLE + " for " + server;
    }
}
