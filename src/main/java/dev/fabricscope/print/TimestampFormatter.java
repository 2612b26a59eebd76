package dev.fabricscope.print;

import dev.fabricscope.json.Rfc3339;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * tcpdump's default time stamp, {@code HH:MM:SS.ffffff} in a time zone (microseconds, truncated from
 * nanoseconds). The zone offset is remembered for the interval between two transitions, so the rules
 * are consulted (and allocate) only when a packet falls outside it. Also smc-clc's message prefix.
 * One thread per instance.
 */
public final class TimestampFormatter {
    private final ZoneRules rules;
    private final boolean fixed;
    private long validFrom = Long.MAX_VALUE;   // epoch seconds, inclusive
    private long validUntil = Long.MIN_VALUE;  // epoch seconds, exclusive
    private int offsetSeconds;

    private final boolean dates;

    public TimestampFormatter(ZoneId zone) {
        this(zone, false);
    }

    /** {@code dates}: tcpdump -tttt's "YYYY-MM-DD " before the time. */
    TimestampFormatter(ZoneId zone, boolean dates) {
        this.dates = dates;
        this.rules = zone.getRules();
        this.fixed = rules.isFixedOffset();
        if (fixed) offsetSeconds = rules.getOffset(Instant.EPOCH).getTotalSeconds();
    }

    public void format(long timestampNanos, StringBuilder out) {
        long seconds = Math.floorDiv(timestampNanos, 1_000_000_000L);
        int micros = (int) (Math.floorMod(timestampNanos, 1_000_000_000L) / 1000);
        if (!fixed && (seconds < validFrom || seconds >= validUntil)) refresh(seconds);
        int secondOfDay = (int) Math.floorMod(seconds + offsetSeconds, 86_400L);
        if (dates) {
            Rfc3339.appendDate(out, Math.floorDiv(seconds + offsetSeconds, 86_400L));
            out.append(' ');
        }
        Text.twoDigits(out, secondOfDay / 3600);
        out.append(':');
        Text.twoDigits(out, secondOfDay / 60 % 60);
        out.append(':');
        Text.twoDigits(out, secondOfDay % 60);
        out.append('.');
        for (int div = 100_000; div > 0; div /= 10) out.append((char) ('0' + micros / div % 10));
    }

    private void refresh(long seconds) {
        Instant at = Instant.ofEpochSecond(seconds);
        offsetSeconds = rules.getOffset(at).getTotalSeconds();
        ZoneOffsetTransition previous = rules.previousTransition(at.plusSeconds(1));
        ZoneOffsetTransition next = rules.nextTransition(at);
        validFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
        validUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond();
    }
}
