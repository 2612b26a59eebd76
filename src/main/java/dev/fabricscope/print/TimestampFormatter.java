package dev.fabricscope.print;

import dev.fabricscope.json.Rfc3339;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * tcpdump's time stamps ({@link TimestampStyle}): by default {@code HH:MM:SS.ffffff} in a time zone
 * (microseconds, truncated from nanoseconds), or the style of -t ... -ttttt. The zone offset is remembered for
 * the interval between two transitions, so the rules are consulted (and allocate) only when a packet falls
 * outside it. Also smc-clc's message prefix. One thread per instance (-ttt and -ttttt keep a reference time).
 */
public final class TimestampFormatter {
    private final ZoneRules rules;
    private final boolean fixed;
    private long validFrom = Long.MAX_VALUE;   // epoch seconds, inclusive
    private long validUntil = Long.MIN_VALUE;  // epoch seconds, exclusive
    private int offsetSeconds;

    private final TimestampStyle style;
    /** --time-stamp-precision=nano: nine fraction digits, and -ttt/-ttttt count nanoseconds. */
    private final boolean nanos;
    /** -ttt: the previous packet's time; -ttttt: the first packet's (nanoseconds, cut to the precision). */
    private long reference;
    private boolean referenceSet;
    /** tcpdump's printer: a time whose seconds, as a C unsigned int, have the top bit set is not converted. */
    private final boolean tcpdumpRange;

    public TimestampFormatter(ZoneId zone) {
        this(zone, TimestampStyle.TIME);
    }

    TimestampFormatter(ZoneId zone, TimestampStyle style) {
        this(zone, style, false, false);
    }

    /** @param tcpdumpRange times tcpdump cannot convert print "[Error converting time]" (util-print.c) */
    TimestampFormatter(ZoneId zone, TimestampStyle style, boolean nanos, boolean tcpdumpRange) {
        this.style = style;
        this.nanos = nanos;
        this.tcpdumpRange = tcpdumpRange;
        this.rules = zone.getRules();
        this.fixed = rules.isFixedOffset();
        if (fixed) offsetSeconds = rules.getOffset(Instant.EPOCH).getTotalSeconds();
    }

    /** Appends the time stamp in this formatter's style ({@link TimestampStyle#NONE}: nothing). */
    public void format(long timestampNanos, StringBuilder out) {
        format(timestampNanos, -1, out);
    }

    /**
     * As {@link #format(long, StringBuilder)}, for a record whose fraction field held a second or more
     * ({@code fractionBeyondSecond} nanoseconds, else -1): the absolute styles print that field as it is, after
     * the seconds field, as tcpdump does; the relative ones use the time it adds up to.
     */
    public void format(long timestampNanos, long fractionBeyondSecond, StringBuilder out) {
        long seconds = Math.floorDiv(timestampNanos - Math.max(fractionBeyondSecond, 0), 1_000_000_000L);
        long fraction = fractionBeyondSecond >= 0 ? fractionBeyondSecond : Math.floorMod(timestampNanos, 1_000_000_000L);
        switch (style) {
            case NONE -> { }
            case UNIX -> {
                if (outOfRange(seconds, out)) return;
                out.append(seconds);
                fraction(fraction, out);
            }
            case SINCE_PREVIOUS, SINCE_FIRST -> sinceReference(timestampNanos, out);
            default -> local(seconds, fraction, out);
        }
    }

    /**
     * " HH:MM:SS.ffffff" of the time since the reference ('-' first when before it); hours wrap at 24 as gmtime's.
     * Both times are cut to the precision first, as tcpdump subtracts the stamps libpcap gave it.
     */
    private void sinceReference(long timestampNanos, StringBuilder out) {
        long time = nanos ? timestampNanos : Math.floorDiv(timestampNanos, 1000) * 1000;
        if (!referenceSet) {
            reference = time;
            referenceSet = true;
        }
        long delta = time - reference;
        if (style == TimestampStyle.SINCE_PREVIOUS) reference = time;
        out.append(delta < 0 ? '-' : ' ');
        delta = Math.abs(delta);
        if (outOfRange(delta / 1_000_000_000L, out)) return;
        clock((int) (delta / 1_000_000_000L % 86_400), delta % 1_000_000_000L, out);
    }

