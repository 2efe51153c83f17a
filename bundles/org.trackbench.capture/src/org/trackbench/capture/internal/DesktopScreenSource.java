package org.trackbench.capture.internal;

import java.awt.AWTException;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.trackbench.core.capture.CaptureUnavailableException;
import org.trackbench.core.capture.ScreenSource;

/** The real desktop through AWT's {@link Robot}: all monitors as one image, or one image each. */
@Component(property = ScreenSource.SOURCE + "=desktop")
public final class DesktopScreenSource implements ScreenSource {

    @Override
    public List<BufferedImage> capture(boolean perMonitor) {
        if (GraphicsEnvironment.isHeadless()) {
            throw new CaptureUnavailableException("no display (the Java runtime is headless; DISPLAY is "
                    + (System.getenv("DISPLAY") == null ? "not set" : "'" + System.getenv("DISPLAY") + "'") + ")", null);
        }
        try {
            GraphicsDevice[] screens = GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices();
            Robot robot = new Robot();
            List<BufferedImage> images = new ArrayList<>();
            Rectangle desktop = new Rectangle();
            for (GraphicsDevice screen : screens) {
                Rectangle bounds = screen.getDefaultConfiguration().getBounds();
                if (perMonitor) {
                    images.add(robot.createScreenCapture(bounds));
                } else {
                    desktop = desktop.union(bounds);
                }
            }
            if (!perMonitor) {
                images.add(robot.createScreenCapture(desktop));
            }
            return images;
        } catch (AWTException | HeadlessException | SecurityException e) {
            throw new CaptureUnavailableException("the desktop refused screen capture: " + e.getMessage(), e);
        }
    }
}
