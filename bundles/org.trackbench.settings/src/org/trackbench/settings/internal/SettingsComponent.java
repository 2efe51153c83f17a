package org.trackbench.settings.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.trackbench.core.settings.Setting;
import org.trackbench.core.settings.SettingsGroup;
import org.trackbench.core.settings.SettingsService;

/**
 * Trackbench's settings as Configuration Admin holds them, described by each component's Metatype: the store the
 * console and the workbench preferences edit. Values are checked against their attribute definition before they
 * are saved; secrets are never read back or written here.
 */
@Component
public final class SettingsComponent implements SettingsService {

    private static final String TRACKBENCH_BUNDLES = "org.trackbench.";
    /** Binds a configuration to whichever bundle registers the PID, not to the console. */
    private static final String ANY_LOCATION = "?";

    private final BundleContext context;
    private final ConfigurationAdmin configurations;
    private final MetaTypeService metaTypes;

    @Activate
    public SettingsComponent(BundleContext context, @Reference ConfigurationAdmin configurations,
            @Reference MetaTypeService metaTypes) {
        this.context = context;
        this.configurations = configurations;
        this.metaTypes = metaTypes;
    }

    @Override
    public Map<String, SettingsGroup> definitions() {
        Map<String, SettingsGroup> groups = new TreeMap<>();
        metatypes().forEach((pid, definition) -> groups.put(pid, group(pid, definition)));
        return groups;
    }

    @Override
    public SettingsGroup definition(String pid) {
        return group(pid, metatype(pid));
    }

    private static SettingsGroup group(String pid, ObjectClassDefinition definition) {
        return new SettingsGroup(pid, definition.getName(), definition.getDescription(),
                Arrays.stream(definition.getAttributeDefinitions(ObjectClassDefinition.ALL))
                        .map(attribute -> new Setting(attribute.getID(), attribute.getName(), attribute.getDescription(),
                                defaultValue(attribute), attribute.getType() == AttributeDefinition.PASSWORD))
                        .toList());
    }

    /** An attribute's default as text, {@code ""} when it has none. */
    private static String defaultValue(AttributeDefinition attribute) {
        String[] defaults = attribute.getDefaultValue();
        return defaults == null || defaults.length == 0 ? "" : String.join(",", defaults);
    }

    /** The Metatype of every configurable PID of the installed Trackbench bundles. */
    private Map<String, ObjectClassDefinition> metatypes() {
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
    private ObjectClassDefinition metatype(String pid) {
        Map<String, ObjectClassDefinition> definitions = metatypes();
        ObjectClassDefinition definition = definitions.get(pid);
        if (definition == null) {
            throw new IllegalArgumentException("no settings '" + pid + "'; known: " + String.join(", ", definitions.keySet()));
        }
        return definition;
    }

    /** @throws IllegalArgumentException naming the key and the PID's keys */
    private static AttributeDefinition attribute(ObjectClassDefinition definition, String key) {
        AttributeDefinition[] attributes = definition.getAttributeDefinitions(ObjectClassDefinition.ALL);
        return Arrays.stream(attributes).filter(attribute -> attribute.getID().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + definition.getID() + "' has no setting '" + key
                        + "'; its settings: " + String.join(", ", Arrays.stream(attributes).map(AttributeDefinition::getID).toList())));
    }

    @Override
    public Map<String, Object> saved(String pid) {
        Dictionary<String, Object> properties = stored(pid);
        Map<String, Object> saved = new TreeMap<>();
        for (String key : Collections.list(properties.keys())) {
            saved.put(key, properties.get(key));
        }
        return saved;
    }

    private Dictionary<String, Object> stored(String pid) {
        return properties(pid).orElseGet(Hashtable::new);
    }

    @Override
    public String effective(String pid, String key) {
        return effective(pid, attribute(metatype(pid), key));
    }

    @Override
    public Map<String, String> effective(String pid) {
        Dictionary<String, Object> saved = stored(pid);
        Map<String, String> values = new LinkedHashMap<>();
        for (AttributeDefinition attribute : metatype(pid).getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            if (attribute.getType() != AttributeDefinition.PASSWORD) {
                values.put(attribute.getID(), value(saved, attribute));
            }
        }
        return values;
    }

    private String effective(String pid, AttributeDefinition attribute) {
        return value(stored(pid), attribute);
    }

    private static String value(Dictionary<String, Object> saved, AttributeDefinition attribute) {
        Object value = saved.get(attribute.getID());
        return value == null ? defaultValue(attribute) : String.valueOf(value);
    }

    @Override
    public String set(String pid, String key, String text) {
        ObjectClassDefinition definition = metatype(pid);
        Object value = checked(definition, key, text);
        String before = effective(pid, attribute(definition, key));
        update(pid, properties -> properties.put(key, value));
        return before;
    }

    @Override
    public void check(String pid, String key, String text) {
        checked(metatype(pid), key, text);
    }

    @Override
    public void setAll(String pid, Map<String, String> texts) {
        ObjectClassDefinition definition = metatype(pid);
        Map<String, Object> values = new TreeMap<>();
        texts.forEach((key, text) -> values.put(key, checked(definition, key, text)));
        update(pid, properties -> values.forEach(properties::put));
    }

    /** The typed value of {@code text} for {@code key}: never a secret's. */
    private static Object checked(ObjectClassDefinition definition, String key, String text) {
        AttributeDefinition attribute = attribute(definition, key);
        if (attribute.getType() == AttributeDefinition.PASSWORD) {
            throw new IllegalArgumentException(key + " is a secret: no secret is written to the configuration files"
                    + " (the access token goes to secure storage: trackbench:login, or Sign in in the workbench)");
        }
        return AttributeValues.parse(attribute, text);
    }

    @Override
    public void reset(String pid, String key) {
        attribute(metatype(pid), key);
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
