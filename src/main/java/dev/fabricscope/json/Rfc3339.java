package dev.fabricscope.json;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Packet times (nanoseconds since the epoch) as RFC 3339 in UTC, for JSON fields and text reports. */
public final class Rfc3339 {
    private Rfc3339() { }

    /** The fraction as needed, in groups of three digits: "2020-01-02T03:04:05.000004Z", "2026-01-01T00:00:00Z". */
    public static String utc(long epochNanos) {
        return DateTimeFormatter.ISO_INSTANT.format(
            Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L)));
    }

    /** As {@link #utc}, but whole seconds too carry a fraction: "2026-01-01T00:00:23.000Z". */
    public static String utcWithFraction(long epochNanos) {
        String t = utc(epochNanos);
        return t.indexOf('.') < 0 ? t.substring(0, t.length() - 1) + ".000Z" : t;
    }
}
