package fr.plateformecitoyens.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GeohashTest {

    @Test
    void encode_givesTheCellOfTheReferenceExample() {
        assertEquals("u4pruydqqvj", Geohash.encode(57.64911, 10.40744, 11));
    }

    @Test
    void aroundAPoint_givesItsCellAndEightNeighbours_thatShareNoPrefixBeyondTheirOwn() {
        var cells = Geohash.around(47.3941, 0.6848, 6);

        assertEquals(9, cells.size());
        assertTrue(cells.contains(Geohash.encode(47.3941, 0.6848, 6)));
    }

    @Test
    void aPointFiveHundredMetresAway_fallsInTheBlockAroundTheCentre() {
        double lat = 47.3941;
        double lon = 0.6848;
        double north = lat + 500 / 111_320.0;
        double east = lon + 500 / (111_320.0 * Math.cos(Math.toRadians(lat)));

        assertTrue(Geohash.coveredRadiusMetres(lat, 6) >= 500);
        assertTrue(Geohash.around(lat, lon, 6).contains(Geohash.encode(north, lon, 6)));
        assertTrue(Geohash.around(lat, lon, 6).contains(Geohash.encode(lat, east, 6)));
    }
}
