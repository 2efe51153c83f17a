package org.trackbench.capture.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Turns a captured image into the bytes that are queued: optional downscale and blur, then JPEG or PNG. */
final class ImageEncoder {

    private static final int BLUR_RADIUS = 6;

    private final CaptureOptions options;

    ImageEncoder(CaptureOptions options) {
        this.options = options;
    }

    void encode(BufferedImage image, OutputStream out) throws IOException {
        BufferedImage prepared = options.blur() ? blur(downscale(image)) : downscale(image);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(options.format());
        if (!writers.hasNext()) {
            throw new IOException("no ImageIO writer for " + options.format());
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            if (options.format().equals("jpeg")) {
                parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                parameters.setCompressionQuality(options.jpegQuality());
            }
            writer.write(null, new IIOImage(prepared, null, null), parameters);
        } finally {
            writer.dispose();
        }
    }

    /** Scales so that neither side exceeds the maximum edge, keeping the aspect ratio. */
    BufferedImage downscale(BufferedImage image) {
        int longest = Math.max(image.getWidth(), image.getHeight());
        if (options.maxEdge() == 0 && image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        double scale = options.maxEdge() == 0 || longest <= options.maxEdge() ? 1 : (double) options.maxEdge() / longest;
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        // JPEG has no alpha: draw onto plain RGB whatever the source was.
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = scaled.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(image, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return scaled;
    }

    /** A box blur strong enough that text is no longer readable. */
    static BufferedImage blur(BufferedImage image) {
        int size = 2 * BLUR_RADIUS + 1;
        float[] weights = new float[size * size];
        Arrays.fill(weights, 1f / weights.length);
        return new ConvolveOp(new Kernel(size, size, weights), ConvolveOp.EDGE_NO_OP, null).filter(image, null);
    }
}
