package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.json.Rfc3339;

/**
 * Arista's vendor-specific ethertype 0xd28b as tcpdump 4.99's print-arista.c: the subtype, and for the timestamp
 * subtype its timescale, format and hardware, then the time ("SubType Timestamp (0x0001), Timescale TAI (0),
 * Format 64-bit (1), HwInfo R/R2 (0), Timestamp 2020-01-01 00:00:00.000000000: "). The original ethertype that follows
 * is {@link PacketPrinter}'s, as tcpdump's ether_common_print goes back to its type field.
 */
final class AristaFormatter {
    static final int ETHERTYPE = 0xd28b;
    private static final int SUBTYPE_TIMESTAMP = 0x0001;
    private static final int FORMAT_64BIT = 1, FORMAT_48BIT = 2;
    private static final long NANOS = 1_000_000_000L;

    /** The header's bytes after the type field (2 were captured): printed, the original ethertype follows. */
    static final int UNKNOWN = -1;
    /** The capture ends inside the header: tcpdump's fetch gives up (" [|arista]"). */
    static final int TRUNCATED = 0;

    private AristaFormatter() { }

    /** Prints the header at {@code off}; its length, {@link #UNKNOWN} (subtype or format) or {@link #TRUNCATED}. */
    static int format(Packet p, int off, StringBuilder out) {
        int subtype = p.u16(off);
        out.append("SubType ").append(subtype == SUBTYPE_TIMESTAMP ? "Timestamp" : "Unknown").append(" (0x");
        Text.hex(out, subtype, 4);
        out.append("), ");
        if (subtype != SUBTYPE_TIMESTAMP) return UNKNOWN;
        if (!p.has(off + 2, 1)) return TRUNCATED;
        int timescale = p.u8(off + 2);
        out.append("Timescale ").append(switch (timescale) {
            case 0 -> "TAI";
            case 1 -> "UTC";
            default -> "Unknown";
        }).append(" (").append(timescale).append("), ");
        if (!p.has(off + 3, 1)) return TRUNCATED;
        int format = p.u8(off + 3) >>> 4, hardware = p.u8(off + 3) & 0x0f;
        out.append("Format ").append(switch (format) {
            case FORMAT_64BIT -> "64-bit";
            case FORMAT_48BIT -> "48-bit";
            default -> "Unknown";
        }).append(" (").append(format).append("), HwInfo ").append(switch (hardware) {
            case 0 -> "R/R2";
            case 1 -> "R3";
            default -> "Unknown";
        }).append(" (").append(hardware).append("), Timestamp ");
        int length;
        switch (format) {
            case FORMAT_64BIT -> {
                if (!p.has(off + 4, 8)) return TRUNCATED;
                long nanoseconds = p.u32(off + 8);
                // tcpdump adds the whole seconds in the nanoseconds as a uint32_t: the sum wraps
                long seconds = (p.u32(off + 4) + nanoseconds / NANOS) & 0xffffffffL;
                Rfc3339.appendDate(out, Math.floorDiv(seconds, 86_400L));
                int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
                out.append(' ');
                Text.timeOfDay(out, secondOfDay);
                out.append('.');
                nineDigits(out, nanoseconds % NANOS);
                length = 12;
            }
            case FORMAT_48BIT -> {
                if (!p.has(off + 4, 6)) return TRUNCATED;
                long nanoseconds = p.u32(off + 6);
                out.append(p.u16(off + 4) + nanoseconds / NANOS).append('.');
                nineDigits(out, nanoseconds % NANOS);
                length = 10;
            }
            default -> {
                return UNKNOWN;
            }
        }
        out.append(": ");
        return length;
    }

    private static void nineDigits(StringBuilder out, long value) {
        for (long place = NANOS / 10; place > 0; place /= 10) out.append((char) ('0' + value / place % 10));
    }
}
