package fr.plateformecitoyens.benchmark.bookings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Response times of one operation, in nanoseconds; percentiles by the nearest-rank method. */
final class Latencies {

    private final List<Long> nanos = new ArrayList<>();

    void add(long elapsedNanos) {
        nanos.add(elapsedNanos);
    }

    int count() {
        return nanos.size();
    }

    /** The {@code p}-th percentile in milliseconds: the smallest sample with at least p % of samples at or below it. */
    double percentile(double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }

    double max() {
        return nanos.isEmpty() ? Double.NaN : Collections.max(nanos) / 1e6;
    }
}
