package org.trackbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trackbench.core.sync.ServerUrl;

/** The one rule for the server's URL that the sync, the console's login and the sign-in page share. */
class ServerUrlTest {

    @ParameterizedTest
    @ValueSource(strings = { "http://track.example.com", "http://10.0.0.5:8470", "http://127.example.com",
            "http://localhost.example.com/" })
    void plainHttpBeyondLoopbackIsRefusedNamingTheUrl(String url) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ServerUrl.parse(url));

        assertTrue(refused.getMessage().contains("'" + url.strip() + "'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("plain http is accepted only for loopback"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:8470", "http://localhost:8470/", "http://[::1]:8470",
            "https://track.example.com", "https://10.0.0.5:8443/tracker/" })
    void httpsAnywhereAndHttpOnLoopbackAreAccepted(String url) {
        URI accepted = ServerUrl.parse(url);

        assertEquals(url.replaceAll("/$", ""), accepted.toString());
    }
}
