package org.trackbench.ui.internal.about;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * What Help > About says, and what its "Copy details" gives a bug report: the version, where this user's data lives,
 * the Java runtime, and every bundle with its version and state.
 *
 * @param version Trackbench's version (its UI bundle's)
 * @param dataDirectory the instance area: queue, settings, log
 * @param java the Java runtime's version, vendor and home
 * @param bundles one row per installed bundle, by symbolic name
 */
public record AboutFacts(String version, String dataDirectory, String java, List<BundleRow> bundles) {

    /** One installed bundle. */
    public record BundleRow(String symbolicName, String version, String state) {
    }

    public static AboutFacts ofRunningFramework() {
        Bundle self = FrameworkUtil.getBundle(AboutFacts.class);
        BundleContext context = self.getBundleContext();
        List<BundleRow> rows = Stream.of(context.getBundles())
                .map(bundle -> new BundleRow(String.valueOf(bundle.getSymbolicName()), bundle.getVersion().toString(),
                        state(bundle.getState())))
                .sorted(Comparator.comparing(BundleRow::symbolicName)).toList();
        return new AboutFacts(self.getVersion().toString(), directory(context.getProperty("osgi.instance.area")),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                        + System.getProperty("java.home"),
                rows);
    }

    /** All of it as text, for the clipboard. */
    public String asText() {
        return "Trackbench " + version + "\nData directory: " + dataDirectory + "\nJava: " + java + "\nBundles:\n"
                + bundles.stream().map(row -> "  " + row.symbolicName() + " " + row.version() + " (" + row.state() + ")")
                        .collect(Collectors.joining("\n"));
    }

    private static String directory(String instanceArea) {
        if (instanceArea == null) {
            return "(none)";
        }
        try {
            return Path.of(new URI(instanceArea.replace(" ", "%20"))).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return instanceArea;
        }
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "active";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.STARTING -> "starting (lazy)";
            case Bundle.STOPPING -> "stopping";
            case Bundle.INSTALLED -> "installed, not resolved";
            default -> "uninstalled";
        };
    }
}
