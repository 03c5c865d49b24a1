package fr.plateformecitoyens.core.report;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Geohash cells (base 32, longitude first), so that "reports near this point" is a handful of key
 * lookups: the point's cell and its eight neighbours.
 */
public final class Geohash {

    private static final String ALPHABET = "0123456789bcdefghjkmnpqrstuvwxyz";

    private Geohash() {
    }

    public static String encode(double lat, double lon, int precision) {
        double[] latRange = {-90, 90};
        double[] lonRange = {-180, 180};
        StringBuilder hash = new StringBuilder(precision);
        boolean even = true;
        int bit = 0;
        int value = 0;
        while (hash.length() < precision) {
            double[] range = even ? lonRange : latRange;
            double coordinate = even ? lon : lat;
            double mid = (range[0] + range[1]) / 2;
            value <<= 1;
            if (coordinate >= mid) {
                value |= 1;
                range[0] = mid;
            } else {
                range[1] = mid;
            }
            even = !even;
            if (++bit == 5) {
                hash.append(ALPHABET.charAt(value));
                bit = 0;
                value = 0;
            }
        }
        return hash.toString();
    }

    /** The height and width in degrees of a cell of {@code precision} characters. */
    static double[] cellSize(int precision) {
        int bits = precision * 5;
        int lonBits = (bits + 1) / 2;
        int latBits = bits / 2;
        return new double[] {180 / Math.pow(2, latBits), 360 / Math.pow(2, lonBits)};
    }

    /** The cell of the point and its eight neighbours (fewer near the poles or the antimeridian). */
    public static Set<String> around(double lat, double lon, int precision) {
        double[] size = cellSize(precision);
        Set<String> cells = new LinkedHashSet<>();
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                double y = lat + dy * size[0];
                double x = lon + dx * size[1];
                if (y >= -90 && y <= 90 && x >= -180 && x <= 180) {
                    cells.add(encode(y, x, precision));
                }
            }
        }
        return cells;
    }

    /** The smallest distance in metres from a point to the edge of the block {@link #around} covers. */
    public static double coveredRadiusMetres(double lat, int precision) {
        double[] size = cellSize(precision);
        double metresPerDegree = 111_320;
        return Math.min(size[0] * metresPerDegree, size[1] * metresPerDegree * Math.cos(Math.toRadians(lat)));
    }
}
