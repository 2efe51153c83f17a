package org.trackbench.capture.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class ImageEncoderTest {

    private static CaptureOptions options(String format, int maxEdge, boolean blur) {
        return options(format, maxEdge, blur ? Redaction.BLUR : Redaction.NONE);
    }

    static CaptureOptions options(String format, int maxEdge, Redaction redaction) {
        return new CaptureOptions(Duration.ofMinutes(5), false, false, Set.of(), format, 0.7f, maxEdge, redaction, 16,
                1L << 30, QuotaPolicy.PAUSE_CAPTURE, Duration.ZERO, null);
    }

    private static BufferedImage checkerboard(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, ((x / 2 + y / 2) % 2 == 0) ? 0xFFFFFF : 0x000000);
            }
        }
        return image;
    }

    static BufferedImage roundTrip(CaptureOptions options, BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ImageEncoder(options).encode(image, Instant.parse("2026-11-30T09:00:00Z"), out);
        return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void downscaleKeepsTheAspectRatioUnderTheMaximumEdge() throws IOException {
        BufferedImage decoded = roundTrip(options("jpeg", 1000, false), checkerboard(4000, 2000));

        assertEquals(1000, decoded.getWidth());
        assertEquals(500, decoded.getHeight());
    }

    @Test
    void smallImagesAreNotEnlarged() throws IOException {
        BufferedImage decoded = roundTrip(options("png", 1000, false), checkerboard(640, 480));

        assertEquals(640, decoded.getWidth());
        assertEquals(480, decoded.getHeight());
    }

    @Test
    void pngIsLossless() throws IOException {
        BufferedImage source = checkerboard(64, 64);
        BufferedImage decoded = roundTrip(options("png", 0, false), source);

        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                assertEquals(source.getRGB(x, y), decoded.getRGB(x, y));
            }
        }
    }

    @Test
    void blurWashesOutFineDetail() throws IOException {
        BufferedImage sharp = roundTrip(options("png", 0, false), checkerboard(200, 200));
        BufferedImage blurred = roundTrip(options("png", 0, true), checkerboard(200, 200));

        assertTrue(contrast(sharp) > 200, "a checkerboard is all contrast: " + contrast(sharp));
        assertTrue(contrast(blurred) < 40, "blurred, it is nearly flat grey: " + contrast(blurred));
    }

    /** Mean absolute difference between horizontal neighbours in the image's middle, 0 to 255. */
    private static double contrast(BufferedImage image) {
        long sum = 0;
        int count = 0;
        for (int y = 50; y < 150; y++) {
            for (int x = 50; x < 150; x++) {
                sum += Math.abs((image.getRGB(x, y) & 0xFF) - (image.getRGB(x + 1, y) & 0xFF));
                count++;
            }
        }
        return (double) sum / count * 2;
    }
}
