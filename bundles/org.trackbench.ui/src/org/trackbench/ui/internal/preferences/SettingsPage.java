package org.trackbench.ui.internal.preferences;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.trackbench.core.admin.AdminAction;
import org.trackbench.core.admin.AuditTrail;
import org.trackbench.core.settings.Setting;
import org.trackbench.core.settings.SettingsGroup;
import org.trackbench.core.settings.SettingsService;

/**
 * One Trackbench component's settings, a field per setting its Metatype describes, each checked as it is typed with a
 * message that says what is accepted; OK saves the changed values to Configuration Admin together, or none.
 * Secrets have no field here.
 */
public final class SettingsPage extends PreferencePage {

    private final SettingsService settings;
    private final String pid;
    private final SettingsGroup group;
    private final Map<String, Text> fields = new LinkedHashMap<>();
    private final AuditTrail audit;

    /** {@code audit} is {@code null} while the queue, which keeps the trail, is down. */
    public SettingsPage(SettingsService settings, SettingsGroup group, AuditTrail audit) {
        super(group.name());
        this.settings = settings;
        this.audit = audit;
        this.pid = group.pid();
        this.group = group;
        setDescription(group.description());
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite form = new Composite(parent, SWT.NONE);
        form.setLayout(new GridLayout(2, false));
        Map<String, String> values = settings.effective(pid);
        group.settings().stream().filter(setting -> values.containsKey(setting.key()))
                .forEach(setting -> field(form, setting, values.get(setting.key())));
        return form;
    }

    private void field(Composite form, Setting setting, String value) {
        Label label = new Label(form, SWT.NONE);
        label.setText(setting.name());
        Text text = new Text(form, SWT.BORDER);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        text.setText(value);
        String help = (setting.description() == null ? "" : setting.description() + "\n") + "Default: "
                + setting.defaultValue() + "\nKey: " + setting.key();
        label.setToolTipText(help);
        text.setToolTipText(help);
        text.setData(setting.key());
        text.addModifyListener(event -> validate());
        fields.put(setting.key(), text);
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
        group.settings().stream().filter(setting -> fields.containsKey(setting.key()))
                .forEach(setting -> fields.get(setting.key()).setText(setting.defaultValue()));
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
                if (audit != null) {
                    audit.record(AdminAction.SETTINGS, pid + " " + changed.entrySet().stream()
                            .map(change -> change.getKey() + ": " + current.get(change.getKey()) + " → "
                                    + change.getValue().strip())
                            .collect(Collectors.joining(", ")), 0);
                }
            }
            return true;
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            return false;
        }
    }
}
