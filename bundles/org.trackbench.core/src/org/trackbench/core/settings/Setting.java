package org.trackbench.core.settings;

/**
 * One setting of a component, as its Metatype describes it.
 *
 * @param key the configuration property, e.g. {@code pollIntervalMillis}
 * @param name a name for people
 * @param description what it does, {@code null} when there is nothing to add to the name
 * @param defaultValue the value that applies when none is saved, as text; {@code ""} when there is none
 * @param secret whether it is a secret: never read back or written by the {@link SettingsService}
 */
public record Setting(String key, String name, String description, String defaultValue, boolean secret) {
}
