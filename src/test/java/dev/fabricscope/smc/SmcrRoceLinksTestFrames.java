package dev.fabricscope.smc;

import static dev.fabricscope.testing.ByteArrays.concat;
import static dev.fabricscope.testing.ByteArrays.hex;
import static dev.fabricscope.testing.ByteArrays.u16;

/** RoCEv2 frames for the SMC-R correlation tests (layout: IBTA RoCEv2 annex; BTH per IBTA vol. 1 9.2). */
public final class SmcrRoceLinksTestFrames {
    private SmcrRoceLinksTestFrames() { }

    /** A RoCEv2 RC SEND ONLY (opcode 4) over IPv6 or IPv4 (addresses 16 or 4 bytes), ICRC bytes zero. */
    public static byte[] roce(byte[] src, byte[] dst, int destQp, int payloadBytes) {
        byte[] bth = concat(hex("04 00 ffff 00"), new byte[] {(byte) (destQp >> 16), (byte) (destQp >> 8), (byte) destQp},
            hex("00 000001"));
        byte[] udpBody = concat(bth, new byte[payloadBytes], new byte[4]);
        byte[] udp = concat(u16(49152), u16(4791), u16(8 + udpBody.length), u16(0), udpBody);
        byte[] ip;
        int etherType;
        if (src.length == 16) {
            ip = concat(hex("60000000"), u16(udp.length), hex("11 40"), src, dst, udp);
            etherType = 0x86dd;
        } else {
            ip = concat(hex("45 00"), u16(20 + udp.length), hex("0000 4000 40 11 0000"), src, dst, udp);
            etherType = 0x0800;
        }
        return concat(hex("020000000002 020000000001"), u16(etherType), ip);
    }

}
