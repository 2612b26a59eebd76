package dev.fabricscope.rdma;

import dev.fabricscope.capture.Packet;

/**
 * InfiniBand Base Transport Header (IBTA vol. 1, 9.2; 12 bytes), as carried by native IB, RoCEv1 and
 * RoCEv2. Layout: opcode(8) | SE(1) M(1) PadCnt(2) TVer(4) | P_Key(16) | FECN(1) BECN(1) resv6 |
 * DestQP(24) | A(1) resv7 | PSN(24). On RoCEv2 the FECN/BECN bits sit in the first reserved byte
 * (IBTA RoCEv2 annex A17): byte 4, bits 7 and 6.
 *
 * <p>The record is for display and tests; the static accessors read single fields without allocating
 * (hot paths). Callers guarantee {@code off + 12 <= caplen} (the dissector's {@code ibBthOffset} does);
 * the packet's accessors still check bounds.
 */
public record Bth(int opcode, boolean solicitedEvent, boolean migReq, int padCount, int transportVersion,
                  int pKey, boolean fecn, boolean becn, int reserved8a, int destQp, boolean ackRequest,
                  int reserved7, int psn) {
    public static final int LENGTH = 12;
    /** Offset of the byte holding FECN/BECN and the reserved bits the ICRC masks (resv8a). */
    public static final int RESV8A_OFFSET = 4;

    public static Bth read(Packet p, int off) {
        int b1 = p.u8(off + 1);
        int b4 = p.u8(off + 4);
        int b8 = p.u8(off + 8);
        return new Bth(opcode(p, off), (b1 & 0x80) != 0, (b1 & 0x40) != 0, (b1 >>> 4) & 3, b1 & 0xf,
            pKey(p, off), (b4 & 0x80) != 0, (b4 & 0x40) != 0, b4, destQp(p, off), (b8 & 0x80) != 0,
            b8 & 0x7f, psn(p, off));
    }

    public static int opcode(Packet p, int off) {
        return p.u8(off);
    }

    public static boolean solicitedEvent(Packet p, int off) {
        return (p.u8(off + 1) & 0x80) != 0;
    }

    public static boolean migReq(Packet p, int off) {
        return (p.u8(off + 1) & 0x40) != 0;
    }

    /** Pad bytes (0-3) added before the ICRC to align the payload to 4 bytes. */
    public static int padCount(Packet p, int off) {
        return (p.u8(off + 1) >>> 4) & 3;
    }

    public static int transportVersion(Packet p, int off) {
        return p.u8(off + 1) & 0xf;
    }

    public static int pKey(Packet p, int off) {
        return p.u16(off + 2);
    }

    public static boolean fecn(Packet p, int off) {
        return (p.u8(off + 4) & 0x80) != 0;
    }

    public static boolean becn(Packet p, int off) {
        return (p.u8(off + 4) & 0x40) != 0;
    }

    public static int destQp(Packet p, int off) {
        return (int) (p.u32(off + 4) & 0xffffff);
    }

    public static boolean ackRequest(Packet p, int off) {
        return (p.u8(off + 8) & 0x80) != 0;
    }

    public static int psn(Packet p, int off) {
        return (int) (p.u32(off + 8) & 0xffffff);
    }
}
