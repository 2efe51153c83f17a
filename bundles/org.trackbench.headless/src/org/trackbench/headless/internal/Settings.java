package org.trackbench.headless.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * Trackbench's settings as Configuration Admin holds them, described by each component's Metatype: the same
 * store the workbench preferences edit. Values are checked against their attribute definition before they
 * are saved; secrets are never read back or written here.
 */
final class Settings {

    private static final String TRACKBENCH_BUNDLES = "org.trackbench.";
    /** Binds a configuration to whichever bundle registers the PID, not to the console. */
    private static final String ANY_LOCATION = "?";

    private final BundleContext context;
    private final ConfigurationAdmin configurations;
    private final MetaTypeService metaTypes;

    Settings(BundleContext context, ConfigurationAdmin configurations, MetaTypeService metaTypes) {
        this.context = context;
        this.configurations = configurations;
        this.metaTypes = metaTypes;
    }

    /** The configurable PIDs of the installed Trackbench bundles, by PID, with their definitions. */
    Map<String, ObjectClassDefinition> definitions() {
        Map<String, ObjectClassDefinition> definitions = new TreeMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getSymbolicName() != null && bundle.getSymbolicName().startsWith(TRACKBENCH_BUNDLES)) {
                MetaTypeInformation information = metaTypes.getMetaTypeInformation(bundle);
                if (information != null) {
                    Arrays.stream(information.getPids())
                            .forEach(pid -> definitions.put(pid, information.getObjectClassDefinition(pid, null)));
                }
            }
        }
        return definitions;
    }

    /** @throws IllegalArgumentException naming the PID and the known ones */
    ObjectClassDefinition definition(String pid) {
        Map<String, ObjectClassDefinition> definitions = definitions();
        ObjectClassDefinition definition = definitions.get(pid);
        if (definition == null) {
            throw new IllegalArgumentException("no settings '" + pid + "'; known: " + String.join(", ", definitions.keySet()));
        }
        return definition;
    }

    /** @throws IllegalArgumentException naming the key and the PID's keys */
    static AttributeDefinition attribute(ObjectClassDefinition definition, String key) {
        AttributeDefinition[] attributes = definition.getAttributeDefinitions(ObjectClassDefinition.ALL);
        return Arrays.stream(attributes).filter(attribute -> attribute.getID().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + definition.getID() + "' has no setting '" + key
                        + "'; its settings: " + String.join(", ", Arrays.stream(attributes).map(AttributeDefinition::getID).toList())));
    }

    /** The values saved for {@code pid}, one read of Configuration Admin; a key without one takes its default. */
    Dictionary<String, Object> saved(String pid) {
        return properties(pid).orElseGet(Hashtable::new);
    }

    /** The saved value, else the Metatype default. */
    String effective(String pid, String key) {
        return effective(pid, attribute(definition(pid), key));
    }

    private String effective(String pid, AttributeDefinition attribute) {
        Object value = saved(pid).get(attribute.getID());
        return value == null ? defaultValue(attribute) : String.valueOf(value);
    }

    static String defaultValue(AttributeDefinition attribute) {
        String[] defaults = attribute.getDefaultValue();
        return defaults == null || defaults.length == 0 ? "" : String.join(",", defaults);
    }

    /**
     * Checks {@code text} against the attribute's type, range and options and saves it.
     *
     * @return the value saved before, or the default
     * @throws IllegalArgumentException naming the value and what would be accepted; nothing is saved then
     */
    String set(String pid, String key, String text) {
        AttributeDefinition attribute = attribute(definition(pid), key);
        if (attribute.getType() == AttributeDefinition.PASSWORD) {
            throw new IllegalArgumentException(key + " is a secret: the console writes no secret to the configuration"
                    + " files (the access token goes to secure storage with trackbench:login)");
        }
        Object value = AttributeValues.parse(attribute, text);
        String before = effective(pid, attribute);
        update(pid, properties -> properties.put(key, value));
        return before;
    }

    /** Removes the saved value so the default applies again. */
    void reset(String pid, String key) {
        attribute(definition(pid), key);
        update(pid, properties -> properties.remove(key));
    }

    private void update(String pid, Consumer<Dictionary<String, Object>> change) {
        try {
            Configuration configuration = configurations.getConfiguration(pid, ANY_LOCATION);
            Dictionary<String, Object> properties = configuration.getProperties() == null ? new Hashtable<>()
                    : configuration.getProperties();
            change.accept(properties);
            configuration.update(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("saving the settings of " + pid + " failed", e);
        }
    }

    private Optional<Dictionary<String, Object>> properties(String pid) {
        try {
            Configuration[] found = configurations.listConfigurations("(" + Constants.SERVICE_PID + "=" + pid + ")");
            return found == null ? Optional.empty() : Optional.ofNullable(found[0].getProperties());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the settings of " + pid + " failed", e);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("'" + pid + "' is not a settings PID", e);
        }
    }
}
