package org.trackbench.capture.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** A real capture of the desktop: the test command runs the suites under Xvfb when there is no display. */
class DesktopScreenSourceTest {

    @Test
    void capturesTheWholeScreenAsADecodableJpeg() throws Exception {
        assertFalse(GraphicsEnvironment.isHeadless(), "the tests run with a display (Xvfb); DISPLAY="
                + System.getenv("DISPLAY"));
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice()
                .getDefaultConfiguration().getBounds();

        List<BufferedImage> images = new DesktopScreenSource().capture(false);

        assertEquals(1, images.size());
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        new ImageEncoder(ImageEncoderTest.options("jpeg", 0, Redaction.NONE)).encode(images.get(0), Instant.now(), jpeg);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg.toByteArray()));
        assertEquals(screen.width, decoded.getWidth());
        assertEquals(screen.height, decoded.getHeight());
    }
}
