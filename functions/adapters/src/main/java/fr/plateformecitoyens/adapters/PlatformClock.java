package fr.plateformecitoyens.adapters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The platform's clock: the system's, shifted by {@code PLATFORM_CLOCK_OFFSET} (an ISO-8601 duration)
 * when that setting exists. Only the local cloud sets it, so that the legal deadlines can be exercised
 * end to end; read on every call so that moving the clock takes effect at once.
 */
public final class PlatformClock extends Clock {

    public static final String OFFSET_SETTING = "PLATFORM_CLOCK_OFFSET";

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset());
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset());
    }

    private static Duration offset() {
        return Config.optional(OFFSET_SETTING).map(Duration::parse).orElse(Duration.ZERO);
    }
}
