package fr.plateformecitoyens.media;

/**
 * What the processing accepts and produces.
 *
 * @param maxBytes          the largest file accepted
 * @param maxPixels         the most pixels an image may declare (width × height), checked before decoding
 * @param webLongestSide    the longest side of the web image, in pixels (smaller images keep their size)
 * @param thumbLongestSide  the longest side of the thumbnail
 * @param jpegQuality       the JPEG quality of both, 0 to 1
 */
public record PhotoLimits(long maxBytes, long maxPixels, int webLongestSide, int thumbLongestSide,
        float jpegQuality) {

    /** 25 MB, 40 megapixels, 1600 px for the web, 320 px thumbnails, quality 0.85. */
    public static final PhotoLimits DEFAULT = new PhotoLimits(25L * 1024 * 1024, 40_000_000L, 1600, 320, 0.85f);
}
