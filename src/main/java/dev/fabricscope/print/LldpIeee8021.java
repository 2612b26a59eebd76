package dev.fabricscope.print;

/**
 * LLDP's IEEE 802.1 organisation TLVs (OUI 00-80-c2) as tcpdump 4.99's print-lldp.c prints them with -v: port
 * VLAN, port and protocol VLAN, VLAN name, protocol identity, link aggregation (802.1AB annex E), the 802.1Qaz DCB
 * TLVs (congestion notification, ETS configuration and recommendation, PFC configuration, application priority)
 * and 802.1Qbg's EVB and CDCP. Field layouts and the few odd shifts (ETS "CBS" is bit 7 of the byte shifted by 6
 * and masked with 2) are tcpdump's, so that the text matches.
 */
final class LldpIeee8021 {
    private LldpIeee8021() { }

    private static final int PORT_VLAN_ID = 1, PROTOCOL_VLAN_ID = 2, VLAN_NAME = 3, PROTOCOL_IDENTITY = 4,
        LINK_AGGREGATION = 7, CONGESTION_NOTIFICATION = 8, ETS_CONFIGURATION = 9, ETS_RECOMMENDATION = 10,
        PFC_CONFIGURATION = 11, APPLICATION_PRIORITY = 12, EVB = 13, CDCP = 14;
    private static final String[] SUBTYPES = {"Port VLAN Id", "Port and Protocol VLAN ID", "VLAN name",
        "Protocol Identity", null, null, "Link aggregation", "Congestion Notification", "ETS Configuration",
        "ETS Recommendation", "Priority Flow Control Configuration", "Application Priority", "EVB", "CDCP"};
    private static final int[] PROTOCOL_VLAN_FLAGS = {2, 4};
    private static final String[] PROTOCOL_VLAN_FLAG_NAMES = {"supported", "enabled"};
    static final int[] AGGREGATION_FLAGS = {1, 2};
    static final String[] AGGREGATION_FLAG_NAMES = {"supported", "enabled"};
    private static final String[] EVB_MODES = {"Not Supported", "EVB Bridge", "EVB Station",
        "Reserved for future Standardization"};

    /** The TLV's value after its 2-byte header ({@code t}: the OUI) of {@code length} bytes; true to dump it in hex. */
    static boolean print(SnapshotBytes b, int t, int length, StringBuilder out) {
        if (length < 4) return false;
        int subtype = LldpText.subtype(b, t, SUBTYPES, out);
        switch (subtype) {
            case PORT_VLAN_ID -> {
                if (length < 6) return false;
                out.append("\n\t    port vlan id (PVID): ").append(b.u16(t + 4));
            }
            case PROTOCOL_VLAN_ID -> {
                if (length < 7) return false;
                int flags = b.u8(t + 4);
                out.append("\n\t    port and protocol vlan id (PPVID): ").append(b.u16(t + 5)).append(", flags [");
                LldpText.bits(out, flags, PROTOCOL_VLAN_FLAGS, PROTOCOL_VLAN_FLAG_NAMES, "none");
                out.append("] (");
                LldpText.hex(out, flags, 2);
                out.append(')');
            }
            case VLAN_NAME -> {
                if (length < 6) return false;
                out.append("\n\t    vlan id (VID): ").append(b.u16(t + 4));
                if (length < 7) return false;
                int nameLength = b.u8(t + 6);
                if (length < 7 + nameLength) return false;
                out.append("\n\t    vlan name: ");
                LldpText.untilNul(b, t + 7, nameLength, out);
            }
            case PROTOCOL_IDENTITY -> {
                if (length < 5) return false;
                int identityLength = b.u8(t + 4);
                if (length < 5 + identityLength) return false;
                out.append("\n\t    protocol identity: ");
                LldpText.untilNul(b, t + 5, identityLength, out);
            }
            case LINK_AGGREGATION -> {
                if (length < 9) return false;
                aggregation(b, t, out);
            }
            case CONGESTION_NOTIFICATION -> {
                if (length < 6) return false;
                out.append("\n\t    Pre-Priority CNPV Indicator");
                LldpText.priorityBits(out, b.u8(t + 4));
                out.append("\n\t    Pre-Priority Ready Indicator");
                LldpText.priorityBits(out, b.u8(t + 5));
            }
            case ETS_CONFIGURATION -> {
                if (length < 25) return false;
                int v = b.u8(t + 4);
                out.append("\n\t    Willing:").append(v >>> 7).append(", CBS:").append(v >>> 6 & 2).append(", RES:")
                    .append(v >>> 3 & 7).append(", Max TCs:").append(v & 7);
                etsTables(b, t, out);
            }
            case ETS_RECOMMENDATION -> {
                if (length < 25) return false;
                out.append("\n\t    RES: ").append(b.u8(t + 4));
                etsTables(b, t, out);
            }
            case PFC_CONFIGURATION -> {
                if (length < 6) return false;
                int v = b.u8(t + 4);
                out.append("\n\t    Willing: ").append(v >>> 7).append(", MBC: ").append(v >>> 6 & 1).append(", RES: ")
                    .append(v >>> 4 & 3).append(", PFC cap:").append(v & 0xf).append(' ');
                out.append("\n\t    PFC Enable");
                LldpText.priorityBits(out, b.u8(t + 5));
            }
            case APPLICATION_PRIORITY -> {
                if (length < 5) return false;
                out.append("\n\t    RES: ").append(b.u8(t + 4));
                int table = length - 5;
                if (table == 0 || table % 3 != 0) return false;
                out.append("\n\t    Application Priority Table");
                for (int i = 0; i < table; i += 3) {
                    int v = b.u8(t + 5 + i);
                    out.append("\n\t      Priority: ").append(v >>> 5).append(", RES: ").append(v >>> 3 & 3)
                        .append(", Sel: ").append(v & 7).append(", Protocol ID: ").append(b.u16(t + 6 + i));
                }
            }
            case EVB -> {
                if (length < 9) return false;
                evb(b, t, out);
            }
            case CDCP -> {
                if (length < 8) return false;
                int v = b.u8(t + 4);
                out.append("\n\t    Role: ").append(v >>> 7).append(", RES: ").append(v >>> 4 & 7).append(", Scomp: ")
                    .append(v >>> 3 & 1).append(' ');
                out.append("ChnCap: ").append(b.u16(t + 6) & 0xfff);
                int channels = length - 8;
                if (channels % 3 != 0) return false;
                for (int i = 0; i < channels; i += 3) {
                    int c = b.u24(t + 8 + i);
                    out.append("\n\t    SCID: ").append(c >>> 12).append(", SVID: ").append(c & 0xfff);
                }
            }
            default -> {
                return true;
            }
        }
        return false;
    }

