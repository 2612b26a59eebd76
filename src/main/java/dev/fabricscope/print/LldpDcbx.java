package dev.fabricscope.print;

/**
 * The pre-standard DCB Capability Exchange protocol (DCBX 1.01, OUI 00-1b-21, before IEEE 802.1Qaz) as tcpdump
 * 4.99's print-lldp.c prints it with -v: its own TLVs inside the LLDP TLV, namely protocol control, priority groups,
 * priority flow control and application. Rev 1 (subtype 1) is only named, then dumped in hex. As tcpdump: a DCBX
 * TLV that is too short or does not fit ends the walk silently (no marker), and the LLDP TLV is dumped in hex at -v
 * when the last DCBX TLV read was one tcpdump does not decode.
 */
final class LldpDcbx {
    private LldpDcbx() { }

    private static final int REV_1 = 1;
    private static final String[] SUBTYPES = {"DCB Capability Exchange Protocol Rev 1",
        "DCB Capability Exchange Protocol Rev 1.01"};
    private static final int CONTROL = 1, PRIORITY_GROUPS = 2, PRIORITY_FLOW_CONTROL = 3, APPLICATION = 4;

    /**
     * The TLV's value after its 2-byte header ({@code t}: the OUI) of {@code length} bytes, all captured; true to
     * dump it in hex. With {@code veryVerbose} (-vv) every DCBX TLV is dumped too.
     */
    static boolean print(SnapshotBytes b, int t, int length, boolean veryVerbose, StringBuilder out) {
        if (length < 4) return false;
        int subtype = LldpText.subtype(b, t, SUBTYPES, out);
        if (subtype == REV_1) return true;
        int at = t + 4, left = length - 4;
        boolean hexDump = false;
        while (left >= 2) {
            int header = b.u16(at);
            int type = header >>> 9, tlvLength = header & 0x1ff;
            hexDump = false;
            left -= 2;
            at += 2;
            if (type == 0 || tlvLength == 0) break;
            if (left < tlvLength) return false;
            switch (type) {
                case CONTROL -> {
                    if (tlvLength < 10) return false;
                    out.append("\n\t    Control - Protocol Control (type 0x1, length ").append(tlvLength).append(')');
                    versions(b, at, out);
                    out.append("\n\t      Sequence Number: ");
                    Text.u32(out, b.u32(at + 2));
                    out.append("\n\t      Acknowledgement Number: ");
                    Text.u32(out, b.u32(at + 6));
                }
                case PRIORITY_GROUPS -> {
                    if (tlvLength < 17) return false;
                    out.append("\n\t    Feature - Priority Group (type 0x2, length ").append(tlvLength).append(')');
                    featureHeader(b, at, out);
                    out.append("\n\t      Priority Allocation");
                    long groups = b.u32(at + 4);
                    for (int i = 0; i < 8; i++) {
                        out.append("\n\t          PgId_").append(i).append(": ").append(groups >>> (28 - 4 * i) & 0xf);
                    }
                    out.append("\n\t      Priority Group Allocation");
                    for (int i = 0; i < 8; i++) {
                        out.append("\n\t          Pg percentage[").append(i).append("]: ").append(b.u8(at + 8 + i));
                    }
                    out.append("\n\t      NumTCsSupported: ").append(b.u8(at + 16));
                }
                case PRIORITY_FLOW_CONTROL -> {
                    if (tlvLength < 6) return false;
                    out.append("\n\t    Feature - Priority Flow Control (type 0x3, length ").append(tlvLength)
                        .append(')');
                    featureHeader(b, at, out);
                    int enabled = b.u8(at + 4);
                    out.append("\n\t      PFC Config (0x");
                    LldpText.upperHexByte(out, enabled);
                    out.append(')');
                    for (int i = 0; i < 8; i++) {
                        out.append("\n\t          Priority Bit ").append(i).append(": ")
                            .append((enabled & 1 << i) != 0 ? "Enabled" : "Disabled");
                    }
                    out.append("\n\t      NumTCPFCSupported: ").append(b.u8(at + 5));
                }
                case APPLICATION -> {
                    if (tlvLength < 4) return false;
                    out.append("\n\t    Feature - Application (type 0x4, length ").append(tlvLength).append(')');
                    featureHeader(b, at, out);
                    for (int m = at + 4, n = tlvLength - 4; n >= 6; m += 6, n -= 6) application(b, m, out);
                }
                default -> hexDump = true;
            }
            if (veryVerbose || hexDump) HexDump.hex(b.packet(), at, tlvLength, "\n\t    ", out);
            left -= tlvLength;
            at += tlvLength;
        }
        return hexDump;
    }

    private static void versions(SnapshotBytes b, int at, StringBuilder out) {
        out.append("\n\t      Oper_Version: ").append(b.u8(at));
        out.append("\n\t      Max_Version: ").append(b.u8(at + 1));
    }

    /** The versions, the info block (enable, willing and error bits) and the subtype every feature TLV starts with. */
    private static void featureHeader(SnapshotBytes b, int at, StringBuilder out) {
        versions(b, at, out);
        int info = b.u8(at + 2);
        out.append("\n\t      Info block(0x");
        LldpText.upperHexByte(out, info);
        out.append("): Enable bit: ").append(info >>> 7 & 1).append(", Willing bit: ").append(info >>> 6 & 1)
            .append(", Error Bit: ").append(info >>> 5 & 1);
        out.append("\n\t      SubType: ").append(b.u8(at + 3));
    }

    /** One application: its protocol ID, whether that is a socket number or an ethertype, OUI and priority map. */
    private static void application(SnapshotBytes b, int m, StringBuilder out) {
        out.append("\n\t      Application Value");
        out.append("\n\t          Application Protocol ID: ");
        LldpText.hex(out, b.u16(m), 4);
        int v = b.u24(m + 2);
        out.append("\n\t          SF (0x");
        Text.hex(out, v >>> 22);
        out.append(") Application Protocol ID is ").append(v >>> 22 != 0 ? "Socket Number" : "L2 EtherType");
        out.append("\n\t          OUI: ");
        LldpText.hex(out, v & 0x3fffff, 6);
        out.append("\n\t          User Priority Map: ");
        LldpText.hex(out, b.u8(m + 5), 2);
    }
}
