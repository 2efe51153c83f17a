package org.trackbench.headless.internal;

import java.net.URI;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.trackbench.core.admin.AdminAction;
import org.trackbench.core.admin.AuditTrail;
import org.trackbench.core.fleet.FleetService;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.settings.SettingsService;
import org.trackbench.core.sync.ServerUrl;
import org.trackbench.core.sync.SyncService;
import org.trackbench.core.sync.TokenProvider;

/**
 * {@code trackbench:login}: hands the access token to the {@link TokenProvider}. It does not need the sync, so it
 * stays available while a change of the sync's settings restarts it; when the sync is there, it is told to resume.
 */
@Component(service = LoginCommand.class, property = { Commands.SCOPE, "osgi.command.function=login" })
public final class LoginCommand {

    static final String LOGIN_USAGE = "trackbench:login [-u server-url] [--same-account | --admin] <token>";
    private static final String SYNC_PID = "org.trackbench.sync";

    private final TokenProvider tokens;
    private final SettingsService settings;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SyncService sync;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditTrail audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile QueueStore store;

    @Activate
    public LoginCommand(@Reference TokenProvider tokens, @Reference SettingsService settings) {
        this.tokens = tokens;
        this.settings = settings;
    }

    @Descriptor("hands the access token for the server to the token store; the sync tries again if it waited for one"
            + " (a pause stays)")
    public String login(@Descriptor("server URL; default: the configured one") @Parameter(names = { "-u", "--server" },
            absentValue = "") String server,
            @Descriptor("the new token is the same account's (a renewed one): items queued under the old one go with"
                    + " it")
            @Parameter(names = "--same-account", presentValue = "true", absentValue = "false") boolean sameAccount,
            @Descriptor("the token is the server's admin token, for the fleet (trackbench:fleet); it is never used to"
                    + " deliver") @Parameter(names = "--admin", presentValue = "true", absentValue = "false") boolean admin,
            @Descriptor("the access token") String token) {
        URI uri;
        try {
            uri = ServerUrl.parse(server.isBlank() ? settings.effective(SYNC_PID, "serverUrl") : server);
            if (token.isBlank()) {
                throw new IllegalArgumentException("the token is empty");
            }
        } catch (IllegalArgumentException e) {
            return Commands.usage(e, LOGIN_USAGE);
        }
        if (admin) {
            tokens.setToken(FleetService.adminApi(uri), token);
            Commands.audit(audit, AdminAction.SIGN_IN, "an admin token stored for " + uri, 0);
            return "Admin token stored for " + uri + "; trackbench:fleet lists the clients.\n";
        }
        long unsent = unsent();
        boolean replacing = tokens.token(uri).filter(old -> !old.equals(token)).isPresent();
        if (replacing && unsent > 0 && !sameAccount) {
            return "error: " + unsent + " item(s) queued under the token stored for " + uri + " are not delivered yet;"
                    + " sent with another account's token they would count as that account's. Nothing was changed."
                    + " If the new token is the same account's, run trackbench:login again with --same-account; if it"
                    + " is another person's, first carry the items to their owner (trackbench:bundle export).\n";
        }
        tokens.setToken(uri, token);
        Commands.audit(audit, AdminAction.SIGN_IN, "a token stored for " + uri, 0);
        SyncService current = sync;
        if (current != null) {
            current.tokenChanged();
        }
        return "Token stored for " + uri + ".\n";
    }

    /** Items not delivered yet; none when the queue is not running. */
    private long unsent() {
        QueueStore queue = store;
        return queue == null ? 0 : ItemStatus.undelivered(queue.countByStatus());
    }
}
