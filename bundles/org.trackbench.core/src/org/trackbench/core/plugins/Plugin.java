package org.trackbench.core.plugins;

/**
 * A plug-in feature as a p2 repository or the installation holds it.
 *
 * @param id the feature's id, as {@code trackbench:plugin install} takes it (e.g. {@code org.trackbench.example.feature})
 * @param version its version
 * @param name its label, for people
 * @param provider who publishes it
 */
public record Plugin(String id, String version, String name, String provider) {

    @Override
    public String toString() {
        return id + " " + version;
    }
}
