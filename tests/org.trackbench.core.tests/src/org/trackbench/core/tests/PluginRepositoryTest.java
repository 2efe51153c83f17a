package org.trackbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.trackbench.core.plugins.PluginInstaller;

/** A p2 repository as a person names it at the console or in the Plug-ins dialog. */
class PluginRepositoryTest {

    @Test
    void aFolderBecomesItsAbsoluteFileUrlAndUrlsStayAsTyped() {
        Path relative = Path.of("releng", "..", "site");
        assertEquals(relative.toAbsolutePath().normalize().toUri(), PluginInstaller.repository(" releng/../site "));
        assertEquals(URI.create("https://updates.example.com/trackbench"),
                PluginInstaller.repository("https://updates.example.com/trackbench"));
        assertEquals(URI.create("file:/srv/site/"), PluginInstaller.repository("file:/srv/site/"));
    }

    @Test
    void otherSchemesMalformedUrlsAndNothingAreRefusedWithTheText() {
        String ftp = assertThrows(IllegalArgumentException.class,
                () -> PluginInstaller.repository("ftp://example.com/site")).getMessage();
        assertTrue(ftp.contains("'ftp://example.com/site'") && ftp.contains("http, https or file URL"), ftp);
        String malformed = assertThrows(IllegalArgumentException.class,
                () -> PluginInstaller.repository("https://exa mple.com")).getMessage();
        assertTrue(malformed.contains("'https://exa mple.com' is not a valid URL"), malformed);
        String blank = assertThrows(IllegalArgumentException.class, () -> PluginInstaller.repository("  "))
                .getMessage();
        assertTrue(blank.contains("no repository given"), blank);
    }
}
