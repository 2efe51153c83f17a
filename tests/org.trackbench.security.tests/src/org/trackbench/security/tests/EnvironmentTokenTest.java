package org.trackbench.security.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.trackbench.security.internal.EnvironmentToken;

/** A token from the environment goes to the server it names and to no other. */
class EnvironmentTokenTest {

    /** Made up per run: no credential lives in the test sources. */
    private final String token = UUID.randomUUID().toString();

    @Test
    void theTokenGoesOnlyToTheServerItWasHandedOverFor() {
        EnvironmentToken handedOver = EnvironmentToken.from(environment("http://127.0.0.1:8470/")).orElseThrow();

        assertEquals(Optional.of(token), handedOver.tokenFor(URI.create("http://127.0.0.1:8470")));
        assertEquals(Optional.empty(), handedOver.tokenFor(URI.create("http://127.0.0.1:9999")), "another port");
        assertEquals(Optional.empty(), handedOver.tokenFor(URI.create("http://localhost:8470")), "another name");
        assertEquals(Optional.empty(), handedOver.tokenFor(URI.create("https://127.0.0.1:8470")), "another scheme");
        assertEquals(Optional.empty(), handedOver.tokenFor(URI.create("http://evil.example.com")), "not a server URL");
    }

    @Test
    void aTokenWithoutItsServerIsIgnored() {
        assertEquals(Optional.empty(), EnvironmentToken.from(Map.of(EnvironmentToken.TOKEN_VARIABLE, token)));
        assertEquals(Optional.empty(), EnvironmentToken.from(environment("  ")));
    }

    @Test
    void aServerUrlThatIsNotAcceptedTakesNoToken() {
        assertEquals(Optional.empty(), EnvironmentToken.from(environment("http://track.example.com")),
                "plain http beyond loopback");
        assertEquals(Optional.empty(), EnvironmentToken.from(environment("track.example.com")), "no scheme");
    }

    @Test
    void noTokenMeansNothingHandedOver() {
        assertEquals(Optional.empty(), EnvironmentToken.from(Map.of(EnvironmentToken.SERVER_VARIABLE, "https://track.example.com")));
    }

    @Test
    void itsTextNeverHoldsTheToken() {
        EnvironmentToken handedOver = EnvironmentToken.from(environment("https://track.example.com")).orElseThrow();

        assertFalse(handedOver.toString().contains(token), handedOver.toString());
    }

    private Map<String, String> environment(String serverUrl) {
        return Map.of(EnvironmentToken.TOKEN_VARIABLE, token, EnvironmentToken.SERVER_VARIABLE, serverUrl);
    }
}