    /** Link aggregation, the same in 802.1 and (older) 802.3 TLVs: status flags and the aggregated port's ID. */
    static void aggregation(SnapshotBytes b, int t, StringBuilder out) {
        out.append("\n\t    aggregation status [");
        LldpText.bits(out, b.u8(t + 4), AGGREGATION_FLAGS, AGGREGATION_FLAG_NAMES, "none");
        out.append("], aggregation port ID ");
        Text.u32(out, b.u32(t + 5));
    }

    /** ETS: the priority → traffic class table (nibbles), the class bandwidths and the class algorithms. */
    private static void etsTables(SnapshotBytes b, int t, StringBuilder out) {
        out.append("\n\t    Priority Assignment Table");
        out.append("\n\t     Priority : 0   1   2   3   4   5   6   7");
        out.append("\n\t     Value    : ");
        for (int i = 0; i < 4; i++) {
            int v = b.u8(t + 5 + i);
            LldpText.leftAligned(out, v >>> 4, 3);
            out.append(' ');
            LldpText.leftAligned(out, v & 0xf, 3);
            if (i < 3) out.append(' ');
        }
        out.append("\n\t    TC Bandwidth Table");
        out.append("\n\t     TC%   : 0   1   2   3   4   5   6   7");
        out.append("\n\t     Value : ");
        eightBytes(b, t + 9, out);
        out.append("\n\t    TSA Assignment Table");
        out.append("\n\t     Traffic Class: 0   1   2   3   4   5   6   7");
        out.append("\n\t     Value        : ");
        eightBytes(b, t + 17, out);
    }

    /** Eight bytes as "%-3d %-3d ... %-3d". */
    private static void eightBytes(SnapshotBytes b, int at, StringBuilder out) {
        for (int i = 0; i < 8; i++) {
            if (i > 0) out.append(' ');
            LldpText.leftAligned(out, b.u8(at + i), 3);
        }
    }

    /** 802.1Qbg EVB: bridge and station status, retries, mode and timers. */
    private static void evb(SnapshotBytes b, int t, StringBuilder out) {
        out.append("\n\t    EVB Bridge Status");
        int v = b.u8(t + 4);
        out.append("\n\t      RES: ").append(v >>> 3).append(", BGID: ").append(v >>> 2 & 1).append(", RRCAP: ")
            .append(v >>> 1 & 1).append(", RRCTR: ").append(v & 1);
        out.append("\n\t    EVB Station Status");
        v = b.u8(t + 5);
        out.append("\n\t      RES: ").append(v >>> 4).append(", SGID: ").append(v >>> 3 & 1).append(", RRREQ: ")
            .append(v >>> 2 & 1).append(",RRSTAT: ").append(v & 3);
        v = b.u8(t + 6);
        out.append("\n\t    R: ").append(v >>> 5).append(", RTE: ").append(v & 0x1f).append(", ");
        v = b.u8(t + 7);
        out.append("EVB Mode: ").append(EVB_MODES[v >>> 6]).append(" [").append(v >>> 6).append(']');
        out.append("\n\t    ROL: ").append(v >>> 5 & 1).append(", RWD: ").append(v & 0x1f).append(", ");
        v = b.u8(t + 8);
        out.append("RES: ").append(v >>> 6).append(", ROL: ").append(v >>> 5 & 1).append(", RKA: ").append(v & 0x1f);
    }
}
