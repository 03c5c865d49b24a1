package fr.plateformecitoyens.core.report;

/**
 * Where the problem is: WGS 84 degrees, and the address as the reporter typed it (empty when none).
 */
public record Location(double lat, double lon, String address) {

    public Location {
        address = address == null ? "" : address.strip();
    }

    /** The geohash cell of this point at {@code precision} characters. */
    public String geohash(int precision) {
        return Geohash.encode(lat, lon, precision);
    }

    /** The great-circle distance to another point, in metres. */
    public double metresTo(double otherLat, double otherLon) {
        double r = 6_371_000;
        double dLat = Math.toRadians(otherLat - lat);
        double dLon = Math.toRadians(otherLon - lon);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat))
                * Math.cos(Math.toRadians(otherLat)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
