package org.trackbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.trackbench.core.admin.AdminAction;
import org.trackbench.core.admin.AuditEntry;
import org.trackbench.core.admin.AuditQuery;
import org.trackbench.core.admin.AuditTrail;
import org.trackbench.core.settings.SettingsService;
import org.trackbench.core.sync.TokenProvider;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.ui.PartHarness;
import org.trackbench.ui.internal.preferences.SettingsPage;
import org.trackbench.ui.internal.preferences.SignInPage;

/** The preference pages check each value as it is typed and save to Configuration Admin and the token store. */
class PreferencesTest {

    private static final String SYNC = "org.trackbench.sync";

    private final Configurations configurations = new Configurations();
    private final SettingsService settings = configurations.await(SettingsService.class, "");
    private final AuditTrail audit = configurations.await(AuditTrail.class, "");

    @Test
    void aSettingIsCheckedAsTypedAndSavedToConfigurationAdmin() {
        try (PartHarness ui = new PartHarness()) {
            String before = settings.effective(SYNC, "pollIntervalMillis");
            SettingsPage page = new SettingsPage(settings, settings.definition(SYNC), audit);
            page.createControl(ui.shell);
            Text interval = ui.find(Text.class, text -> "pollIntervalMillis".equals(text.getData()));

            interval.setText("every minute");
            assertFalse(page.isValid());
            assertTrue(page.getErrorMessage().contains("pollIntervalMillis 'every minute' is not accepted; expected a whole number"),
                    page.getErrorMessage());

            interval.setText("45000");
            assertTrue(page.isValid(), page.getErrorMessage());
            assertTrue(page.performOk());
            assertEquals("45000", settings.effective(SYNC, "pollIntervalMillis"));
            assertEquals(45_000L, settings.saved(SYNC).get("pollIntervalMillis"), "saved as the Metatype's type, a long");
            AuditEntry recorded = audit.entries(AuditQuery.latest(1)).get(0);
            assertEquals(AdminAction.SETTINGS, recorded.action());
            assertEquals(SYNC + " pollIntervalMillis: " + before + " → 45000", recorded.detail());
        }
    }

    @Test
    void theTokenGoesToTheTokenStoreAndIsNotShownAgain() {
        TokenProvider tokens = configurations.await(TokenProvider.class, "");
        URI server = URI.create(settings.effective(SYNC, "serverUrl"));
        String token = UUID.randomUUID().toString();
        try (PartHarness ui = new PartHarness()) {
            SignInPage page = new SignInPage(settings, tokens, null, audit, null);
            page.createControl(ui.shell);
            Text field = ui.find(Text.class, text -> (text.getStyle() & SWT.PASSWORD) != 0);
            field.setText(token);

            assertTrue(page.performOk(), page.getErrorMessage());
            assertEquals(token, tokens.token(server).orElseThrow());
            assertEquals("", field.getText(), "the token is not kept in the page");
            AuditEntry recorded = audit.entries(AuditQuery.latest(1)).get(0);
            assertEquals(List.of(AdminAction.SIGN_IN, "a token stored for " + server),
                    List.of(recorded.action(), recorded.detail()), "the sign-in is recorded, never the token");
        } finally {
            tokens.setToken(server, null);
        }
    }

    @Test
    void theSignInPageRefusesPlainHttpBeyondLoopbackBeforeAnythingIsSaved() {
        TokenProvider tokens = configurations.await(TokenProvider.class, "");
        String configured = settings.effective(SYNC, "serverUrl");
        try (PartHarness ui = new PartHarness()) {
            SignInPage page = new SignInPage(settings, tokens, null, null, null);
            page.createControl(ui.shell);
            Text url = ui.find(Text.class, text -> (text.getStyle() & SWT.PASSWORD) == 0 && text.getText().equals(configured));

            url.setText("http://track.example.com");

            assertFalse(page.isValid());
            assertTrue(page.getErrorMessage().contains("'http://track.example.com'")
                    && page.getErrorMessage().contains("plain http is accepted only for loopback"), page.getErrorMessage());
            assertFalse(page.performOk());
            assertEquals(configured, settings.effective(SYNC, "serverUrl"), "nothing is saved");

            url.setText("https://track.example.com/");
            assertTrue(page.isValid(), page.getErrorMessage());
        }
    }
}
