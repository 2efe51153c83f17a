package org.trackbench.ui.internal.preferences;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.trackbench.core.settings.SettingsService;

/**
 * One Trackbench component's settings, a field per attribute of its Metatype, each checked as it is typed with a
 * message that says what is accepted; OK saves the changed values to Configuration Admin together, or none.
 * Secrets have no field here.
 */
public final class SettingsPage extends PreferencePage {

    private final SettingsService settings;
    private final String pid;
    private final ObjectClassDefinition definition;
    private final Map<String, Text> fields = new LinkedHashMap<>();

    public SettingsPage(SettingsService settings, String pid, ObjectClassDefinition definition) {
        super(definition.getName());
        this.settings = settings;
        this.pid = pid;
        this.definition = definition;
        setDescription(definition.getDescription());
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite form = new Composite(parent, SWT.NONE);
        form.setLayout(new GridLayout(2, false));
        Map<String, String> values = settings.effective(pid);
        Arrays.stream(definition.getAttributeDefinitions(ObjectClassDefinition.ALL))
                .filter(attribute -> values.containsKey(attribute.getID()))
                .forEach(attribute -> field(form, attribute, values.get(attribute.getID())));
        return form;
    }

    private void field(Composite form, AttributeDefinition attribute, String value) {
        Label label = new Label(form, SWT.NONE);
        label.setText(attribute.getName());
        Text text = new Text(form, SWT.BORDER);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        text.setText(value);
        String help = (attribute.getDescription() == null ? "" : attribute.getDescription() + "\n") + "Default: "
                + SettingsService.defaultValue(attribute) + "\nKey: " + attribute.getID();
        label.setToolTipText(help);
        text.setToolTipText(help);
        text.setData(attribute.getID());
        text.addModifyListener(event -> validate());
        fields.put(attribute.getID(), text);
    }

    /** Shows the first value not accepted, naming it and what would be; OK waits until there is none. */
    private void validate() {
        for (Map.Entry<String, Text> field : fields.entrySet()) {
            try {
                settings.check(pid, field.getKey(), field.getValue().getText());
            } catch (IllegalArgumentException e) {
                setErrorMessage(e.getMessage());
                setValid(false);
                return;
            }
        }
        setErrorMessage(null);
        setValid(true);
    }

    @Override
    protected void performDefaults() {
        Arrays.stream(definition.getAttributeDefinitions(ObjectClassDefinition.ALL))
                .filter(attribute -> fields.containsKey(attribute.getID()))
                .forEach(attribute -> fields.get(attribute.getID()).setText(SettingsService.defaultValue(attribute)));
        super.performDefaults();
    }

    @Override
    public boolean performOk() {
        if (fields.isEmpty()) {
            return true;
        }
        Map<String, String> current = settings.effective(pid);
        Map<String, String> changed = new LinkedHashMap<>();
        fields.forEach((key, text) -> {
            if (!text.getText().strip().equals(current.get(key))) {
                changed.put(key, text.getText());
            }
        });
        try {
            if (!changed.isEmpty()) {
                settings.setAll(pid, changed);
            }
            return true;
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            return false;
        }
    }
}
