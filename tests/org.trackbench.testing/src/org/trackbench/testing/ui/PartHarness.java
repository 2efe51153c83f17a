package org.trackbench.testing.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Widget;
import org.osgi.framework.FrameworkUtil;

/**
 * A view as the workbench makes it, without the rest of the workbench: a real SWT shell on the display (Xvfb in
 * CI) and an e4 context on top of the OSGi service registry, so the part gets the real queue, tracker and sync
 * services and the e4 event broker delivers the real events on the UI thread.
 */
public final class PartHarness implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(30);

    public final Display display = Display.getDefault();
    public final Shell shell = new Shell(display);
    public final IEclipseContext context;

    public PartHarness() {
        context = EclipseContextFactory.getServiceContext(FrameworkUtil.getBundle(PartHarness.class).getBundleContext())
                .createChild("ui test");
        context.set(UISynchronize.class, new DisplaySynchronize(display));
        context.set(Composite.class, shell);
        context.set(Shell.class, shell);
        // As E4Application does: the object suppliers (@UIEventTopic's needs UISynchronize) are injected from it.
        ContextInjectionFactory.setDefault(context);
        shell.setSize(1000, 600);
        shell.open();
    }

    public <T> T make(Class<T> part) {
        T made = ContextInjectionFactory.make(part, context);
        shell.layout(true, true);
        return made;
    }

    /** Runs the event loop until {@code condition} holds, or fails after {@link #WAIT} saying what it saw. */
    public void until(String what, BooleanSupplier condition, Supplier<String> seen) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("within " + WAIT + ": " + what + "; seen: " + seen.get());
            }
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
    }

    /** The first widget of {@code type} in the shell, depth first, that {@code matches}. */
    public <W extends Widget> W find(Class<W> type, Predicate<W> matches) {
        W found = findIn(shell, type, matches);
        if (found == null) {
            throw new AssertionError("no " + type.getSimpleName() + " as asked in the view");
        }
        return found;
    }

    /** Every widget of {@code type} in the shell, depth first. */
    public <W extends Widget> List<W> all(Class<W> type) {
        List<W> found = new ArrayList<>();
        collect(shell, type, found);
        return found;
    }

    private static <W extends Widget> void collect(Control control, Class<W> type, List<W> found) {
        if (type.isInstance(control)) {
            found.add(type.cast(control));
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, type, found);
            }
        }
    }

    /** Does what a click or an Enter does: tells the widget's listeners. */
    public void fire(Widget widget, int eventType) {
        widget.notifyListeners(eventType, new Event());
    }

    /** The first widget of {@code type} in {@code control}, depth first, that {@code matches}; null if none. */
    public static <W extends Widget> W findIn(Control control, Class<W> type, Predicate<W> matches) {
        if (type.isInstance(control) && matches.test(type.cast(control))) {
            return type.cast(control);
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                W found = findIn(child, type, matches);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        shell.dispose();
        context.dispose();
        while (display.readAndDispatch()) {
            // Lets the disposal's pending events run before the next test.
        }
    }

    /** The workbench's UISynchronize, reduced to what the views use. */
    private static final class DisplaySynchronize extends UISynchronize {

        private final Display display;

        DisplaySynchronize(Display display) {
            this.display = display;
        }

        @Override
        public void syncExec(Runnable runnable) {
            display.syncExec(runnable);
        }

        @Override
        public void asyncExec(Runnable runnable) {
            if (!display.isDisposed()) {
                display.asyncExec(runnable);
            }
        }

        @Override
        protected boolean isUIThread(Thread thread) {
            return display.getThread() == thread;
        }

        @Override
        protected void showBusyWhile(Runnable runnable) {
            runnable.run();
        }

        @Override
        protected boolean dispatchEvents() {
            return display.readAndDispatch();
        }
    }
}
