package org.trackbench.settings.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
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
    public Map<String, ObjectClassDefinition> definitions() {
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

    @Override
    public ObjectClassDefinition definition(String pid) {
        Map<String, ObjectClassDefinition> definitions = definitions();
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
    public Dictionary<String, Object> saved(String pid) {
        return properties(pid).orElseGet(Hashtable::new);
    }

    @Override
    public String effective(String pid, String key) {
        return effective(pid, attribute(definition(pid), key));
    }

    @Override
    public Map<String, String> effective(String pid) {
        Dictionary<String, Object> saved = saved(pid);
        Map<String, String> values = new LinkedHashMap<>();
        for (AttributeDefinition attribute : definition(pid).getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            if (attribute.getType() != AttributeDefinition.PASSWORD) {
                values.put(attribute.getID(), value(saved, attribute));
            }
        }
        return values;
    }

    private String effective(String pid, AttributeDefinition attribute) {
        return value(saved(pid), attribute);
    }

    private static String value(Dictionary<String, Object> saved, AttributeDefinition attribute) {
        Object value = saved.get(attribute.getID());
        return value == null ? SettingsService.defaultValue(attribute) : String.valueOf(value);
    }

    @Override
    public String set(String pid, String key, String text) {
        ObjectClassDefinition definition = definition(pid);
        Object value = checked(definition, key, text);
        String before = effective(pid, attribute(definition, key));
        update(pid, properties -> properties.put(key, value));
        return before;
    }

    @Override
    public void check(String pid, String key, String text) {
        checked(definition(pid), key, text);
    }

    @Override
    public void setAll(String pid, Map<String, String> texts) {
        ObjectClassDefinition definition = definition(pid);
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
