package dev.fabricscope.dissect;

import dev.fabricscope.capture.Packet;

/**
 * LINKTYPE_NFLOG's layout, shared by the dissector's walk and the printer: family(1) version(1) resource ID(2), then
 * TLVs: length(2) and type(2) in the capturing host's byte order, the value, padding to 4 bytes. The length and type
 * are read little-endian, as tcpdump on a little-endian host reads them: the file readers turn a big-endian file's
 * into little-endian first, as libpcap does (capture.HostOrderHeaders); each caller checks that the bytes it reads
 * were captured.
 */
public final class NflogHeader {
    public static final int LENGTH = 4;
    public static final int TLV_HEADER = 4;
    public static final int TLV_PAYLOAD = 9;
    /** Linux's AF_INET and AF_INET6 (tcpdump compares with the running system's values). */
    public static final int AF_INET = 2, AF_INET6 = 10;

    private NflogHeader() { }

    /** The TLV's length rounded up to 4, as a uint16_t in tcpdump: 65533 and up wrap to 0. */
    public static int paddedTlvLength(Packet p, int off) {
        return (p.u8(off) | p.u8(off + 1) << 8) + 3 & 0xfffc;
    }

    public static int tlvType(Packet p, int off) {
        return p.u8(off + 2) | p.u8(off + 3) << 8;
    }
}
