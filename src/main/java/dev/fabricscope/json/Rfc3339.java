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

    /** As {@link #utc}, appended without allocating: for a time per packet ({@code capture --json}). */
    public static void appendUtc(StringBuilder out, long epochNanos) {
        int nanos = (int) Math.floorMod(epochNanos, 1_000_000_000L);
        appendDateTime(out, Math.floorDiv(epochNanos, 1_000_000_000L));
        if (nanos != 0) {
            out.append('.');
            if (nanos % 1_000_000 == 0) digits(out, nanos / 1_000_000, 100);
            else if (nanos % 1000 == 0) digits(out, nanos / 1000, 100_000);
            else digits(out, nanos, 100_000_000);
        }
        out.append('Z');
    }

    /** "YYYY-MM-DDTHH:MM:SS" (UTC) of a second since the epoch, without allocating. */
    public static void appendDateTime(StringBuilder out, long epochSeconds) {
        int secondOfDay = (int) Math.floorMod(epochSeconds, 86_400L);
        appendDate(out, Math.floorDiv(epochSeconds, 86_400L));
        out.append('T');
        digits(out, secondOfDay / 3600, 10);
        out.append(':');
        digits(out, secondOfDay / 60 % 60, 10);
        out.append(':');
        digits(out, secondOfDay % 60, 10);
    }

    /** {@code value} in decimal with leading zeros, {@code highest} being the place of its first digit. */
    private static void digits(StringBuilder out, int value, int highest) {
        for (int place = highest; place > 0; place /= 10) out.append((char) ('0' + value / place % 10));
    }

    /** Proleptic Gregorian "YYYY-MM-DD" of a day count since 1970-01-01, without allocating. */
    public static void appendDate(StringBuilder out, long epochDay) {
        long civil = civilFromDays(epochDay);
        long year = civilYear(civil);
        int month = civilMonth(civil), day = civilDayOfMonth(civil);
        if (year < 0) {
            out.append('-');
            year = -year;
        }
        if (year < 1000) out.append(year < 10 ? "000" : year < 100 ? "00" : "0");
        out.append(year).append('-');
        if (month < 10) out.append('0');
        out.append(month).append('-');
        if (day < 10) out.append('0');
        out.append(day);
    }

    /**
     * The proleptic Gregorian year, month and day of a day count since 1970-01-01, packed in one long (read them
     * with {@link #civilYear}, {@link #civilMonth}, {@link #civilDayOfMonth}) so that the hot paths printing a
     * date per packet allocate nothing. H. Hinnant's published civil-from-days algorithm, over 400-year eras.
     */
    public static long civilFromDays(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long day = doy - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        return year << 9 | month << 5 | day;
    }

    /** The year of a {@link #civilFromDays} result (negative before year 0). */
    public static long civilYear(long civil) {
        return civil >> 9;
    }

    /** The month, 1-12, of a {@link #civilFromDays} result. */
    public static int civilMonth(long civil) {
        return (int) (civil >> 5) & 15;
    }

    /** The day of the month, 1-31, of a {@link #civilFromDays} result. */
    public static int civilDayOfMonth(long civil) {
        return (int) civil & 31;
    }

    /** As {@link #utc}, but whole seconds too carry a fraction: "2026-01-01T00:00:23.000Z". */
    public static String utcWithFraction(long epochNanos) {
        String t = utc(epochNanos);
        return t.indexOf('.') < 0 ? t.substring(0, t.length() - 1) + ".000Z" : t;
    }
}
