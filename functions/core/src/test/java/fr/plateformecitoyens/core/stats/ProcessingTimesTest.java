package fr.plateformecitoyens.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProcessingTimesTest {

    @Test
    void bucketOf_putsEachDurationUnderItsLowerBound() {
        assertEquals(0, ProcessingTimes.bucketOf(Duration.ofHours(23)));
        assertEquals(1, ProcessingTimes.bucketOf(Duration.ofDays(1)));
        assertEquals(3, ProcessingTimes.bucketOf(Duration.ofDays(4)));
        assertEquals(ProcessingTimes.buckets() - 1, ProcessingTimes.bucketOf(Duration.ofDays(4000)));
        assertEquals(0, ProcessingTimes.bucketOf(Duration.ofDays(-2)), "a clock skew counts as no time");
    }

    @Test
    void median_isInterpolatedInsideTheBucketHoldingTheMiddleDecision() {
        ProcessingTimes times = new ProcessingTimes();
        times.add(ProcessingTimes.bucketOf(Duration.ofDays(2)), 1);
        times.add(ProcessingTimes.bucketOf(Duration.ofDays(8)), 2);
        times.add(ProcessingTimes.bucketOf(Duration.ofDays(40)), 1);

        assertEquals(8.5, times.medianDays(), 0.001, "rank 2 of 4 is half-way into the 7-10 day bucket");
    }

    @Test
    void median_ofNoDecision_isMinusOne_andMonthsAddUp() {
        ProcessingTimes november = new ProcessingTimes().add(0, 3);
        ProcessingTimes december = new ProcessingTimes().add(5, 5);

        assertEquals(-1, new ProcessingTimes().medianDays());
        assertEquals(8, november.addAll(december).total());
        assertEquals(7.6, november.medianDays(), 0.001);
    }
}
