package fr.plateformecitoyens.core.tenant;

/**
 * The area a tenant serves: a centre point and a bounding box, in WGS 84 degrees.
 */
public record Territory(double centreLat, double centreLong, double minLong, double minLat, double maxLong,
        double maxLat) {

    public Territory {
        if (minLong > maxLong || minLat > maxLat) {
            throw new IllegalArgumentException("bounding box corners are inverted");
        }
    }

    public boolean contains(double lat, double lon) {
        return lat >= minLat && lat <= maxLat && lon >= minLong && lon <= maxLong;
    }
}
