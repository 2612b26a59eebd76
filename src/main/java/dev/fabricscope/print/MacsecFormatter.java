package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.MacsecSecTag;

/**
 * The MACsec SecTAG (IEEE 802.1AE, ethertype 0x88e5) as tcpdump 4.99's print-macsec.c reads it after an Ethernet
 * frame's addresses: "an 0, pn 6, flags CI, sl 34, sci 2eb73f3995c3006f, " (with -e, or before an encrypted
 * payload). The frame's walk (encrypted payload dumped, integrity-only payload printed by its ethertype without
 * the 16-byte ICV) is {@link PacketPrinter}'s, as in tcpdump's ether_common_print; the layout is
 * {@link MacsecSecTag}'s.
 */
final class MacsecFormatter {
    /** tcpdump's macsec_flag_values, in its order (E, C, S, B, I). */
    private static final int[] FLAG_BITS = {MacsecSecTag.TCI_E, MacsecSecTag.TCI_C, MacsecSecTag.TCI_ES,
        MacsecSecTag.TCI_SCB, MacsecSecTag.TCI_SC};
    private static final char[] FLAG_NAMES = {'E', 'C', 'S', 'B', 'I'};

    private MacsecFormatter() { }

    /** tcpdump's macsec_print_header (the SecTAG at {@code off}, all of it captured). */
    static void header(Packet p, int off, StringBuilder out) {
        int tci = p.u8(off);
        out.append("an ").append(tci & MacsecSecTag.AN_MASK).append(", pn ").append(p.u32(off + 2)).append(", flags ");
        int flags = tci & MacsecSecTag.TCI_FLAGS;
        if (flags == 0) out.append("none");
        for (int i = 0; i < FLAG_BITS.length; i++) if ((flags & FLAG_BITS[i]) != 0) out.append(FLAG_NAMES[i]);
        int shortLength = MacsecSecTag.shortLength(p, off);
        if (shortLength != 0) out.append(", sl ").append(shortLength);
        if ((tci & MacsecSecTag.TCI_SC) != 0) {
            out.append(", sci ");
            Text.hex(out, p.u32(off + 6), 8);
            Text.hex(out, p.u32(off + 10), 8);
        }
        out.append(", ");
    }
}
