package fr.plateformecitoyens.core.stats;

import java.time.Duration;
import java.util.Arrays;

/**
 * A bounded histogram of processing times (receipt to decision), in days: a fixed set of buckets, so a
 * month's figures stay one small item whatever the number of decisions, and months add up bucket by
 * bucket. The median read from it is exact to the bucket and interpolated inside it.
 */
public final class ProcessingTimes {

    /** Lower bounds of the buckets, in days; the last bucket has no upper bound. */
    private static final int[] LOWER = {0, 1, 2, 3, 5, 7, 10, 14, 21, 30, 45, 60, 90, 120, 180, 270, 365};

    private final long[] counts;

    public ProcessingTimes() {
        this.counts = new long[LOWER.length];
    }

    public static int buckets() {
        return LOWER.length;
    }

    /** The bucket a duration falls in. */
    public static int bucketOf(Duration duration) {
        double days = Math.max(0, duration.toSeconds()) / 86_400.0;
        int bucket = 0;
        while (bucket + 1 < LOWER.length && days >= LOWER[bucket + 1]) {
            bucket++;
        }
        return bucket;
    }

    /** Adds {@code count} decisions to {@code bucket}. */
    public ProcessingTimes add(int bucket, long count) {
        counts[bucket] += count;
        return this;
    }

    public ProcessingTimes addAll(ProcessingTimes other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        return this;
    }

    public long total() {
        return Arrays.stream(counts).sum();
    }

    /**
     * The median processing time in days, interpolated linearly inside the bucket that holds it; -1 when
     * there is no decision. In the last, open bucket it is that bucket's lower bound.
     */
    public double medianDays() {
        long total = total();
        if (total == 0) {
            return -1;
        }
        double half = total / 2.0;
        long before = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && before + counts[i] >= half) {
                if (i == counts.length - 1) {
                    return LOWER[i];
                }
                double within = (half - before) / counts[i];
                double value = LOWER[i] + within * (LOWER[i + 1] - LOWER[i]);
                return Math.round(value * 10) / 10.0;
            }
            before += counts[i];
        }
        return LOWER[LOWER.length - 1];
    }
}
