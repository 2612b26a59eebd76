package dev.fabricscope.rdma;

import dev.fabricscope.capture.Packet;

/**
 * InfiniBand variant CRC (IBTA vol. 1, 7.8.2): CRC-16 with polynomial 0x100B over the whole packet from
 * the LRH through the ICRC, bits processed least significant first (reflected), initial value 0xFFFF,
 * result complemented; the 2 bytes follow the ICRC least significant byte first, like the ICRC.
 * Checked against every frame of the shared ERF capture. Table driven, no allocation per packet.
 */
final class Vcrc {
    static final int LENGTH = 2;
    /** 0x100B reflected over 16 bits. */
    private static final int POLY_REFLECTED = 0xD008;
    private static final int[] TABLE = table();

    private static int[] table() {
        int[] t = new int[256];
        for (int i = 0; i < 256; i++) {
            int c = i;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? (c >>> 1) ^ POLY_REFLECTED : c >>> 1;
            t[i] = c;
        }
        return t;
    }

    /** The VCRC of {@code p[off, off + len)} as its 2 wire bytes read big-endian. */
    int compute(Packet p, int off, int len) {
        int c = 0xffff;
        for (int i = 0; i < len; i++) c = (c >>> 8) ^ TABLE[(c ^ p.u8(off + i)) & 0xff];
        c = ~c & 0xffff;
        return ((c & 0xff) << 8) | (c >>> 8);
    }
}
