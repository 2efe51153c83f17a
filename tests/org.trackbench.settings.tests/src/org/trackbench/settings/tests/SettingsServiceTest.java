package org.trackbench.settings.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.trackbench.core.settings.SettingsService;
import org.trackbench.testing.Configurations;

/** The settings service as the registry hands it to the console and the preferences, over real Metatype and CM. */
class SettingsServiceTest {

    private static final String CAPTURE = "org.trackbench.capture";

    private final SettingsService settings = new Configurations().await(SettingsService.class, "");

    @AfterEach
    void defaults() {
        settings.reset(CAPTURE, "intervalSeconds");
        settings.reset(CAPTURE, "format");
    }

    @Test
    void aValueIsCheckedAgainstItsDefinitionBeforeAnythingIsSaved() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> settings.set(CAPTURE, "format", "gif"));

        assertTrue(refused.getMessage().contains("'gif'") && refused.getMessage().contains("expected one of jpeg, png"),
                refused.getMessage());
        assertEquals("jpeg", settings.effective(CAPTURE, "format"), "nothing was saved");
        assertThrows(IllegalArgumentException.class, () -> settings.check(CAPTURE, "intervalSeconds", "0"));
    }

    @Test
    void aSavedValueAppliesUntilItIsResetToItsDefault() {
        assertEquals("300", settings.set(CAPTURE, "intervalSeconds", "120"), "the value that applied before");
        assertEquals("120", settings.effective(CAPTURE, "intervalSeconds"));

        settings.reset(CAPTURE, "intervalSeconds");

        assertEquals("300", settings.effective(CAPTURE, "intervalSeconds"));
    }

    @Test
    void aFormIsSavedWholeOrNotAtAll() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("intervalSeconds", "120");
        form.put("format", "gif");

        assertThrows(IllegalArgumentException.class, () -> settings.setAll(CAPTURE, form));

        assertEquals("300", settings.effective(CAPTURE, "intervalSeconds"), "the good value was not saved either");
    }

    @Test
    void aSecretIsNeitherWrittenNorReadBack() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> settings.set("org.trackbench.server", "token", "not-in-a-file"));

        assertTrue(refused.getMessage().contains("token is a secret"), refused.getMessage());
        assertFalse(settings.effective("org.trackbench.server").containsKey("token"));
    }

    @Test
    void anUnknownPidIsNamedWithTheKnownOnes() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> settings.definition("org.trackbench.nothing"));

        assertTrue(refused.getMessage().contains("no settings 'org.trackbench.nothing'")
                && refused.getMessage().contains(CAPTURE), refused.getMessage());
    }
}
