package org.trackbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.trackbench.ui.internal.about.AboutHandler;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The workbench's application model as a person meets it: a window icon and an icon for every view (each at 1× and
 * 2×, present in the bundle), the tracker's transitions and Sync now in the toolbar and the menus, each command with
 * a handler that loads and a key binding for the tracker's, and Help > Plug-ins…, Check for Updates… and About.
 */
class ApplicationModelTest {

    private static final String ICONS = "platform:/plugin/org.trackbench.ui/";

    private final Bundle ui = FrameworkUtil.getBundle(AboutHandler.class);
    private Document model;

    @BeforeEach
    void readModel() throws Exception {
        try (InputStream in = ui.getEntry("Application.e4xmi").openStream()) {
            model = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }

    @Test
    void theWindowAndEveryViewHaveIconsThatExist() {
        Element window = ofType("basic:TrimmedWindow").get(0);
        assertIconExists(window.getAttribute("iconURI"), false);
        for (Element part : ofType("basic:Part")) {
            if (part.getAttribute("contributionURI").startsWith("bundleclass://org.trackbench.ui/")) {
                assertIconExists(part.getAttribute("iconURI"), true);
            }
        }
    }

    @Test
    void theToolbarCarriesTheTrackerAndSyncNowAndEveryCommandHasAHandlerThatLoads() throws Exception {
        Set<String> toolbar = ofType("menu:HandledToolItem").stream().map(item -> item.getAttribute("command"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("tb.cmd.start", "tb.cmd.pause", "tb.cmd.resume", "tb.cmd.stop", "tb.cmd.syncnow"), toolbar);
        ofType("menu:HandledToolItem").forEach(item -> assertIconExists(item.getAttribute("iconURI"), true));

        Set<String> used = new HashSet<>(toolbar);
        ofType("menu:HandledMenuItem").forEach(item -> used.add(item.getAttribute("command")));
        for (String command : used) {
            Element handler = byCommand("handlers", command);
            assertNotNull(handler, "a handler for " + command);
            String contribution = handler.getAttribute("contributionURI");
            String bundle = contribution.substring("bundleclass://".length(), contribution.lastIndexOf('/'));
            if (bundle.equals(ui.getSymbolicName())) {
                assertNotNull(ui.loadClass(contribution.substring(contribution.lastIndexOf('/') + 1)), contribution);
            }
        }
        for (String command : List.of("tb.cmd.start", "tb.cmd.pause", "tb.cmd.resume", "tb.cmd.stop", "tb.cmd.syncnow")) {
            assertNotNull(byCommand("bindings", command), "a key binding for " + command);
        }
        for (String command : List.of("tb.cmd.plugins", "tb.cmd.updates", "tb.cmd.about")) {
            assertTrue(ofType("menu:HandledMenuItem").stream().anyMatch(item -> item.getAttribute("command").equals(command)
                    && ((Element) item.getParentNode()).getAttribute("label").equals("&Help")), "in the Help menu: " + command);
        }
    }

    private void assertIconExists(String uri, boolean twice) {
        assertTrue(uri.startsWith(ICONS), "an icon of the bundle: '" + uri + "'");
        String path = uri.substring(ICONS.length());
        assertNotNull(ui.getEntry(path), path);
        if (twice) {
            assertNotNull(ui.getEntry(path.replace(".png", "@2x.png")), path + " at 2×");
        }
    }

    private List<Element> ofType(String type) {
        List<Element> found = new ArrayList<>();
        NodeList all = model.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (type.equals(element.getAttribute("xsi:type"))) {
                found.add(element);
            }
        }
        return found;
    }

    private Element byCommand(String tag, String command) {
        NodeList elements = model.getElementsByTagName(tag);
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            if (command.equals(element.getAttribute("command"))) {
                return element;
            }
        }
        return null;
    }
}
