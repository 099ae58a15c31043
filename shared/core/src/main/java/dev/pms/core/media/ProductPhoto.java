package dev.pms.core.media;

/** A picture of the product the user uploaded, for a creative to composite: its bytes, type and upload id. */
public record ProductPhoto(byte[] bytes, String mimeType, String uploadId) {

    public ProductPhoto {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("a product photo needs its bytes");
        }
    }
}
