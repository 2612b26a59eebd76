package dev.fabricscope.dissect;

import dev.fabricscope.capture.Packet;

/**
 * Arista's vendor header after its ethertype 0xd28b: subtype(2), then for the timestamp subtype timescale(1),
 * format<<4|hardware(1) and a 64-bit (seconds, nanoseconds) or 48-bit (seconds(2), nanoseconds) time, then the
 * original ethertype. The layout and the reads the dissector's walk and the printer share; each caller checks that
 * the bytes it reads were captured.
 */
public final class AristaHeader {
    public static final int ETHERTYPE = 0xd28b;
    public static final int SUBTYPE_TIMESTAMP = 0x0001;
    public static final int FORMAT_64BIT = 1, FORMAT_48BIT = 2;
    /** The subtype and the timescale/format/hardware bytes before the time. */
    public static final int BEFORE_TIME = 4;

    private AristaHeader() { }

    public static int subtype(Packet p, int off) {
        return p.u16(off);
    }

    public static int timescale(Packet p, int off) {
        return p.u8(off + 2);
    }

    public static int format(Packet p, int off) {
        return p.u8(off + 3) >>> 4;
    }

    public static int hardware(Packet p, int off) {
        return p.u8(off + 3) & 0x0f;
    }

    /** The time's length in a timestamp header of {@code format}: 8, 6, or 0 for an unknown format. */
    public static int timeLength(int format) {
        return switch (format) {
            case FORMAT_64BIT -> 8;
            case FORMAT_48BIT -> 6;
            default -> 0;
        };
    }
}
