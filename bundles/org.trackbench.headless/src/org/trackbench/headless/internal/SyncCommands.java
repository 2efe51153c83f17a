package org.trackbench.headless.internal;

import java.net.URI;
import java.net.URISyntaxException;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.MetaTypeService;
import org.trackbench.core.sync.SyncService;
import org.trackbench.core.sync.TokenProvider;

/** {@code trackbench:sync now|pause|resume} and {@code trackbench:login}. */
@Component(service = SyncCommands.class, property = { Commands.SCOPE, "osgi.command.function=sync",
        "osgi.command.function=login" })
public final class SyncCommands {

    static final String SYNC_USAGE = "trackbench:sync now|pause|resume";
    static final String LOGIN_USAGE = "trackbench:login [-u server-url] <token>";
    private static final String SYNC_PID = "org.trackbench.sync";

    private final SyncService sync;
    private final TokenProvider tokens;
    private final Settings settings;

    @Activate
    public SyncCommands(BundleContext context, @Reference SyncService sync, @Reference TokenProvider tokens,
            @Reference ConfigurationAdmin configurations, @Reference MetaTypeService metaTypes) {
        this.sync = sync;
        this.tokens = tokens;
        this.settings = new Settings(context, configurations, metaTypes);
    }

    @Descriptor("sends what is due now, pauses or resumes the sync")
    public String sync(@Descriptor("now, pause or resume") String action) {
        switch (action) {
            case "now" -> sync.syncNow();
            case "pause" -> sync.pause();
            case "resume" -> sync.resume();
            default -> {
                return Commands.usage(new IllegalArgumentException("unknown action '" + action
                        + "'; expected now, pause or resume"), SYNC_USAGE);
            }
        }
        return "Sync " + sync.status().state().label() + ".\n";
    }

    @Descriptor("hands the access token for the server to the token store; the sync resumes if it waited for it")
    public String login(@Descriptor("server URL; default: the configured one") @Parameter(names = { "-u", "--server" },
            absentValue = "") String server, @Descriptor("the access token") String token) {
        URI uri;
        try {
            uri = serverUri(server.isBlank() ? settings.effective(SYNC_PID, "serverUrl") : server);
            if (token.isBlank()) {
                throw new IllegalArgumentException("the token is empty");
            }
        } catch (IllegalArgumentException e) {
            return Commands.usage(e, LOGIN_USAGE);
        }
        tokens.setToken(uri, token);
        sync.resume();
        return "Token stored for " + uri + ".\n";
    }

    /** The form the sync looks tokens up by: the configured URL without a trailing slash. */
    private static URI serverUri(String text) {
        String trimmed = text.strip();
        try {
            URI uri = new URI(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
            if (uri.getHost() == null) {
                throw new URISyntaxException(trimmed, "no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("server URL '" + trimmed + "' is not accepted (" + e.getReason()
                    + "); expected e.g. https://track.example.com", e);
        }
    }
}
