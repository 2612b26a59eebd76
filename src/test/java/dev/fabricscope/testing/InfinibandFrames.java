package dev.fabricscope.testing;

import static dev.fabricscope.testing.ByteArrays.concat;
import static dev.fabricscope.testing.ByteArrays.hex;
import static dev.fabricscope.testing.ByteArrays.u16;
import static dev.fabricscope.testing.ByteArrays.zeros;

/** Native InfiniBand packets (IBTA vol. 1 ch. 5 and 9) for tests: LRH, BTH, extension headers, payload, CRCs. */
public final class InfinibandFrames {
    private InfinibandFrames() { }

    /**
     * LRH (LNH 2: BTH follows; DLID 4, SLID 1), BTH with {@code opcode} and {@code destQp}, {@code extension},
     * then IP over IB: the 4-byte header of RFC 4391 ({@code etherType}, {@code reserved}) and {@code packet},
     * padded to 4 bytes (BTH PadCnt), an ICRC and a VCRC (not computed: dissection does not check them).
     */
    public static byte[] ipOverIb(int opcode, int destQp, byte[] extension, int etherType, int reserved,
                                  byte[] packet) {
        byte[] payload = concat(u16(etherType), u16(reserved), packet);
        int pad = (4 - payload.length % 4) % 4;
        int words = (8 + 12 + extension.length + payload.length + pad + 4) / 4;   // LRH PktLen: LRH .. ICRC
        byte[] bth = concat(new byte[] {(byte) opcode, (byte) (pad << 4)}, hex("ff ff 00"),
            new byte[] {(byte) (destQp >> 16), (byte) (destQp >> 8), (byte) destQp}, hex("00 00 00 07"));
        return concat(hex("10 02 00 04"), u16(words), hex("00 01"), bth, extension, payload, zeros(pad),
            hex("de ad be ef 00 00"));
    }

    /** DETH: Q_Key 0x80010000 (IPoIB's usual), source QP. */
    public static byte[] deth(int srcQp) {
        return concat(hex("80 01 00 00 00"), new byte[] {(byte) (srcQp >> 16), (byte) (srcQp >> 8), (byte) srcQp});
    }
}
