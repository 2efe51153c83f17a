package org.trackbench.headless.internal;

import java.util.Arrays;
import java.util.Map;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.trackbench.core.settings.Setting;
import org.trackbench.core.settings.SettingsGroup;
import org.trackbench.core.admin.AdminAction;
import org.trackbench.core.admin.AuditTrail;
import org.trackbench.core.settings.SettingsService;

/** {@code trackbench:config}: reads and sets the Configuration Admin values the workbench preferences edit. */
@Component(service = ConfigCommand.class, property = { Commands.SCOPE, "osgi.command.function=config" })
public final class ConfigCommand {

    static final String USAGE = "trackbench:config [<pid> [<key> <value> | --reset <key>]]";

    private final SettingsService settings;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditTrail audit;

    @Activate
    public ConfigCommand(@Reference SettingsService settings) {
        this.settings = settings;
    }

    @Descriptor("lists settings, shows those of one PID, or sets or resets one value")
    public String config(@Descriptor("go back to the default") @Parameter(names = "--reset", presentValue = "true",
            absentValue = "false") boolean reset, @Descriptor("pid, key, value") String... arguments) {
        try {
            int count = arguments == null ? 0 : arguments.length;
            if (reset && count == 2) {
                settings.reset(arguments[0], arguments[1]);
                Commands.audit(audit, AdminAction.SETTINGS, arguments[0] + " " + arguments[1] + " reset to its default",
                        0);
                return arguments[0] + " " + arguments[1] + " is back to its default "
                        + settings.effective(arguments[0], arguments[1]) + ".\n";
            }
            return switch (reset ? -1 : count) {
                case 0 -> list();
                case 1 -> show(arguments[0]);
                case 3 -> set(arguments[0], arguments[1], arguments[2]);
                default -> throw new IllegalArgumentException("unexpected arguments " + Arrays.toString(arguments));
            };
        } catch (IllegalArgumentException e) {
            return Commands.usage(e, USAGE);
        }
    }

    private String list() {
        TextTable table = TextTable.listing("PID", "NAME", "DESCRIPTION");
        settings.definitions().forEach((pid, group) -> table.row(pid, group.name(), group.description()));
        return table.toString();
    }

    private String show(String pid) {
        SettingsGroup group = settings.definition(pid);
        Map<String, Object> saved = settings.saved(pid);
        TextTable table = TextTable.listing("KEY", "VALUE", "DEFAULT", "NAME");
        for (Setting setting : group.settings()) {
            table.row(setting.key(), shown(saved.get(setting.key()), setting), setting.defaultValue(), setting.name());
        }
        return table.toString();
    }

    private boolean secret(String pid, String key) {
        return settings.definition(pid).settings().stream()
                .anyMatch(setting -> setting.key().equals(key) && setting.secret());
    }

    private static String shown(Object saved, Setting setting) {
        if (saved == null) {
            return "(default)";
        }
        return setting.secret() ? "(set)" : String.valueOf(saved);
    }

    private String set(String pid, String key, String value) {
        String before = settings.set(pid, key, value);
        Commands.audit(audit, AdminAction.SETTINGS, pid + " " + key + ": " + (secret(pid, key) ? "a new secret value"
                : before + " → " + value), 0);
        return pid + " " + key + " = " + value + " (was " + before + ").\n";
    }
}
