package dev.fabricscope.rdma.cm;

import dev.fabricscope.capture.Packet;

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

    /** Management class names (IBTA vol. 1, table 110 "Management Class Values"). */
    public static String className(int mgmtClass) {
        return switch (mgmtClass) {
            case 0x01 -> "SubnMgmt";
            case 0x03 -> "SubnAdm";
            case 0x04 -> "Perf";
            case 0x05 -> "BM";
            case 0x06 -> "DevMgt";
            case 0x07 -> "CM";
            case 0x08 -> "SNMP";
            case 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f -> "VendorOUI";
            case 0x10 -> "Application";
            case 0x21 -> "CongestionMgmt";
            case 0x81 -> "SubnMgmtDirected";
            default -> (mgmtClass >= 0x30 && mgmtClass <= 0x4f) ? "Vendor" : "Unknown";
        };
    }

    /** CM attribute names (IBTA vol. 1, 16.7 / table 104), null for others. */
    public static String cmAttributeName(int attributeId) {
        return switch (attributeId) {
            case 0x0001 -> "ClassPortInfo";
            case 0x0010 -> "REQ";
            case 0x0011 -> "MRA";
            case 0x0012 -> "REJ";
            case 0x0013 -> "REP";
            case 0x0014 -> "RTU";
            case 0x0015 -> "DREQ";
            case 0x0016 -> "DREP";
            case 0x0017 -> "SIDR_REQ";
            case 0x0018 -> "SIDR_REP";
            case 0x0019 -> "LAP";
            case 0x001a -> "APR";
            default -> null;
        };
    }

    /** Common method names (IBTA vol. 1, table 109). */
    public static String methodName(int method, boolean response) {
        String base = switch (method) {
            case 0x01 -> "Get";
            case 0x02 -> "Set";
            case 0x03 -> "Send";
            case 0x05 -> "Trap";
            case 0x06 -> "Report";
            case 0x07 -> "TrapRepress";
            case 0x12 -> "GetTable";
            case 0x13 -> "GetTraceTable";
            case 0x14 -> "GetMulti";
            case 0x15 -> "Delete";
            default -> String.format("0x%02x", method);
        };
        return response ? base + "Resp" : base;
    }
}
