package org.trackbench.core.capture;

import java.awt.image.BufferedImage;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where screenshots come from, registered with the {@link #SOURCE} property; capture selects one by
 * configuration (the desktop, or a synthetic one for headless demos and tests).
 */
@ConsumerType
public interface ScreenSource {

    /** Service property naming the source, e.g. {@code desktop} or {@code synthetic}. */
    String SOURCE = "trackbench.screen.source";

    /**
     * Captures the screen: one image of all monitors, or one per monitor.
     *
     * @throws CaptureUnavailableException when there is no display or the desktop refuses capture
     */
    List<BufferedImage> capture(boolean perMonitor);
}
