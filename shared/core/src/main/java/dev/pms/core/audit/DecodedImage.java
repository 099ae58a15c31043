package dev.pms.core.audit;

/**
 * What the decoder learnt about one image. {@code analysis} is the image read every {@code subsampling}-th pixel
 * (so its longest side stays within the analysis limit); {@code blockGridLuma} is the luma of a full-resolution
 * region aligned to the 8×8 JPEG grid, present for JPEG only.
 */
record DecodedImage(ImageFormat format, String mode, int width, int height, long bytes, PixelGrid analysis,
                    int subsampling, LumaRegion blockGridLuma) {

    record LumaRegion(int width, int height, int[] luma) {
    }
}
