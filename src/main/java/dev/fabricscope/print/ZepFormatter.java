package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.json.Rfc3339;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * ZEP, the ZigBee Encapsulation Protocol on UDP 17754, as tcpdump 4.99's print-zep.c: the "EX" preamble, version 1's
 * or version 2's header (an ACK, or data with its NTP-style timestamp, shown in the local zone as tcpdump's
 * localtime), then the 802.15.4 frame of the inner length ({@link Ieee802154Formatter}) and the default dump of what
 * tcpdump does not count as printed.
 */
final class ZepFormatter {
    static final int PORT = 17754;
    /** NTP's era starts 1900; tcpdump subtracts this as an unsigned 32-bit number. */
    private static final long JAN_1970 = 2208988800L;
    private static final double FMAXINT = 4294967296.0;

    private final Ieee802154Formatter wpan;
    private final SnapshotBytes bytes;
    private final boolean defaultPrint;
    private final EarlyEnd earlyEnd;
    private final ZoneRules rules;
    private final boolean fixedOffset;
    private final int offsetSeconds;

    /** @param zone where the data header's timestamp is shown (tcpdump: the local zone) */
    ZepFormatter(Verbosity verbosity, boolean defaultPrint, EarlyEnd earlyEnd, ZoneId zone) {
        this.wpan = new Ieee802154Formatter(verbosity, defaultPrint, earlyEnd);
        this.bytes = wpan.bytes;
        this.defaultPrint = defaultPrint;
        this.earlyEnd = earlyEnd;
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset();
        this.offsetSeconds = fixedOffset ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
    }

    /** The datagram at {@code off}, {@code length} bytes by the UDP header, captured to {@code end}. */
    void format(Packet p, int off, int length, int end, StringBuilder out) {
        out.append("ZEP");
        String protocol = "zep";   // tcpdump's ndo_protocol: the 802.15.4 printer sets its own
        try (var _ = bytes.reading(p, end)) {
            if (bytes.u8(off) != 'E' || bytes.u8(off + 1) != 'X') {
                out.append(" [Preamble Code: ");
                Text.printableChar(out, bytes.u8(off));
                Text.printableChar(out, bytes.u8(off + 1));
                out.append(']').append(" (invalid)");
                return;
            }
            int version = bytes.u8(off + 2);
            out.append('v').append(version).append(' ');
            int inner;
            if (version == 1) {
                if (length < 16) {
                    invalid(length, 16, out);
                    return;
                }
                bytes.need(off + 3, 3);
                out.append("Channel ID ").append(bytes.u8(off + 3)).append(", Device ID 0x");
                Text.hex(out, bytes.u16(off + 4), 4);
                out.append(", ");
                if (bytes.u8(off + 6) != 0) out.append("CRC, ");
                else lqi(bytes.u8(off + 7), out);
                inner = bytes.u8(off + 15);
                out.append("inner len = ").append(inner);
                off += 16;
                length -= 16;
            } else if (bytes.u8(off + 3) == 2) {
                if (length < 8) {
                    invalid(length, 8, out);
                    return;
                }
                long seq = bytes.u32(off + 4);
                out.append("ACK, seq# = ").append(seq);
                inner = 0;
                off += 8;
                length -= 8;
            } else {
                if (length < 32) {
                    invalid(length, 32, out);
                    return;
                }
                bytes.need(off + 3, 4);
                out.append("Type ").append(bytes.u8(off + 3)).append(", Channel ID ").append(bytes.u8(off + 4))
                    .append(", Device ID 0x");
                Text.hex(out, bytes.u16(off + 5), 4);
                out.append(", ");
                if (bytes.u8(off + 7) != 0) out.append("CRC, ");
                else lqi(bytes.u8(off + 8), out);
                timestamp(off + 9, out);
                long seq = bytes.u32(off + 17);
                inner = bytes.u8(off + 31);
                out.append(", seq# = ").append(seq).append(", inner len = ").append(inner);
                off += 32;
                length -= 32;
            }
            if (inner != 0) {
                out.append("\n\t");
                protocol = Ieee802154Formatter.PROTOCOL;
                if (wpan.print(off, inner, out) != 0) {
                    bytes.need(off, length);
                    off += length;
                    length = 0;
                }
            }
            if (defaultPrint && length > 0) {
                int captured = Math.max(0, Math.min(length, end - off));
                if (captured > 0) HexDump.hexAndAscii(p, off, captured, "\n\t", out);
                if (captured < length) bytes.need(off, length);
            }
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, protocol);
        }
    }

    /** The LQI, fetched before its label is printed. */
    private static void lqi(int lqi, StringBuilder out) {
        out.append("LQI ").append(lqi).append(", ");
    }

    /** ND_LCHECK_U's complaint, then nd_print_invalid. */
    private static void invalid(int length, int minimum, StringBuilder out) {
        out.append(" [len ").append(length).append(" < ").append(minimum).append("] (invalid)");
    }

    /**
     * zep_print_ts: seconds and the fraction (through a float, as tcpdump) as nanoseconds, then unless zero the
     * local date and time of the seconds less 70 years, wrapped to 32 bits as tcpdump's unsigned subtraction.
     */
    private void timestamp(int at, StringBuilder out) {
        long seconds = bytes.u32(at);
        long fraction = bytes.u32(at + 4);
        float ff = (float) fraction;
        ff = (float) (ff / FMAXINT);
        long nanos = (long) (ff * 1000000000.0) & 0xffffffffL;
        out.append(seconds).append('.');
        Text.zeroPadded(out, (int) nanos, 9);
        if (seconds == 0) return;
        long unix = (seconds - JAN_1970) & 0xffffffffL;
        long local = unix + (fixedOffset ? offsetSeconds
            : rules.getOffset(Instant.ofEpochSecond(unix)).getTotalSeconds());
        long day = Math.floorDiv(local, 86_400L);
        int secondOfDay = (int) Math.floorMod(local, 86_400L);
        long civil = Rfc3339.civilFromDays(day);
        out.append(" (").append(Rfc3339.civilYear(civil)).append('/');
        Text.twoDigits(out, Rfc3339.civilMonth(civil));
        out.append('/');
        Text.twoDigits(out, Rfc3339.civilDayOfMonth(civil));
        out.append(' ');
        Text.timeOfDay(out, secondOfDay);
        out.append(')');
    }
}
