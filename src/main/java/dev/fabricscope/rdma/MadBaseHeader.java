package dev.fabricscope.rdma;

import dev.fabricscope.capture.Packet;

/**
 * The common MAD header (IBTA vol. 1, 13.4.3; 24 bytes) at the start of a management datagram:
 * BaseVersion, MgmtClass, ClassVersion, R bit + Method, Status, ClassSpecific, TransactionID,
 * AttributeID, reserved, AttributeModifier. Only what {@code rdma decode} shows on its MAD line; the CM
 * message bodies are decoded in package {@code rdma.cm}.
 *
 * @param method the whole method byte (bit 7 = response), as Wireshark's infiniband.mad.method
 */
public record MadBaseHeader(int baseVersion, int mgmtClass, int classVersion, int method, int status,
                            int classSpecific, long transactionId, int attributeId, long attributeModifier) {
    public static final int LENGTH = 24;
    public static final int CLASS_SUBN_LID_ROUTED = 0x01;
    public static final int CLASS_SUBN_ADM = 0x03;
    public static final int CLASS_CM = 0x07;
    public static final int CLASS_SUBN_DIRECTED_ROUTE = 0x81;

    /** The header at {@code off}, or null when fewer than 24 bytes are available. */
    public static MadBaseHeader read(Packet p, int off, int available) {
        if (available < LENGTH || !p.has(off, LENGTH)) return null;
        return new MadBaseHeader(p.u8(off), p.u8(off + 1), p.u8(off + 2), p.u8(off + 3), p.u16(off + 4),
            p.u16(off + 6), (p.u32(off + 8) << 32) | p.u32(off + 12), p.u16(off + 16), p.u32(off + 20));
    }

    public boolean response() {
        return (method & 0x80) != 0;
    }

    /** Management class (IBTA vol. 1, table "Management Class Values"), short form. */
    public String className() {
        return className(mgmtClass);
    }

    public static String className(int mgmtClass) {
        return switch (mgmtClass) {
            case CLASS_SUBN_LID_ROUTED -> "SubnMgt";
            case CLASS_SUBN_DIRECTED_ROUTE -> "SubnMgtDR";
            case CLASS_SUBN_ADM -> "SubnAdm";
            case 0x04 -> "Perf";
            case 0x05 -> "BM";
            case 0x06 -> "DevMgt";
            case CLASS_CM -> "CM";
            case 0x08 -> "SNMP";
            case 0x21 -> "CC";
            default -> {
                if (mgmtClass >= 0x09 && mgmtClass <= 0x0f || mgmtClass >= 0x30 && mgmtClass <= 0x4f) yield "Vendor";
                if (mgmtClass >= 0x10 && mgmtClass <= 0x2f) yield "Application";
                yield "Class 0x" + Integer.toHexString(mgmtClass);
            }
        };
    }

    /** Method names as Wireshark lists them for infiniband.mad.method (without the parentheses). */
    public String methodName() {
        return methodName(method);
    }

    /** @param method the whole method byte (bit 7 = response) */
    public static String methodName(int method) {
        return switch (method) {
            case 0x01 -> "Get";
            case 0x02 -> "Set";
            case 0x81 -> "GetResp";
            case 0x03 -> "Send";
            case 0x05 -> "Trap";
            case 0x06 -> "Report";
            case 0x86 -> "ReportResp";
            case 0x07 -> "TrapRepress";
            case 0x12 -> "GetTable";
            case 0x92 -> "GetTableResp";
            case 0x13 -> "GetTraceTable";
            case 0x14 -> "GetMulti";
            case 0x94 -> "GetMultiResp";
            case 0x15 -> "Delete";
            case 0x95 -> "DeleteResp";
            default -> String.format("Method 0x%02x", method);
        };
    }

    /** Attribute name for the classes we know (CM, SMP, SA; IBTA vol. 1 chapters 12, 14, 15), else null. */
    public String attributeName() {
        return attributeName(mgmtClass, attributeId);
    }

    public static String attributeName(int mgmtClass, int attributeId) {
        if (attributeId == 0x0001) return "ClassPortInfo";
        return switch (mgmtClass) {
            case CLASS_CM -> switch (attributeId) {
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
            case CLASS_SUBN_LID_ROUTED, CLASS_SUBN_DIRECTED_ROUTE -> switch (attributeId) {
                case 0x0002 -> "Notice";
                case 0x0010 -> "NodeDescription";
                case 0x0011 -> "NodeInfo";
                case 0x0012 -> "SwitchInfo";
                case 0x0014 -> "GUIDInfo";
                case 0x0015 -> "PortInfo";
                case 0x0016 -> "P_KeyTable";
                case 0x0017 -> "SLtoVLMappingTable";
                case 0x0018 -> "VLArbitrationTable";
                case 0x0019 -> "LinearForwardingTable";
                case 0x001a -> "RandomForwardingTable";
                case 0x001b -> "MulticastForwardingTable";
                case 0x0020 -> "SMInfo";
                case 0x0030 -> "VendorDiag";
                case 0x0031 -> "LedInfo";
                default -> null;
            };
            case CLASS_SUBN_ADM -> switch (attributeId) {
                case 0x0002 -> "Notice";
                case 0x0003 -> "InformInfo";
                case 0x0011 -> "NodeRecord";
                case 0x0012 -> "PortInfoRecord";
                case 0x0013 -> "SLtoVLMappingTableRecord";
                case 0x0014 -> "SwitchInfoRecord";
                case 0x0015 -> "LinearForwardingTableRecord";
                case 0x0016 -> "RandomForwardingTableRecord";
                case 0x0017 -> "MulticastForwardingTableRecord";
                case 0x0018 -> "SMInfoRecord";
                case 0x0020 -> "LinkRecord";
                case 0x0030 -> "GuidInfoRecord";
                case 0x0031 -> "ServiceRecord";
                case 0x0033 -> "P_KeyTableRecord";
                case 0x0035 -> "PathRecord";
                case 0x0036 -> "VLArbitrationTableRecord";
                case 0x0038 -> "MCMemberRecord";
                case 0x0039 -> "TraceRecord";
                case 0x003a -> "MultiPathRecord";
                case 0x003b -> "ServiceAssociationRecord";
                case 0x00f3 -> "InformInfoRecord";
                default -> null;
            };
            default -> null;
        };
    }
}
