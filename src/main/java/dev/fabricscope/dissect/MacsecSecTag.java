package dev.fabricscope.dissect;

import dev.fabricscope.capture.Packet;

/**
 * The MACsec SecTAG (IEEE 802.1AE-2006 9.3) after its ethertype: TCI/AN(1) short length(1) packet number(4) [SCI(8)];
 * the ICV ends the frame. The layout and the reads the dissector's walk and the printer share; each caller checks
 * that the bytes it reads were captured.
 */
public final class MacsecSecTag {
    public static final int ETHERTYPE = 0x88e5;
    /** The SecTAG without and with the SCI; the first is what must be there to read the TCI and short length. */
    public static final int LENGTH = 6, LENGTH_WITH_SCI = 14;
    /** The default ICV length, which tcpdump assumes (the cipher suite's is not in the frame). */
    public static final int ICV_LENGTH = 16;
    /** TCI bits: version, end station, SCI present, single copy broadcast, encryption, changed text. */
    public static final int TCI_VERSION = 0x80, TCI_ES = 0x40, TCI_SC = 0x20, TCI_SCB = 0x10, TCI_E = 0x08,
        TCI_C = 0x04;
    /** The TCI's flags (ES, SC, SCB, E, C) and association number; the short length's 6 bits. */
    public static final int TCI_FLAGS = 0x7c, AN_MASK = 0x03, SL_MASK = 0x3f;

    private MacsecSecTag() { }

    /** The SecTAG's length (with an SCI or not) from its TCI at {@code off}. */
    public static int length(Packet p, int off) {
        return (p.u8(off) & TCI_SC) != 0 ? LENGTH_WITH_SCI : LENGTH;
    }

    /** A version bit or bits above the short length's 6 (tcpdump: "invalid"; not walked). */
    public static boolean invalid(Packet p, int off) {
        return (p.u8(off + 1) & ~SL_MASK) != 0 || (p.u8(off) & TCI_VERSION) != 0;
    }

    /** E or C set: the secure data is encrypted (or changed), its type cannot be read. */
    public static boolean encrypted(Packet p, int off) {
        return (p.u8(off) & (TCI_E | TCI_C)) != 0;
    }

    /** The short length (0: the secure data runs to the ICV). */
    public static int shortLength(Packet p, int off) {
        return p.u8(off + 1) & SL_MASK;
    }
}
