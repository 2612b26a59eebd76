package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * The MACsec SecTAG (IEEE 802.1AE, ethertype 0x88e5) as tcpdump 4.99's print-macsec.c reads it after an Ethernet
 * frame's addresses: "an 0, pn 6, flags CI, sl 34, sci 2eb73f3995c3006f, " (with -e, or before an encrypted
 * payload). The frame's walk (encrypted payload dumped, integrity-only payload printed by its ethertype without
 * the 16-byte ICV) is {@link PacketPrinter}'s, as in tcpdump's ether_common_print.
 */
final class MacsecFormatter {
    static final int ETHERTYPE = 0x88e5;
    /** tcpdump assumes the default ICV length (it cannot know the cipher suite's). */
    static final int ICV_LENGTH = 16;
    private static final int SECTAG_NO_SCI = 6, SECTAG_SCI = 14;
    private static final int TCI_VERSION = 0x80, TCI_SC = 0x20, TCI_FLAGS = 0x7c, TCI_CONFIDENTIAL = 0x0c;
    private static final int AN_MASK = 0x03, SL_MASK = 0x3f;
    /** tcpdump's macsec_flag_values, in its order (E, C, S, B, I). */
    private static final int[] FLAG_BITS = {0x08, 0x04, 0x40, 0x10, 0x20};
    private static final char[] FLAG_NAMES = {'E', 'C', 'S', 'B', 'I'};

    private MacsecFormatter() { }

    /** The SecTAG's length (14 with an SCI, else 6) from its first byte at {@code off}. */
    static int sectagLength(Packet p, int off) {
        return (p.u8(off) & TCI_SC) != 0 ? SECTAG_SCI : SECTAG_NO_SCI;
    }

    /** The header bytes tcpdump needs before it reads the TCI. */
    static int minimum() {
        return SECTAG_NO_SCI;
    }

    /** A version bit or bits above the short length: tcpdump prints " (invalid)" and nothing of the payload. */
    static boolean invalid(Packet p, int off) {
        return (p.u8(off + 1) & ~SL_MASK) != 0 || (p.u8(off) & TCI_VERSION) != 0;
    }

    static boolean encrypted(Packet p, int off) {
        return (p.u8(off) & TCI_CONFIDENTIAL) != 0;
    }

    static int shortLength(Packet p, int off) {
        return p.u8(off + 1) & SL_MASK;
    }

    /** tcpdump's macsec_print_header (the SecTAG at {@code off}, all of it captured). */
    static void header(Packet p, int off, StringBuilder out) {
        int tci = p.u8(off);
        out.append("an ").append(tci & AN_MASK).append(", pn ").append(p.u32(off + 2)).append(", flags ");
        int flags = tci & TCI_FLAGS;
        if (flags == 0) out.append("none");
        for (int i = 0; i < FLAG_BITS.length; i++) if ((flags & FLAG_BITS[i]) != 0) out.append(FLAG_NAMES[i]);
        int shortLength = shortLength(p, off);
        if (shortLength != 0) out.append(", sl ").append(shortLength);
        if ((tci & TCI_SC) != 0) {
            out.append(", sci ");
            Text.hex(out, p.u32(off + 6), 8);
            Text.hex(out, p.u32(off + 10), 8);
        }
        out.append(", ");
    }
}