    private void local(long seconds, long fraction, StringBuilder out) {
        if (outOfRange(seconds, out)) return;
        Text.timeOfDay(out, localDateAndSecondOfDay(seconds, out));
        fraction(fraction, out);
    }

    /** -tttt's date and a space; returns the second of the day in the zone. */
    private int localDateAndSecondOfDay(long seconds, StringBuilder out) {
        if (!fixed && (seconds < validFrom || seconds >= validUntil)) refresh(seconds);
        if (style == TimestampStyle.DATE_TIME) {
            Rfc3339.appendDate(out, Math.floorDiv(seconds + offsetSeconds, 86_400L));
            out.append(' ');
        }
        return (int) Math.floorMod(seconds + offsetSeconds, 86_400L);
    }

    /**
     * tcpdump's ts_print of a struct timeval a packet carries ({@code seconds}, and {@code fractionField}: its
     * microseconds, read as nanoseconds with nano precision, as tcpdump does), in this style, then a space. The
     * fraction prints as tcpdump's "%06u"/"%09u" of it as a C unsigned int; -ttt and -ttttt measure it against the
     * packets' reference time and move -ttt's, as tcpdump's one static reference does.
     */
    void formatCarried(long seconds, long fractionField, StringBuilder out) {
        switch (style) {
            case NONE -> { return; }
            case UNIX -> {
                if (!outOfRange(seconds, out)) {
                    out.append(seconds & 0xffff_ffffL);
                    carriedFraction(fractionField, out);
                }
            }
            case SINCE_PREVIOUS, SINCE_FIRST ->
                sinceReference(seconds * 1_000_000_000L + (nanos ? fractionField : fractionField * 1000), out);
            default -> {
                if (outOfRange(seconds, out)) break;
                if (!fixed && (seconds < validFrom || seconds >= validUntil)) refresh(seconds);
                if (yearBeyondInt(Math.floorDiv(seconds + offsetSeconds, 86_400L))) {
                    out.append("[Error converting time]");   // glibc's localtime fails
                    break;
                }
                Text.timeOfDay(out, localDateAndSecondOfDay(seconds, out));
                carriedFraction(fractionField, out);
            }
        }
        out.append(' ');
    }

    /** True when the year of an epoch day, less 1900, does not fit a C int (struct tm's tm_year). */
    private static boolean yearBeyondInt(long epochDay) {
        if (Math.abs(epochDay) < 700_000_000_000L) return false;   // within a billion years: no overflow, no need
        long z = epochDay + 719_468;   // civil_from_days (H. Hinnant), years from March
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long year = yoe + era * 400 + (mp >= 10 ? 1 : 0);
        long tmYear = year - 1900;
        return tmYear > Integer.MAX_VALUE || tmYear < Integer.MIN_VALUE;
    }

    private void carriedFraction(long field, StringBuilder out) {
        out.append('.');
        Text.zeroPadded(out, field & 0xffff_ffffL, nanos ? 9 : 6);
    }

    /** tcpdump tests the seconds as a 32-bit unsigned int: bit 31 set is "[Error converting time]". */
    private boolean outOfRange(long seconds, StringBuilder out) {
        if (!tcpdumpRange || (seconds & 0x8000_0000L) == 0) return false;
        out.append("[Error converting time]");
        return true;
    }

    /** HH:MM:SS and the fraction of a second ({@code nanosOfSecond}) in the precision's digits. */
    private void clock(int secondOfDay, long nanosOfSecond, StringBuilder out) {
        Text.timeOfDay(out, secondOfDay);
        fraction(nanosOfSecond, out);
    }

    /**
     * ".ffffff" (microseconds, truncated) or ".fffffffff"; a fraction of a second or more (a damaged record) as
     * tcpdump's "%06u"/"%09u" print it, all its digits, cut to 32 bits.
     */
    private void fraction(long nanosOfSecond, StringBuilder out) {
        out.append('.');
        long value = nanos ? nanosOfSecond : nanosOfSecond / 1000;
        if (nanosOfSecond >= 1_000_000_000L) {
            out.append(value & 0xffff_ffffL);
            return;
        }
        for (long div = nanos ? 100_000_000 : 100_000; div > 0; div /= 10) out.append((char) ('0' + value / div % 10));
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
