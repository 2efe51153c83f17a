package org.trackbench.headless.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.trackbench.core.admin.AdminAction;
import org.trackbench.core.admin.AuditTrail;
import org.trackbench.core.admin.QueueAdmin;
import org.trackbench.core.queue.QueueException;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.export.UnsyncedBundle;

/**
 * {@code trackbench:bundle export|import <file>}: carries the unsent items, screenshots included, to another machine
 * in a passphrase-protected file. The passphrase is read from a file of its own (its first line), so it never
 * enters the console's history or a process list.
 */
@Component(service = BundleCommand.class, property = { Commands.SCOPE, "osgi.command.function=bundle" })
public final class BundleCommand {

    static final String USAGE = "trackbench:bundle export|import <file" + UnsyncedBundle.EXTENSION
            + "> --passphrase-file <file holding the passphrase>";

    private final ComponentHealth health;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile QueueStore store;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile QueueAdmin admin;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditTrail audit;

    @Activate
    public BundleCommand(@Reference ServiceComponentRuntime runtime) {
        this.health = new ComponentHealth(runtime);
    }

    @Descriptor("writes every unsent item to a passphrase-protected bundle, or queues a bundle's items with their"
            + " idempotency keys (all or none; items already here are skipped)")
    public String bundle(@Descriptor("the passphrase's file") @Parameter(names = { "-p", "--passphrase-file" },
            absentValue = "") String passphraseFile, @Descriptor("export or import") String action,
            @Descriptor("the bundle file") String file) {
        QueueStore queue = store;
        QueueAdmin queueAdmin = admin;
        if (queue == null || queueAdmin == null) {
            return Commands.unavailable("the queue", health.why(QueueStore.class));
        }
        Path bundle = Path.of(file).toAbsolutePath();
        char[] passphrase = null;
        try {
            passphrase = passphrase(passphraseFile);
            return switch (action) {
                case "export" -> export(queue, bundle, passphrase);
                case "import" -> importFrom(queueAdmin, bundle, passphrase);
                default -> throw new IllegalArgumentException("unknown action '" + action
                        + "'; expected export or import");
            };
        } catch (IllegalArgumentException e) {
            return Commands.usage(e, USAGE);
        } catch (IOException e) {
            return "error: cannot " + action + " " + bundle + ": " + e.getMessage() + "; nothing was changed\n";
        } catch (QueueException e) {
            return Commands.failed(e);
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    private String export(QueueStore queue, Path bundle, char[] passphrase) throws IOException {
        long written = UnsyncedBundle.write(queue, audit, bundle, passphrase);
        Commands.audit(audit, AdminAction.BUNDLE_EXPORT, "to " + bundle, written);
        return "Exported " + written + " unsent item(s) to " + bundle + "; they stay queued here too. Import the file"
                + " on the other machine with the same passphrase: each item is applied once, whichever sends it.\n";
    }

    private String importFrom(QueueAdmin queueAdmin, Path bundle, char[] passphrase) throws IOException {
        try (UnsyncedBundle.Contents contents = UnsyncedBundle.read(bundle, passphrase)) {
            int added = queueAdmin.importItems(contents.requests(), bundle.toString());
            return "Imported " + added + " of the " + contents.requests().size() + " item(s) in " + bundle
                    + (added < contents.requests().size() ? "; the others were already queued here" : "") + ".\n";
        }
    }

    private static char[] passphrase(String file) throws IOException {
        if (file.isBlank()) {
            throw new IllegalArgumentException("no --passphrase-file; the passphrase is read from a file, never typed"
                    + " on the command line");
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("passphrase file '" + file + "' does not exist");
        }
        String first = Files.readAllLines(path, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        return first.toCharArray();
    }
}
