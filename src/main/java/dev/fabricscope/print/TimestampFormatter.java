package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;
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
    /**
     * -ttt: the previous packet's time; -ttttt: the first packet's (seconds, and the fraction in the precision's unit).
     * 0.0 counts as no reference yet, as in tcpdump.
     */
    private long referenceSeconds;
    private long referenceFraction;
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
        format(timestampNanos, Packet.NO_FRACTION_FIELD, out);
    }

    /**
     * As {@link #format(long, StringBuilder)}, for a pcap record libpcap reads otherwise ({@code fractionField}
     * nanoseconds, see {@link Packet#fractionField()}), else {@link Packet#NO_FRACTION_FIELD}: printed as tcpdump
     * prints the struct timeval libpcap 1.10 gives it (the seconds field as a signed 32-bit number, and the fraction
     * field scaled to the precision, divided toward zero).
     */
    public void format(long timestampNanos, long fractionField, StringBuilder out) {
        long seconds;
        long fraction;
        if (fractionField == Packet.NO_FRACTION_FIELD) {
            seconds = Math.floorDiv(timestampNanos, 1_000_000_000L);
            fraction = Math.floorMod(timestampNanos, 1_000_000_000L);
        } else {
            seconds = (int) Math.floorDiv(timestampNanos - fractionField, 1_000_000_000L);
            fraction = fractionField;
        }
        print(seconds, nanos ? fraction : fraction / 1000, out);
    }

    /**
     * tcpdump's ts_print of a struct timeval a packet carries ({@code seconds}, and {@code fractionField}: its
     * microseconds, read as nanoseconds with nano precision, as tcpdump does), in this style, then a space. -ttt and
     * -ttttt measure it against the packets' reference time and move -ttt's, as tcpdump's one static reference does.
     */
    void formatCarried(long seconds, long fractionField, StringBuilder out) {
        if (style == TimestampStyle.NONE) return;
        print(seconds, fractionField, out);
        out.append(' ');
    }

    /** tcpdump's ts_print of a struct timeval ({@code fraction} in the precision's unit), without the space. */
    private void print(long seconds, long fraction, StringBuilder out) {
        switch (style) {
            case NONE -> { }
            case UNIX -> {
                if (outOfRange(seconds, out)) return;
                out.append(tcpdumpRange ? seconds & 0xffff_ffffL : seconds);   // tcpdump's "%u"
                fraction(fraction, out);
            }
            case SINCE_PREVIOUS, SINCE_FIRST -> sinceReference(seconds, fraction, out);
            default -> timeOfDay(seconds, fraction, out);
        }
    }

    /**
     * '-' or ' ', then "HH:MM:SS.ffffff" of the time since the reference as tcpdump's timeval arithmetic gives it
     * (fractions subtracted apart from seconds, one borrow; printed as a UTC time of day).
     */
    private void sinceReference(long seconds, long fraction, StringBuilder out) {
        if (referenceSeconds == 0 && referenceFraction == 0) {
            referenceSeconds = seconds;
            referenceFraction = fraction;
        }
        boolean negative = seconds == referenceSeconds ? fraction < referenceFraction : seconds < referenceSeconds;
        long deltaSeconds = negative ? referenceSeconds - seconds : seconds - referenceSeconds;
        long deltaFraction = negative ? referenceFraction - fraction : fraction - referenceFraction;
        if (deltaFraction < 0) {
            deltaSeconds--;
            deltaFraction += nanos ? 1_000_000_000L : 1_000_000L;
        }
        if (style == TimestampStyle.SINCE_PREVIOUS) {
            referenceSeconds = seconds;
            referenceFraction = fraction;
        }
        out.append(negative ? '-' : ' ');
        if (outOfRange(deltaSeconds, out)) return;
        if (tcpdumpRange && yearBeyondInt(Math.floorDiv(deltaSeconds, 86_400L))) {
            out.append("[Error converting time]");   // glibc's gmtime fails
            return;
        }
        Text.timeOfDay(out, (int) Math.floorMod(deltaSeconds, 86_400L));
        fraction(deltaFraction, out);
    }

    /** The time of day in the zone (-tttt: the date before it). */
    private void timeOfDay(long seconds, long fraction, StringBuilder out) {
        if (outOfRange(seconds, out)) return;
        if (!fixed && (seconds < validFrom || seconds >= validUntil)) refresh(seconds);
        long epochDay = Math.floorDiv(seconds + offsetSeconds, 86_400L);
        if (tcpdumpRange && yearBeyondInt(epochDay)) {
            out.append("[Error converting time]");   // glibc's localtime fails
            return;
        }
        if (style == TimestampStyle.DATE_TIME) {
            Rfc3339.appendDate(out, epochDay);
            out.append(' ');
        }
        Text.timeOfDay(out, (int) Math.floorMod(seconds + offsetSeconds, 86_400L));
        fraction(fraction, out);
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

    /** tcpdump tests the seconds as a 32-bit unsigned int: bit 31 set is "[Error converting time]". */
    private boolean outOfRange(long seconds, StringBuilder out) {
        if (!tcpdumpRange || (seconds & 0x8000_0000L) == 0) return false;
        out.append("[Error converting time]");
        return true;
    }

    /** ".ffffff" or ".fffffffff" of a fraction in the precision's unit, as tcpdump's "%06u"/"%09u" of a C unsigned. */
    private void fraction(long fraction, StringBuilder out) {
        out.append('.');
        Text.zeroPadded(out, fraction & 0xffff_ffffL, nanos ? 9 : 6);
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
