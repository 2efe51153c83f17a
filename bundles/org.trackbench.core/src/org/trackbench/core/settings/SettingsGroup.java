package org.trackbench.core.settings;

import java.util.List;

/**
 * The settings of one component: one configuration PID.
 *
 * @param pid the configuration PID, e.g. {@code org.trackbench.sync}
 * @param name a name for people
 * @param description what the component does, {@code null} when there is nothing to add to the name
 * @param settings its settings, in the order its Metatype gives them
 */
public record SettingsGroup(String pid, String name, String description, List<Setting> settings) {

    public SettingsGroup {
        settings = List.copyOf(settings);
    }
}
