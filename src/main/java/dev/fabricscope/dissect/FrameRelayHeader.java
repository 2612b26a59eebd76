package dev.fabricscope.dissect;

import dev.fabricscope.capture.Packet;

/**
 * The Frame Relay header's layout (Q.922 address; RFC 2427's UI, optional pad and NLPID; FRF.16's fragment header),
 * read as tcpdump's parse_q922_header reads it, for the dissector and the printer. Bounds-checked, no state.
 */
public final class FrameRelayHeader {
    private FrameRelayHeader() { }

    public static final int EA = 0x01, UI = 0x03;
    public static final int NLPID_Q933 = 0x08, NLPID_SNAP = 0x80, NLPID_CLNP = 0x81, NLPID_ESIS = 0x82,
        NLPID_ISIS = 0x83, NLPID_MFR = 0xb1, NLPID_IP = 0xcc, NLPID_PPP = 0xcf, NLPID_IP6 = 0x8e;
    /** FRF.16's B, E and C bits in a fragment's first byte. */
    public static final int MFR_B = 0x80, MFR_E = 0x40, MFR_C = 0x20, MFR_BEC = MFR_B | MFR_E | MFR_C;

    /**
     * The Q.922 address length at {@code off} (2 to 4) of a frame of {@code length} bytes: 0 when invalid (EA set in
     * the first byte, or more than 4 bytes), -1 when the capture or the length ends inside it.
     */
    public static int addressLength(Packet p, int off, int length) {
        if (!p.has(off, 1) || length < 1) return -1;
        if ((p.u8(off) & EA) != 0) return 0;
        if (!p.has(off + 1, 1) || length < 2) return -1;
        if ((p.u8(off + 1) & EA) != 0) return 2;
        if (!p.has(off + 2, 1) || length < 3) return -1;
        if ((p.u8(off + 2) & EA) != 0) return 3;
        if (!p.has(off + 3, 1) || length < 4) return -1;
        return (p.u8(off + 3) & EA) != 0 ? 4 : 0;
    }

    /** The DLCI of a valid address of {@code addressLength} bytes at {@code off} (10, 16 or 23 bits). */
    public static int dlci(Packet p, int off, int addressLength) {
        int dlci = (p.u8(off) & 0xfc) << 2 | (p.u8(off + 1) & 0xf0) >> 4;
        if (addressLength == 2) return dlci;
        if (addressLength == 4) dlci = dlci << 7 | p.u8(off + 2) >> 1;
        return dlci << 6 | p.u8(off + addressLength - 1) >> 2;
    }
}
