package dev.fabricscope.print;

/**
 * LLDP-MED, the TIA-1057 organisation TLVs (OUI 00-12-bb), as tcpdump 4.99's print-lldp.c prints them with -v:
 * capabilities and device type, network policy, location (coordinates, civic address, ECS ELIN), extended power
 * via MDI and the inventory strings. As tcpdump: the power type tests the low two bits of its byte (its mask
 * {@code 0xC0 >> 6}), and a civic address element that does not fit ends the TLV without a hex dump.
 */
final class LldpMed {
    private LldpMed() { }

    private static final int CAPABILITIES = 1, NETWORK_POLICY = 2, LOCATION = 3, EXTENDED_POWER = 4,
        FIRST_INVENTORY = 5, LAST_INVENTORY = 11;
    private static final String[] SUBTYPES = {"LLDP-MED Capabilities", "Network policy", "Location identification",
        "Extended power-via-MDI", "Inventory - hardware revision", "Inventory - firmware revision",
        "Inventory - software revision", "Inventory - serial number", "Inventory - manufacturer name",
        "Inventory - model name", "Inventory - asset ID"};
    private static final String[] INVENTORY = {"Hardware revision", "Firmware revision", "Software revision",
        "Serial number", "Manufacturer name", "Model name", "Asset ID"};
    private static final int[] CAPABILITY_BITS = {1, 2, 4, 8, 16, 32};
    private static final String[] CAPABILITY_NAMES = {"LLDP-MED capabilities", "network policy",
        "location identification", "extended power via MDI-PSE", "extended power via MDI-PD", "Inventory"};
    private static final String[] DEVICE_TYPES = {"endpoint class 1", "endpoint class 2", "endpoint class 3",
        "network connectivity"};
    private static final String[] APPLICATION_TYPES = {"voice", "voice signaling", "guest voice",
        "guest voice signaling", "softphone voice", "video conferencing", "streaming video", "video signaling"};
    private static final int[] POLICY_FLAGS = {0x80, 0x40, 0x20};
    private static final String[] POLICY_FLAG_NAMES = {"Unknown", "Tagged", "reserved"};
    private static final int COORDINATES = 1, CIVIC_ADDRESS = 2, ECS_ELIN = 3;
    private static final String[] LOCATION_FORMATS = {"coordinate-based LCI", "civic address LCI", "ECS ELIN"};
    private static final String[] ALTITUDE_TYPES = {"meters", "floors"};
    private static final String[] DATUMS = {"World Geodesic System 1984", "North American Datum 1983 (NAVD88)",
        "North American Datum 1983 (MLLW)"};
    private static final String[] LCI_WHAT = {"location of DHCP server",
        "location of the network element believed to be closest to the client", "location of the client"};
    private static final String[] CA_TYPES = {"national subdivisions (state,canton,region,province,prefecture)",
        "county, parish, gun, district", "city, township, shi", "city division, borough, city district, ward chou",
        "neighborhood, block", "street"};
    private static final String[] POWER_SOURCES = {"PSE - primary power source", "local - backup power source",
        "PSE+local - reserved"};
    private static final String[] POWER_PRIORITIES = {"critical", "high", "low"};
    private static final int POWER_MAX = 1024;

    /** The TLV's value after its 2-byte header ({@code t}: the OUI) of {@code length} bytes; true to dump it in hex. */
    static boolean print(SnapshotBytes b, int t, int length, StringBuilder out) {
        if (length < 4) return false;
        int subtype = LldpText.subtype(b, t, SUBTYPES, out);
        switch (subtype) {
            case CAPABILITIES -> {
                if (length < 7) return false;
                int capabilities = b.u16(t + 4);
                out.append("\n\t    Media capabilities [");
                LldpText.bits(out, capabilities, CAPABILITY_BITS, CAPABILITY_NAMES, "none");
                out.append("] (");
                LldpText.hex(out, capabilities, 4);
                int type = b.u8(t + 6);
                out.append(")\n\t    Device type [").append(LldpText.name(DEVICE_TYPES, 1, type, "unknown"))
                    .append("] (");
                LldpText.hex(out, type, 2);
                out.append(')');
            }
            case NETWORK_POLICY -> {
                if (length < 8) return false;
                int application = b.u8(t + 4);
                out.append("\n\t    Application type [").append(LldpText.name(APPLICATION_TYPES, 1, application, "none"))
                    .append("] (");
                LldpText.hex(out, application, 2);
                out.append("), Flags [");
                LldpText.bits(out, b.u8(t + 5), POLICY_FLAGS, POLICY_FLAG_NAMES, "none");
                out.append("]\n\t    Vlan id ").append((b.u16(t + 5) & 0x1ffe) >>> 1);
                int priorityAndDscp = b.u16(t + 6);
                out.append(", L2 priority ").append((priorityAndDscp & 0x1ff) >>> 6);
                out.append(", DSCP value ").append(priorityAndDscp & 0x3f);
            }
            case LOCATION -> {
                return location(b, t, length, out);
            }
            case EXTENDED_POWER -> {
                if (length < 7) return false;
                int v = b.u8(t + 4);
                out.append("\n\t    Power type [").append((v & 3) != 0 ? "PD device" : "PSE device")
                    .append("], Power source [").append(LldpText.name(POWER_SOURCES, 1, (v & 0x30) >>> 4, "none"))
                    .append("]\n\t    Power priority [").append(LldpText.name(POWER_PRIORITIES, 1, v & 0xf, "none"))
                    .append("] (");
                LldpText.hex(out, v & 0xf, 2);
                out.append(')');
                int power = b.u16(t + 5);
                if (power < POWER_MAX) {
                    out.append(", Power ").append(power / 10).append('.').append(power % 10).append(" Watts");
                } else {
                    out.append(", Power ").append(power).append(" (Reserved)");
                }
            }
            default -> {
                if (subtype < FIRST_INVENTORY || subtype > LAST_INVENTORY) return true;
                out.append("\n\t  ").append(INVENTORY[subtype - FIRST_INVENTORY]).append(' ');
                LldpText.untilNul(b, t + 4, length - 4, out);
            }
        }
        return false;
    }

