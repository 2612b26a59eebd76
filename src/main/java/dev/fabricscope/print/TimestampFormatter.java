package dev.fabricscope.print;

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
        if (dates) date(Math.floorDiv(seconds + offsetSeconds, 86_400L), out);
        Text.twoDigits(out, secondOfDay / 3600);
        out.append(':');
        Text.twoDigits(out, secondOfDay / 60 % 60);
        out.append(':');
        Text.twoDigits(out, secondOfDay % 60);
        out.append('.');
        for (int div = 100_000; div > 0; div /= 10) out.append((char) ('0' + micros / div % 10));
    }

    /** Proleptic Gregorian "YYYY-MM-DD " of a day count since 1970-01-01, computed without allocating. */
    private static void date(long epochDay, StringBuilder out) {
        // civil-from-days over 400-year eras (H. Hinnant's published algorithm)
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        if (year >= 0 && year < 1000) out.append(year < 10 ? "000" : year < 100 ? "00" : "0");
        out.append(year).append('-');
        Text.twoDigits(out, month);
        out.append('-');
        Text.twoDigits(out, day);
        out.append(' ');
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
