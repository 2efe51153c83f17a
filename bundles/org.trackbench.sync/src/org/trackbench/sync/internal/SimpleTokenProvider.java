package org.trackbench.sync.internal;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.trackbench.core.sync.TokenProvider;

/**
 * Keeps tokens in memory, seeded from configuration PID {@code org.trackbench.token}, else from the
 * environment variable {@code TRACKBENCH_TOKEN} (how {@code ./trackbench run} hands over the token of the
 * reference server it starts). A stand-in until tokens move to Equinox secure storage; it never logs or
 * shows a token.
 */
@Component(configurationPid = "org.trackbench.token")
@Designate(ocd = SimpleTokenProvider.Config.class)
public final class SimpleTokenProvider implements TokenProvider {

    @ObjectClassDefinition(name = "Trackbench access token", description = "The token sent to every server.")
    @interface Config {
        @AttributeDefinition(name = "Access token", type = AttributeType.PASSWORD, required = false)
        String token() default "";
    }

    static final String TOKEN_VARIABLE = "TRACKBENCH_TOKEN";

    private final String configured;
    private final Map<URI, String> tokens = new ConcurrentHashMap<>();

    @Activate
    public SimpleTokenProvider(Config config) {
        String token = config.token().isBlank() ? System.getenv(TOKEN_VARIABLE) : config.token();
        this.configured = token == null || token.isBlank() ? null : token.strip();
    }

    @Override
    public Optional<String> token(URI server) {
        return Optional.ofNullable(tokens.getOrDefault(server, configured));
    }

    @Override
    public void setToken(URI server, String token) {
        if (token == null || token.isBlank()) {
            tokens.remove(server);
        } else {
            tokens.put(server, token.strip());
        }
    }
}
