package org.trackbench.ui.internal.preferences;

import java.net.URI;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
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
 * Sign in: the tracking server's URL (saved with the sync's settings) and the access token, which goes to the
 * {@link TokenProvider} (encrypted in secure storage) and is never shown again; the field only says whether one
 * is stored. An admin may store the server's admin token too, which shows the Fleet view. After OK the sync tries
 * again if it waited for a token; a pause stays.
 */
public final class SignInPage extends PreferencePage {

    static final String SYNC_PID = "org.trackbench.sync";
    private static final String SERVER_URL = "serverUrl";

    private final SettingsService settings;
    private final TokenProvider tokens;
    private final SyncService sync;
    private final AuditTrail audit;
    private final QueueStore store;
    private Text server;
    private Text token;
    private Text adminToken;

    /** {@code sync} may be {@code null} while the sync is down, {@code audit} and {@code store} while the queue is. */
    public SignInPage(SettingsService settings, TokenProvider tokens, SyncService sync, AuditTrail audit,
            QueueStore store) {
        super("Sign in");
        this.store = store;
        this.settings = settings;
        this.tokens = tokens;
        this.sync = sync;
        this.audit = audit;
        setDescription("The tracking server and your access token for it.");
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite form = new Composite(parent, SWT.NONE);
        form.setLayout(new GridLayout(2, false));
        new Label(form, SWT.NONE).setText("Server URL");
        server = new Text(form, SWT.BORDER);
        server.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        server.setText(settings.effective(SYNC_PID, SERVER_URL));
        server.addModifyListener(event -> validate());
        new Label(form, SWT.NONE).setText("Access token");
        token = new Text(form, SWT.BORDER | SWT.PASSWORD);
        token.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        token.setMessage(tokenStored(false) ? "a token is stored; type a new one to replace it" : "no token stored yet");
        new Label(form, SWT.NONE).setText("Admin token");
        adminToken = new Text(form, SWT.BORDER | SWT.PASSWORD);
        adminToken.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        adminToken.setMessage(tokenStored(true) ? "an admin token is stored; type a new one to replace it"
                : "admins only: the server's admin token shows the Fleet view");
        return form;
    }

    private boolean tokenStored(boolean admin) {
        try {
            URI uri = ServerUrl.parse(settings.effective(SYNC_PID, SERVER_URL));
            return tokens.token(admin ? FleetService.adminApi(uri) : uri).isPresent();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void validate() {
        try {
            serverUri();
            settings.check(SYNC_PID, SERVER_URL, server.getText());
            setErrorMessage(null);
            setValid(true);
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            setValid(false);
        }
    }

    private URI serverUri() {
        return ServerUrl.parse(server.getText());
    }

    @Override
    public boolean performOk() {
        try {
            URI uri = serverUri();
            String before = settings.effective(SYNC_PID, SERVER_URL);
            if (!server.getText().strip().equals(before)) {
                settings.set(SYNC_PID, SERVER_URL, server.getText());
                record(AdminAction.SETTINGS, SYNC_PID + " " + SERVER_URL + ": " + before + " → " + server.getText().strip());
            }
            if (!token.getText().isBlank()) {
                if (!mayReplace(uri, token.getText())) {
                    return false;
                }
                tokens.setToken(uri, token.getText());
                token.setText("");
                record(AdminAction.SIGN_IN, "a token stored for " + uri);
            }
            if (!adminToken.getText().isBlank()) {
                tokens.setToken(FleetService.adminApi(uri), adminToken.getText());
                adminToken.setText("");
                record(AdminAction.SIGN_IN, "an admin token stored for " + uri);
            }
            if (sync != null) {
                sync.tokenChanged();
            }
            return true;
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            return false;
        }
    }

    /**
     * A token that replaces another while items queued under the old one wait is asked about: sent with another
     * account's token, they would count as that account's.
     */
    private boolean mayReplace(URI uri, String newToken) {
        if (store == null || tokens.token(uri).filter(old -> !old.equals(newToken)).isEmpty()) {
            return true;
        }
        long unsent = ItemStatus.undelivered(store.countByStatus());
        return unsent == 0 || MessageDialog.openQuestion(getShell(), "Items queued under the previous sign-in", unsent
                + " item(s) queued under the token stored for " + uri + " are not delivered yet. Sent with another"
                + " account's token, they would count as that account's.\n\nIs the new token the same account's (a"
                + " renewed one)? If it is another person's, choose No and first carry the items to their owner with"
                + " File > Export unsynced….");
    }

    private void record(AdminAction action, String detail) {
        if (audit != null) {
            audit.record(action, detail, 0);
        }
    }
}
