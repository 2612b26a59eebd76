package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.AristaHeader;
import dev.fabricscope.json.Rfc3339;

/**
 * Arista's vendor-specific ethertype 0xd28b as tcpdump 4.99's print-arista.c: the subtype, and for the timestamp
 * subtype its timescale, format and hardware, then the time ("SubType Timestamp (0x0001), Timescale TAI (0),
 * Format 64-bit (1), HwInfo R/R2 (0), Timestamp 2020-01-01 00:00:00.000000000: "). The original ethertype that follows
 * is {@link PacketPrinter}'s, as tcpdump's ether_common_print goes back to its type field; the layout is
 * {@link AristaHeader}'s.
 */
final class AristaFormatter {
    private static final long NANOS = 1_000_000_000L;

    /** The header's bytes after the type field (2 were captured): printed, the original ethertype follows. */
    static final int UNKNOWN = -1;
    /** The capture ends inside the header: tcpdump's fetch gives up (" [|arista]"). */
    static final int TRUNCATED = 0;

    private AristaFormatter() { }

    /** Prints the header at {@code off}; its length, {@link #UNKNOWN} (subtype or format) or {@link #TRUNCATED}. */
    static int format(Packet p, int off, StringBuilder out) {
        int subtype = AristaHeader.subtype(p, off);
        out.append("SubType ").append(subtype == AristaHeader.SUBTYPE_TIMESTAMP ? "Timestamp" : "Unknown")
            .append(" (0x");
        Text.hex(out, subtype, 4);
        out.append("), ");
        if (subtype != AristaHeader.SUBTYPE_TIMESTAMP) return UNKNOWN;
        if (!p.has(off + 2, 1)) return TRUNCATED;
        int timescale = AristaHeader.timescale(p, off);
        out.append("Timescale ").append(switch (timescale) {
            case 0 -> "TAI";
            case 1 -> "UTC";
            default -> "Unknown";
        }).append(" (").append(timescale).append("), ");
        if (!p.has(off + 3, 1)) return TRUNCATED;
        int format = AristaHeader.format(p, off), hardware = AristaHeader.hardware(p, off);
        out.append("Format ").append(switch (format) {
            case AristaHeader.FORMAT_64BIT -> "64-bit";
            case AristaHeader.FORMAT_48BIT -> "48-bit";
            default -> "Unknown";
        }).append(" (").append(format).append("), HwInfo ").append(switch (hardware) {
            case 0 -> "R/R2";
            case 1 -> "R3";
            default -> "Unknown";
        }).append(" (").append(hardware).append("), Timestamp ");
        int time = AristaHeader.timeLength(format), at = off + AristaHeader.BEFORE_TIME;
        if (time == 0) return UNKNOWN;
        if (!p.has(at, time)) return TRUNCATED;
        switch (format) {
            case AristaHeader.FORMAT_64BIT -> {
                long nanoseconds = p.u32(at + 4);
                // tcpdump adds the whole seconds in the nanoseconds as a uint32_t: the sum wraps
                long seconds = (p.u32(at) + nanoseconds / NANOS) & 0xffffffffL;
                Rfc3339.appendDate(out, Math.floorDiv(seconds, 86_400L));
                int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
                out.append(' ');
                Text.timeOfDay(out, secondOfDay);
                out.append('.');
                nineDigits(out, nanoseconds % NANOS);
            }
            default -> {   // 48-bit
                long nanoseconds = p.u32(at + 2);
                out.append(p.u16(at) + nanoseconds / NANOS).append('.');
                nineDigits(out, nanoseconds % NANOS);
            }
        }
        out.append(": ");
        return AristaHeader.BEFORE_TIME + time;
    }

    private static void nineDigits(StringBuilder out, long value) {
        for (long place = NANOS / 10; place > 0; place /= 10) out.append((char) ('0' + value / place % 10));
    }
}
