package org.trackbench.capture.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns a captured image into the bytes that are queued: optional downscale, then the redaction, then JPEG or PNG.
 * All of it in memory: no unredacted pixel is written anywhere.
 */
final class ImageEncoder {

    private final CaptureOptions options;

    ImageEncoder(CaptureOptions options) {
        this.options = options;
    }

    void encode(BufferedImage image, Instant capturedAt, OutputStream out) throws IOException {
        BufferedImage prepared = options.redaction().apply(downscale(image), options.pixelBlock(), capturedAt);
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
}