    private static boolean location(SnapshotBytes b, int t, int length, StringBuilder out) {
        if (length < 5) return false;
        int format = b.u8(t + 4);
        out.append("\n\t    Location data format ").append(LldpText.name(LOCATION_FORMATS, 1, format, "unknown"))
            .append(" (");
        LldpText.hex(out, format, 2);
        out.append(')');
        switch (format) {
            case COORDINATES -> {
                if (length < 21) return false;
                out.append("\n\t    Latitude resolution ").append(b.u8(t + 5) >>> 2).append(", latitude value ")
                    .append(coordinate(b, t + 5));
                out.append("\n\t    Longitude resolution ").append(b.u8(t + 10) >>> 2).append(", longitude value ")
                    .append(coordinate(b, t + 10));
                int altitudeType = b.u8(t + 15) >>> 4;
                out.append("\n\t    Altitude type ").append(LldpText.name(ALTITUDE_TYPES, 1, altitudeType, "unknown"))
                    .append(" (").append(altitudeType).append(')');
                out.append("\n\t    Altitude resolution ").append(b.u16(t + 15) >>> 6 & 0x3f)
                    .append(", altitude value 0x");
                Text.hex(out, b.u32(t + 16) & 0x3fffffffL);
                int datum = b.u8(t + 20);
                out.append("\n\t    Datum ").append(LldpText.name(DATUMS, 1, datum, "unknown")).append(" (");
                LldpText.hex(out, datum, 2);
                out.append(')');
            }
            case CIVIC_ADDRESS -> {
                return civicAddress(b, t, length, out);
            }
            case ECS_ELIN -> {
                out.append("\n\t    ECS ELIN id ");
                LldpText.untilNul(b, t + 5, length - 5, out);
            }
            default -> {
                out.append("\n\t    Location ID ");
                HexDump.hex(b.packet(), t + 5, length - 5, "\n\t      ", out);   // captured: the TLV was
            }
        }
        return false;
    }

    /** 34 bits: the low two bits of the first byte, then four bytes. */
    private static long coordinate(SnapshotBytes b, int at) {
        return (long) (b.u8(at) & 3) << 32 | b.u32(at + 1);
    }

    /** The LCI: its length, "what", country code, then the civic address elements (type, length, text). */
    private static boolean civicAddress(SnapshotBytes b, int t, int length, StringBuilder out) {
        if (length < 6) return false;
        int lciLength = b.u8(t + 5);
        if (lciLength < 3 || length < 7 + lciLength) return false;
        int what = b.u8(t + 6);
        out.append("\n\t    LCI length ").append(lciLength).append(", LCI what ")
            .append(LldpText.name(LCI_WHAT, 0, what, "unknown")).append(" (");
        LldpText.hex(out, what, 2);
        out.append("), Country-code ");
        LldpText.untilNul(b, t + 7, 2, out);
        int left = lciLength - 3;
        int at = t + 9;
        while (left > 0) {
            if (left < 2) return false;
            int type = b.u8(at), elementLength = b.u8(at + 1);
            at += 2;
            left -= 2;
            out.append("\n\t      CA type '").append(LldpText.name(CA_TYPES, 1, type, "unknown")).append("' (")
                .append(type).append("), length ").append(elementLength).append(": ");
            if (type == 0 || elementLength == 0 || left < elementLength) return false;
            LldpText.untilNul(b, at, elementLength, out);
            at += elementLength;
            left -= elementLength;
        }
        return false;
    }
}
