package org.trackbench.capture.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.trackbench.core.capture.ScreenSource;

/** A drawn 1920×1080 "screen" with the time on it: screenshots for headless demos and tests, no display needed. */
@Component(property = ScreenSource.SOURCE + "=synthetic")
public final class SyntheticScreenSource implements ScreenSource {

    static final int WIDTH = 1920;
    static final int HEIGHT = 1080;

    @Override
    public List<BufferedImage> capture(boolean perMonitor) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setPaint(new GradientPaint(0, 0, new Color(0x1d3557), WIDTH, HEIGHT, new Color(0xa8dadc)));
            graphics.fillRect(0, 0, WIDTH, HEIGHT);
            graphics.setColor(Color.WHITE);
            graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 64));
            graphics.drawString("Trackbench synthetic screen  " + Instant.now(), 80, HEIGHT / 2);
        } finally {
            graphics.dispose();
        }
        return List.of(image);
    }
}
