package org.trackbench.core.settings;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Trackbench's settings: Configuration Admin as each component's Metatype describes it. Values are checked against
 * their attribute definition before anything is saved; secrets (PASSWORD attributes) are never read back or written
 * here: the access token goes to the {@code TokenProvider}.
 */
@ProviderType
public interface SettingsService {

    /** The configurable PIDs of the installed Trackbench bundles, by PID, with their settings. */
    Map<String, SettingsGroup> definitions();

    /** @throws IllegalArgumentException naming the PID and the known ones */
    SettingsGroup definition(String pid);

    /** The values saved for {@code pid}, by key; a key without one takes its default. */
    Map<String, Object> saved(String pid);

    /** The saved value, else the Metatype default, as text. */
    String effective(String pid, String key);

    /** Every value of {@code pid} but secrets, as {@link #effective(String, String)} gives them, in one read. */
    Map<String, String> effective(String pid);

    /**
     * Checks {@code text} against the attribute's type, range and options and saves it.
     *
     * @return the value that applied before
     * @throws IllegalArgumentException naming the value and what would be accepted; nothing is saved then
     */
    String set(String pid, String key, String text);

    /**
     * Checks {@code text} for {@code key} without saving it, e.g. while a person types it.
     *
     * @throws IllegalArgumentException naming the value and what would be accepted
     */
    void check(String pid, String key, String text);

    /**
     * Checks every value first and saves them together, or none: a form's values.
     *
     * @throws IllegalArgumentException naming the first value not accepted and what would be; nothing is saved then
     */
    void setAll(String pid, Map<String, String> texts);

    /** Removes the saved value so the default applies again. */
    void reset(String pid, String key);
}
