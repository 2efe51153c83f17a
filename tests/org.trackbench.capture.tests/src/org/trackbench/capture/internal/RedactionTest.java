package org.trackbench.capture.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.trackbench.core.capture.ScreenSource;
import org.trackbench.testing.Configurations;

/**
 * Redaction that cannot be undone, checked on what is stored (PNG, lossless, so the stored pixels are the redacted
 * ones): pixelated, every block is one colour; solid, the image has the fill and the stamp's colour and nothing else.
 * Also on a real capture of this machine's screen (Xvfb in the tests), not only on a drawn page.
 */
class RedactionTest {

    private static final int BLOCK = 16;

    @Test
    void aPixelatedPageKeepsOneColourPerBlock() throws IOException {
        BufferedImage stored = ImageEncoderTest.roundTrip(ImageEncoderTest.options("png", 0, Redaction.PIXELATE), page());

        assertUniformBlocks(stored);
        assertTrue(colours(stored).size() > 1, "a pixelated page is not blank: it keeps each block's average");
    }

    @Test
    void aSolidScreenshotHoldsTheFillAndTheStampAndNothingElse() throws IOException {
        BufferedImage stored = ImageEncoderTest.roundTrip(ImageEncoderTest.options("png", 0, Redaction.SOLID), page());

        assertEquals(Set.of(Redaction.FILL.getRGB() & 0xFFFFFF, Redaction.STAMP.getRGB() & 0xFFFFFF), colours(stored));
        assertEquals(800, stored.getWidth());
    }

    @Test
    void aRealCaptureOfTheScreenIsPixelatedBeforeItIsStored() throws Exception {
        ScreenSource desktop = new Configurations().await(ScreenSource.class, "(" + ScreenSource.SOURCE + "=desktop)");
        BufferedImage screen = desktop.capture(false).get(0);

        BufferedImage stored = ImageEncoderTest.roundTrip(ImageEncoderTest.options("png", 0, Redaction.PIXELATE), screen);

        assertEquals(screen.getWidth(), stored.getWidth());
        assertUniformBlocks(stored);
    }

    @Test
    void anUnknownRedactionIsRefusedNamingTheAcceptedOnes() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Redaction.parse("smudge", false));
        assertTrue(refused.getMessage().contains("'smudge' is not accepted; expected none, blur, pixelate or solid"));
        assertEquals(Redaction.BLUR, Redaction.parse("", true), "the older blur switch still blurs");
        assertEquals(Redaction.SOLID, Redaction.parse("Solid", true));
    }

    /** Black text on white, as a document or a mail on screen. */
    private static BufferedImage page() {
        BufferedImage page = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = page.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, 800, 600);
            graphics.setColor(Color.BLACK);
            graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            for (int line = 0; line < 30; line++) {
                graphics.drawString("Quarterly salaries, line " + line + ": Alice 7,412  Bob 6,980  Carol 8,105", 10,
                        20 + line * 19);
            }
        } finally {
            graphics.dispose();
        }
        return page;
    }

    private static void assertUniformBlocks(BufferedImage image) {
        for (int top = 0; top < image.getHeight(); top += BLOCK) {
            for (int left = 0; left < image.getWidth(); left += BLOCK) {
                int first = image.getRGB(left, top);
                for (int y = top; y < Math.min(top + BLOCK, image.getHeight()); y++) {
                    for (int x = left; x < Math.min(left + BLOCK, image.getWidth()); x++) {
                        if (image.getRGB(x, y) != first) {
                            throw new AssertionError("block at " + left + "," + top + " holds more than one colour");
                        }
                    }
                }
            }
        }
    }

    private static Set<Integer> colours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours;
    }
}
