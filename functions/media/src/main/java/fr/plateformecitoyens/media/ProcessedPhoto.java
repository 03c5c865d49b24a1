package fr.plateformecitoyens.media;

/**
 * A photo re-encoded from its pixels only: no EXIF (so no GPS position), XMP, ICC profile or comment of the
 * original survives. Both images are upright (the EXIF orientation applied) and in sRGB.
 *
 * @param web        the web-size JPEG
 * @param thumbnail  the thumbnail JPEG
 * @param width      the web image's width in pixels
 * @param height     the web image's height in pixels
 * @param sourceType what the original really was
 */
public record ProcessedPhoto(byte[] web, byte[] thumbnail, int width, int height, ImageType sourceType) {

    public ProcessedPhoto {
        web = web.clone();
        thumbnail = thumbnail.clone();
    }

    @Override
    public byte[] web() {
        return web.clone();
    }

    @Override
    public byte[] thumbnail() {
        return thumbnail.clone();
    }
}
