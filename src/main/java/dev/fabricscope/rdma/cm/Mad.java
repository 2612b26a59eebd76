package dev.fabricscope.rdma.cm;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.rdma.MadBaseHeader;

/**
 * The 24-byte common MAD header (IBTA vol. 1, 13.4.3) that starts every management datagram: on the
 * wire after BTH (12) + DETH (8) of a UD SEND (opcode 0x64) to QP 0 (SMI) or QP 1 (GSI).
 *
 * @param method the method byte without the response bit (bit 7 is {@link #response})
 */
public record Mad(int baseVersion, int mgmtClass, int classVersion, boolean response, int method,
                  int status, int classSpecific, long transactionId, int attributeId, long attributeModifier) {
    public static final int HEADER_LENGTH = 24;
    /** Every MAD on the GSI is 256 bytes (IBTA vol. 1, 13.4.2). */
    public static final int MAD_LENGTH = 256;
    public static final int CLASS_CM = 0x07;

    /** Parses the header at {@code off}; null when fewer than 24 bytes are available there. */
    public static Mad parse(Packet p, int off, int available) {
        if (available < HEADER_LENGTH || !p.has(off, HEADER_LENGTH)) return null;
        int m = p.u8(off + 3);
        long tid = (p.u32(off + 8) << 32) | p.u32(off + 12);
        return new Mad(p.u8(off), p.u8(off + 1), p.u8(off + 2), (m & 0x80) != 0, m & 0x7f,
            p.u16(off + 4), p.u16(off + 6), tid, p.u16(off + 16), p.u32(off + 20));
    }

    public String className() {
        return className(mgmtClass);
    }

    /** Management class names: {@link MadBaseHeader}'s (as Wireshark shows them). */
    public static String className(int mgmtClass) {
        return MadBaseHeader.className(mgmtClass);
    }

    /** CM attribute names (IBTA vol. 1, 16.7), null for others: {@link MadBaseHeader}'s table. */
    public static String cmAttributeName(int attributeId) {
        return MadBaseHeader.attributeName(CLASS_CM, attributeId);
    }

    /** Common method names (IBTA vol. 1, table 109), {@link MadBaseHeader}'s table. */
    public static String methodName(int method, boolean response) {
        return MadBaseHeader.methodName((response ? 0x80 : 0) | method);
    }
}
