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
 * Keeps tokens in memory, seeded from configuration PID {@code org.trackbench.token}. A stand-in until
 * tokens move to Equinox secure storage; it never logs or shows a token.
 */
@Component(configurationPid = "org.trackbench.token")
@Designate(ocd = SimpleTokenProvider.Config.class)
public final class SimpleTokenProvider implements TokenProvider {

    @ObjectClassDefinition(name = "Trackbench access token", description = "The token sent to every server.")
    @interface Config {
        @AttributeDefinition(name = "Access token", type = AttributeType.PASSWORD, required = false)
        String token() default "";
    }

    private final String configured;
    private final Map<URI, String> tokens = new ConcurrentHashMap<>();

    @Activate
    public SimpleTokenProvider(Config config) {
        this.configured = config.token().isBlank() ? null : config.token().strip();
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
