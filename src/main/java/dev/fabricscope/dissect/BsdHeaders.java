package dev.fabricscope.dissect;

import dev.fabricscope.capture.Packet;

/**
 * The BSD and macOS capture headers' layouts, shared by the dissector's walks and the printers: the address families
 * NULL/LOOP, PFLOG and ENC headers carry, pf's struct pfloghdr, macOS's little-endian PKTAP header and OpenBSD's enc
 * header. Each caller checks that the bytes it reads were captured.
 */
public final class BsdHeaders {
    /** AF_INET, and AF_INET6 as NetBSD/OpenBSD, FreeBSD and macOS number it (a file keeps its writer's value). */
    public static final int AF_INET = 2, AF_INET6_BSD = 24, AF_INET6_FREEBSD = 28, AF_INET6_DARWIN = 30;
    /** The other families tcpdump names in a NULL/LOOP header (bsd_af_values): XNS, ISO (OSI), AppleTalk, IPX. */
    public static final int AF_NS = 6, AF_ISO = 7, AF_APPLETALK = 16, AF_IPX = 23;
    /** PFLOG: struct pfloghdr's length byte is 45 at least; tcpdump checks that Linux's 64-byte struct was captured. */
    public static final int PFLOG_MIN_LENGTH = 45, PFLOG_LENGTH = 64;
    /** PKTAP: pkt_len (108 at least) at 0, the record type at 4 (none or packet), the packet's DLT at 8. */
    public static final int PKTAP_MIN_LENGTH = 108, PKTAP_RECORD_TYPE = 4, PKTAP_DLT = 8;
    public static final int PKTAP_REC_NONE = 0, PKTAP_REC_PACKET = 1;
    /** ENC: address family, SPI, flags, the family and flags in the capturing host's byte order. */
    public static final int ENC_LENGTH = 12, ENC_FLAGS = 8;

    private BsdHeaders() { }

    /**
     * A host-order field of the ENC header at {@code off}: read little-endian, unless the family read so has bits
     * above 16 set, when the capturing host was big-endian (tcpdump's test).
     */
    public static int encField(Packet p, int off) {
        return (p.le32(0) & 0xffff0000L) != 0 ? (int) p.u32(off) : (int) p.le32(off);
    }
}
