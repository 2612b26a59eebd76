package dev.fabricscope.print;

/**
 * LLDP's IEEE 802.3 organisation TLVs (OUI 00-12-0f) as tcpdump 4.99's print-lldp.c prints them with -v: MAC/PHY
 * configuration (autonegotiation, advertised capabilities, MAU type of RFC 3636), power via MDI, link aggregation
 * and maximum frame size. tcpdump knows the MAU types up to 10GBASE-SW (40) only; later ones print as "unknown".
 */
final class LldpIeee8023 {
    private LldpIeee8023() { }

    private static final int MAC_PHY = 1, POWER_VIA_MDI = 2, LINK_AGGREGATION = 3, MAX_FRAME_SIZE = 4;
    private static final String[] SUBTYPES = {"MAC/PHY configuration/status", "Power via MDI", "Link aggregation",
        "Max frame size"};
    private static final int[] AUTONEGOTIATION = {1, 2};
    private static final String[] AUTONEGOTIATION_NAMES = {"supported", "enabled"};
    /** ifMauAutoNegCapAdvertisedBits, in tcpdump's order (bit 15, "other", it does not name). */
    private static final int[] PMD_CAPABILITIES = {1 << 14, 1 << 13, 1 << 12, 1 << 11, 1 << 10, 1 << 9, 1 << 8,
        1 << 7, 1 << 6, 1 << 5, 1 << 4, 1 << 3, 1 << 2, 1 << 1, 1};
    private static final String[] PMD_CAPABILITY_NAMES = {"10BASE-T hdx", "10BASE-T fdx", "100BASE-T4",
        "100BASE-TX hdx", "100BASE-TX fdx", "100BASE-T2 hdx", "100BASE-T2 fdx", "Pause for fdx links",
        "Asym PAUSE for fdx", "Sym PAUSE for fdx", "Asym and Sym PAUSE for fdx", "1000BASE-{X LX SX CX} hdx",
        "1000BASE-{X LX SX CX} fdx", "1000BASE-T hdx", "1000BASE-T fdx"};
    /** dot3MauType 0 to 40. */
    private static final String[] MAU_TYPES = {"Unknown", "AUI", "10BASE_5", "FOIRL", "10BASE2",
        "10BASET duplex mode unknown", "10BASEFP", "10BASEFB", "10BASEFL duplex mode unknown", "10BROAD36",
        "10BASET hdx", "10BASET fdx", "10BASEFL hdx", "10BASEFL fdx", "100BASET4", "100BASETX hdx", "100BASETX fdx",
        "100BASEFX hdx", "100BASEFX fdx", "100BASET2 hdx", "100BASET2 fdx", "1000BASEX hdx", "1000BASEX fdx",
        "1000BASELX hdx", "1000BASELX fdx", "1000BASESX hdx", "1000BASESX fdx", "1000BASECX hdx", "1000BASECX fdx",
        "1000BASET hdx", "1000BASET fdx", "10GBASEX", "10GBASELX4", "10GBASER", "10GBASEER", "10GBASELR",
        "10GBASESR", "10GBASEW", "10GBASEEW", "10GBASELW", "10GBASESW"};
    private static final int[] MDI_FLAGS = {1, 2, 4, 8};
    private static final String[] MDI_FLAG_NAMES = {"PSE", "supported", "enabled", "can be controlled"};
    private static final String[] POWER_PAIRS = {"signal", "spare"};
    private static final String[] POWER_CLASSES = {"class0", "class1", "class2", "class3", "class4"};

    /** The TLV's value after its 2-byte header ({@code t}: the OUI) of {@code length} bytes; true to dump it in hex. */
    static boolean print(SnapshotBytes b, int t, int length, StringBuilder out) {
        if (length < 4) return false;
        int subtype = LldpText.subtype(b, t, SUBTYPES, out);
        switch (subtype) {
            case MAC_PHY -> {
                if (length < 9) return false;
                int autonegotiation = b.u8(t + 4);
                out.append("\n\t    autonegotiation [");
                LldpText.bits(out, autonegotiation, AUTONEGOTIATION, AUTONEGOTIATION_NAMES, "none");
                out.append("] (");
                LldpText.hex(out, autonegotiation, 2);
                int capabilities = b.u16(t + 5);
                out.append(")\n\t    PMD autoneg capability [");
                LldpText.bits(out, capabilities, PMD_CAPABILITIES, PMD_CAPABILITY_NAMES, "unknown");
                out.append("] (");
                LldpText.hex(out, capabilities, 4);
                int mau = b.u16(t + 7);
                out.append(")\n\t    MAU type ").append(LldpText.name(MAU_TYPES, 0, mau, "unknown")).append(" (");
                LldpText.hex(out, mau, 4);
                out.append(')');
            }
            case POWER_VIA_MDI -> {
                if (length < 7) return false;
                out.append("\n\t    MDI power support [");
                LldpText.bits(out, b.u8(t + 4), MDI_FLAGS, MDI_FLAG_NAMES, "none");
                out.append("], power pair ").append(LldpText.name(POWER_PAIRS, 1, b.u8(t + 5), "unknown"))
                    .append(", power class ").append(LldpText.name(POWER_CLASSES, 1, b.u8(t + 6), "unknown"));
            }
            case LINK_AGGREGATION -> {
                if (length < 9) return false;
                LldpIeee8021.aggregation(b, t, out);
            }
            case MAX_FRAME_SIZE -> {
                if (length < 6) return false;
                out.append("\n\t    MTU size ").append(b.u16(t + 4));
            }
            default -> {
                return true;
            }
        }
        return false;
    }
}
