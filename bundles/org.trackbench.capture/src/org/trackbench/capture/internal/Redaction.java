package org.trackbench.capture.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * What is done to a screenshot in memory before it is encoded and encrypted. Blur makes text unreadable to a person
 * but keeps something of every pixel; pixelate keeps one colour per block and solid keeps nothing but the capture time,
 * so neither can be undone by any model, however clever.
 */
enum Redaction {
    NONE, BLUR, PIXELATE, SOLID;

    /** The fill of a solid screenshot, and the colour of its stamp. */
    static final Color FILL = new Color(0x4B5563);
    static final Color STAMP = Color.WHITE;
    private static final int BLUR_RADIUS = 6;

    /**
     * The setting as typed; an empty one takes the older {@code blur} switch into account.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    static Redaction parse(String text, boolean legacyBlur) {
        String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (name.isEmpty() || name.equals("NONE")) {
            return legacyBlur ? BLUR : NONE;
        }
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("redaction '" + text + "' is not accepted; expected none, blur, pixelate"
                    + " or solid", e);
        }
    }

    /** {@code image} redacted; {@code block} is pixelate's block side, {@code capturedAt} solid's stamp. */
    BufferedImage apply(BufferedImage image, int block, Instant capturedAt) {
        return switch (this) {
            case NONE -> image;
            case BLUR -> blur(image);
            case PIXELATE -> pixelate(image, block);
            case SOLID -> solid(image.getWidth(), image.getHeight(), capturedAt);
        };
    }

    /** A box blur strong enough that text is no longer readable. */
    static BufferedImage blur(BufferedImage image) {
        int size = 2 * BLUR_RADIUS + 1;
        float[] weights = new float[size * size];
        Arrays.fill(weights, 1f / weights.length);
        return new ConvolveOp(new Kernel(size, size, weights), ConvolveOp.EDGE_NO_OP, null).filter(image, null);
    }

    /** Each {@code block}×{@code block} square becomes the average of its pixels: one colour, nothing else. */
    static BufferedImage pixelate(BufferedImage image, int block) {
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage blocks = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        for (int top = 0; top < height; top += block) {
            for (int left = 0; left < width; left += block) {
                int right = Math.min(left + block, width);
                int bottom = Math.min(top + block, height);
                long red = 0;
                long green = 0;
                long blue = 0;
                for (int y = top; y < bottom; y++) {
                    for (int x = left; x < right; x++) {
                        int rgb = pixels[y * width + x];
                        red += rgb >> 16 & 0xFF;
                        green += rgb >> 8 & 0xFF;
                        blue += rgb & 0xFF;
                    }
                }
                long count = (long) (right - left) * (bottom - top);
                int average = (int) (red / count) << 16 | (int) (green / count) << 8 | (int) (blue / count);
                for (int y = top; y < bottom; y++) {
                    Arrays.fill(pixels, y * width + left, y * width + right, average);
                }
            }
        }
        blocks.setRGB(0, 0, width, height, pixels, 0, width);
        return blocks;
    }

    /** A plain fill of the screenshot's size with when it was captured: that a screenshot was due, nothing of it. */
    static BufferedImage solid(int width, int height, Instant capturedAt) {
        BufferedImage filled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = filled.createGraphics();
        try {
            graphics.setColor(FILL);
            graphics.fillRect(0, 0, width, height);
            // No antialiasing: the stamp is one colour, so the image holds exactly two.
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            graphics.setColor(STAMP);
            graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(10, Math.min(width, height) / 30)));
            graphics.drawString("Screenshot withheld (solid redaction), captured " + capturedAt, 12,
                    Math.max(20, height / 2));
        } finally {
            graphics.dispose();
        }
        return filled;
    }
}
