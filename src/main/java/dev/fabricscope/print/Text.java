package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * Appending numbers and addresses to a {@link StringBuilder} without intermediate strings:
 * {@link StringBuilder#append(int)} already writes digits in place; hex and addresses are written here.
 */
final class Text {
    private Text() { }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Unsigned 32-bit decimal ({@code %u} of a uint32_t). */
    static void u32(StringBuilder out, long value) {
        out.append(value & 0xffffffffL);
    }

    /** Unsigned 64-bit decimal ({@code PRIu64}), without a String. */
    static void u64(StringBuilder out, long value) {
        if (value >= 0) {
            out.append(value);
        } else {
            long quotient = (value >>> 1) / 5;   // value / 10, unsigned
            out.append(quotient).append((char) ('0' + (value - quotient * 10)));
        }
    }

    private static final String[] RELTS_UNITS = {"y", "w", "d", "h", "m", "s"};
    private static final int[] RELTS_SECONDS = {31_536_000, 604_800, 86_400, 3600, 60, 1};

    /** "1d2h3m4s" (years and weeks too), tcpdump's {@code unsigned_relts_print}. */
    static void relativeTime(StringBuilder out, long seconds) {
        if (seconds == 0) {
            out.append("0s");
            return;
        }
        for (int i = 0; i < RELTS_SECONDS.length && seconds > 0; i++) {
            if (seconds >= RELTS_SECONDS[i]) {
                out.append(seconds / RELTS_SECONDS[i]).append(RELTS_UNITS[i]);
                seconds %= RELTS_SECONDS[i];
            }
        }
    }

    /** A non-negative decimal right-aligned in {@code width} columns ({@code %4u}), without a String. */
    static void rightAligned(StringBuilder out, long value, int width) {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) digits++;
        for (int i = digits; i < width; i++) out.append(' ');
        out.append(value);
    }

    /** A non-negative decimal padded with zeros to {@code width} digits ({@code %03u}), without a String. */
    static void zeroPadded(StringBuilder out, long value, int width) {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) digits++;
        for (int i = digits; i < width; i++) out.append('0');
        out.append(value);
    }

    /**
     * A non-negative double as C's {@code %.2f}: its exact binary value rounded half to even, as glibc does (Java's
     * formatter rounds its shortest decimal form, which differs on ties such as 0.125), without a String. Values up
     * to 2^63.
     */
    static void twoDecimals(StringBuilder out, double value) {
        long bits = Double.doubleToRawLongBits(value);
        int biased = (int) (bits >>> 52) & 0x7ff;
        long mantissa = bits & ((1L << 52) - 1);
        int exponent;
        if (biased == 0) {
            exponent = -1074;
        } else {
            mantissa |= 1L << 52;
            exponent = biased - 1075;
        }
        if (exponent >= 0) {
            out.append(mantissa << exponent).append(".00");
            return;
        }
        long scaled = mantissa * 100;   // below 2^60
        int shift = -exponent;
        long hundredths;
        if (shift > 62) {
            hundredths = 0;   // below an eighth of a hundredth
        } else {
            hundredths = scaled >>> shift;
            long rest = scaled & ((1L << shift) - 1), half = 1L << (shift - 1);
            if (rest > half || rest == half && (hundredths & 1) == 1) hundredths++;
        }
        out.append(hundredths / 100).append('.');
        twoDigits(out, (int) (hundredths % 100));
    }

    /** Lower-case hex without leading zeros ({@code %x}). */
    static void hex(StringBuilder out, long value) {
        int shift = 60;
        while (shift > 0 && ((value >>> shift) & 0xf) == 0) shift -= 4;
        for (; shift >= 0; shift -= 4) out.append(HEX[(int) (value >>> shift) & 0xf]);
    }

    /** Lower-case hex padded with zeros to {@code digits} ({@code %0Nx}); longer values are not cut. */
    static void hex(StringBuilder out, long value, int digits) {
        int needed = 1;
        while (needed < 16 && (value >>> (needed * 4)) != 0) needed++;
        for (int i = Math.max(digits, needed) - 1; i >= 0; i--) out.append(HEX[(int) (value >>> (i * 4)) & 0xf]);
    }

    /** {@code len} bytes at {@code off} as two hex digits each, no separator; the caller checked bounds. */
    static void hexBytes(StringBuilder out, Packet p, int off, int len) {
        for (int i = 0; i < len; i++) hex(out, p.u8(off + i), 2);
    }

    /**
     * Names of the set bits of {@code value} (bit i named by {@code names[i]}), lowest first, comma-separated;
     * "none" when no named bit is set (tcpdump's bittok2str).
     */
    static void bitNames(StringBuilder out, int value, String[] names) {
        boolean any = false;
        for (int i = 0; i < names.length; i++) {
            if ((value & (1 << i)) == 0) continue;
            if (any) out.append(", ");
            out.append(names[i]);
            any = true;
        }
        if (!any) out.append("none");
    }

    /** Two decimal digits with a leading zero. */
    static void twoDigits(StringBuilder out, int value) {
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** "HH:MM:SS" of a second of the day (0 to 86399). */
    static void timeOfDay(StringBuilder out, int secondOfDay) {
        twoDigits(out, secondOfDay / 3600);
        out.append(':');
        twoDigits(out, secondOfDay / 60 % 60);
        out.append(':');
        twoDigits(out, secondOfDay % 60);
    }

    static void ipv4(StringBuilder out, Packet p, int off) {
        out.append(p.u8(off)).append('.').append(p.u8(off + 1)).append('.')
                .append(p.u8(off + 2)).append('.').append(p.u8(off + 3));
    }

    /** Colon-separated lower-case hex bytes (a MAC address, or any link address length). */
    static void linkAddress(StringBuilder out, Packet p, int off, int len) {
        for (int i = 0; i < len; i++) {
            if (i > 0) out.append(':');
            hex(out, p.u8(off + i), 2);
        }
    }

    /**
     * IPv6 text form as tcpdump writes it: the longest run (first on ties) of two or more zero words
     * becomes "::"; a zero prefix of 6 words, or of 5 words then ffff, ends in a dotted IPv4 address.
     */
    static void ipv6(StringBuilder out, Packet p, int off) {
        int bestBase = -1, bestLen = 0, curBase = -1, curLen = 0;
        for (int i = 0; i < 8; i++) {
            if (p.u16(off + 2 * i) == 0) {
                if (curBase == -1) {
                    curBase = i;
                    curLen = 1;
                } else {
                    curLen++;
                }
            } else if (curBase != -1) {
                if (bestBase == -1 || curLen > bestLen) {
                    bestBase = curBase;
                    bestLen = curLen;
                }
                curBase = -1;
            }
        }
        if (curBase != -1 && (bestBase == -1 || curLen > bestLen)) {
            bestBase = curBase;
            bestLen = curLen;
        }
        if (bestBase != -1 && bestLen < 2) bestBase = -1;
        for (int i = 0; i < 8; i++) {
            if (bestBase != -1 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) out.append(':');
                continue;
            }
            if (i != 0) out.append(':');
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && p.u16(off + 10) == 0xffff))) {
                ipv4(out, p, off + 12);
                return;
            }
            hex(out, p.u16(off + 2 * i));
        }
        if (bestBase != -1 && bestBase + bestLen == 8) out.append(':');
    }

    /** One byte as tcpdump's fn_print_char shows it: "M-" for the high bit, "^X" for control characters. */
    static void printableChar(StringBuilder out, int c) {
        if (c >= 0x80) {
            out.append("M-");
            c &= 0x7f;
        }
        if (c < 0x20 || c == 0x7f) {
            out.append('^');
            c ^= 0x40;
        }
        out.append((char) c);
    }
}
