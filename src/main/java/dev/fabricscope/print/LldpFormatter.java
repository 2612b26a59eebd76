package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * LLDP (IEEE 802.1AB, ethertype 0x88cc) as tcpdump 4.99 prints it (print-lldp.c). By default the headline and the
 * system name ("LLDP, length 110: switch1"); with -v a line per TLV ("\n\tChassis ID TLV (1), length 7") and its
 * fields: chassis and port IDs in every subtype (network addresses as "AFI IPv4 (1): 10.0.0.1"), TTL, port and
 * system descriptions, capabilities, the management address with its interface numbering and OID, and the
 * organisation TLVs of IEEE 802.1 ({@link LldpIeee8021}, with 802.1Qaz DCB and 802.1Qbg EVB/CDCP), IEEE 802.3
 * ({@link LldpIeee8023}), TIA-1057 LLDP-MED ({@link LldpMed}), the pre-standard DCBX ({@link LldpDcbx}) and the
 * IANA MUD-URL. TLVs tcpdump cannot decode are dumped in hex at -v, every TLV at -vv.
 *
 * <p>tcpdump checks that each TLV was captured whole and fits the PDU before it reads it, and prints " [|lldp]"
 * when not (also for some lengths too short for their subtype); the link-level header then still counts for -x.
 * Checked against tcpdump with -n: without it tcpdump adds " (oui NAME)" to MAC addresses, which capture (always
 * -n) does not. Appends to the caller's builder; allocates nothing. One per printer.
 */
final class LldpFormatter {
    private static final int END = 0, CHASSIS_ID = 1, PORT_ID = 2, TTL = 3, PORT_DESCRIPTION = 4, SYSTEM_NAME = 5,
        SYSTEM_DESCRIPTION = 6, SYSTEM_CAPABILITIES = 7, MANAGEMENT_ADDRESS = 8, ORGANIZATION_SPECIFIC = 127;
    private static final String[] TLV_NAMES = {"End", "Chassis ID", "Port ID", "Time to Live", "Port Description",
        "System Name", "System Description", "System Capabilities", "Management Address"};
    private static final String[] CHASSIS_SUBTYPES = {"Chassis component", "Interface alias", "Port component",
        "MAC address", "Network address", "Interface name", "Local"};
    private static final String[] PORT_SUBTYPES = {"Interface alias", "Port component", "MAC address",
        "Network Address", "Interface Name", "Agent circuit ID", "Local"};
    private static final int CHASSIS_MAC = 4, CHASSIS_NETWORK_ADDRESS = 5, PORT_MAC = 3, PORT_NETWORK_ADDRESS = 4;
    private static final String[] CAPABILITIES = {"Other", "Repeater", "Bridge", "WLAN AP", "Router", "Telephone",
        "Docsis", "Station Only"};
    private static final String[] INTERFACE_NUMBERING = {"Interface Index", "System Port Number"};
    /** RFC 1700 address family numbers, tcpdump's af_values (VPLS and L2VPN aside, handled by {@link #familyName}). */
    private static final String[] FAMILIES = {"Reserved", "IPv4", "IPv6", "NSAP", "HDLC", "BBN 1822", "802", "E.163",
        "E.164", "F.69", "X.121", "Novell IPX", "Appletalk", "Decnet IV", "Banyan Vines", "E.164 with NSAP subaddress"};
    private static final int AF_INET = 1, AF_INET6 = 2, AF_802 = 6;
    private static final int OUI_IANA = 0x00005e, OUI_IEEE_8021 = 0x0080c2, OUI_IEEE_8023 = 0x00120f,
        OUI_TIA = 0x0012bb, OUI_DCBX = 0x001b21;
    private static final int IANA_MUD_URL = 1;

    /** What printing a TLV's value came to. */
    private enum Outcome {
        /** Printed (or nothing to print at this verbosity). */
        DONE,
        /** Not decoded: tcpdump dumps the value in hex at -v. */
        HEX_DUMP,
        /** tcpdump's "goto trunc": " [|lldp]" ends the PDU. */
        STOP
    }

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    LldpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** The LLDPDU at {@code off} whose on-wire length (Ethernet padding included) is {@code length}. */
    void format(Packet packet, int off, int length, StringBuilder out) {
        long unsigned = Integer.toUnsignedLong(length);   // tcpdump's u_int: a jumbogram's frame passes 2^31
        out.append("LLDP, length ").append(unsigned);
        try (var _ = bytes.reading(packet, packet.capLen())) {
            tlvs(off, unsigned, out);
        } catch (SnapshotBytes.Jump j) {
            // tcpdump's checks come before its reads, so this is a safety net: were a read to run past the capture,
            // tcpdump's fetch would jump out with the same marker
            earlyEnd.mark();
            trunc(out);
        }
    }

    private void tlvs(int t, long remaining, StringBuilder out) {
        while (remaining >= 2) {
            if (!captured(t, 2)) {
                trunc(out);
                return;
            }
            int header = bytes.u16(t);
            int type = header >>> 9, length = header & 0x1ff;
            t += 2;
            remaining -= 2;
            if (verbosity.verbose()) {
                out.append("\n\t").append(type == ORGANIZATION_SPECIFIC ? "Organization specific"
                    : LldpText.name(TLV_NAMES, 0, type, "Unknown")).append(" TLV (").append(type)
                    .append("), length ").append(length);
            }
            if (type == END || length == 0) return;
            if (!captured(t, length) || remaining < length) {
                trunc(out);
                return;
            }
            Outcome outcome = value(type, t, length, out);
            if (outcome == Outcome.STOP) {
                trunc(out);
                return;
            }
            if (verbosity.veryVerbose() || verbosity.verbose() && outcome == Outcome.HEX_DUMP) {
                HexDump.hex(bytes.packet(), t, length, "\n\t  ", out);
            }
            t += length;
            remaining -= length;
        }
    }

    private Outcome value(int type, int t, int length, StringBuilder out) {
        if (type == SYSTEM_NAME) {   // the one field tcpdump prints without -v
            out.append(": ");
            LldpText.untilNul(bytes, t, length, out);
            return Outcome.DONE;
        }
        boolean known = type >= CHASSIS_ID && type <= MANAGEMENT_ADDRESS || type == ORGANIZATION_SPECIFIC;
        if (!known) return Outcome.HEX_DUMP;
        if (!verbosity.verbose()) return Outcome.DONE;
        switch (type) {
            case CHASSIS_ID -> {
                return id(t, length, CHASSIS_SUBTYPES, CHASSIS_MAC, CHASSIS_NETWORK_ADDRESS, out);
            }
            case PORT_ID -> {
                return id(t, length, PORT_SUBTYPES, PORT_MAC, PORT_NETWORK_ADDRESS, out);
            }
            case TTL -> {
                if (length < 2) return Outcome.STOP;
                out.append(": TTL ").append(bytes.u16(t)).append('s');
            }
            case PORT_DESCRIPTION -> {
                out.append(": ");
                LldpText.untilNul(bytes, t, length, out);
            }
            case SYSTEM_DESCRIPTION -> {
                out.append("\n\t  ");
                LldpText.untilNul(bytes, t, length, out);
            }
            case SYSTEM_CAPABILITIES -> {
                if (length < 4) return Outcome.STOP;
                capabilities("\n\t  System  Capabilities [", bytes.u16(t), out);
                capabilities("\n\t  Enabled Capabilities [", bytes.u16(t + 2), out);
            }
            case MANAGEMENT_ADDRESS -> {
                return managementAddress(t, length, out) ? Outcome.DONE : Outcome.STOP;
            }
            default -> {
                return organizationSpecific(t, length, out);
            }
        }
        return Outcome.DONE;
    }

    /** Chassis ID and port ID: a subtype, then a MAC address, a network address or text. */
    private Outcome id(int t, int length, String[] subtypes, int mac, int networkAddress, StringBuilder out) {
        if (length < 2) return Outcome.STOP;
        int subtype = bytes.u8(t);
        out.append("\n\t  Subtype ").append(LldpText.name(subtypes, 1, subtype, "Unknown")).append(" (")
            .append(subtype).append("): ");
        if (subtype == mac) {
            if (length < 1 + 6) return Outcome.STOP;
            macAddress(t + 1, out);
        } else if (subtype == networkAddress) {
            if (!networkAddressFits(t + 1, length - 1)) return Outcome.STOP;
            networkAddress(t + 1, out);
        } else if (subtype >= 1 && subtype <= subtypes.length) {
            LldpText.untilNul(bytes, t + 1, length - 1, out);
        } else {
            return Outcome.HEX_DUMP;
        }
        return Outcome.DONE;
    }

    private void capabilities(String label, int value, StringBuilder out) {
        out.append(label);
        Text.bitNames(out, value, CAPABILITIES);
        out.append("] (0x");
        Text.hex(out, value, 4);
        out.append(')');
    }

    /**
     * Address length, address, interface numbering subtype and number, then an optional OID. False (tcpdump then
     * ends the PDU with its marker) where a length does not fit.
     */
    private boolean managementAddress(int t, int length, StringBuilder out) {
        if (length < 1) return false;
        int addressLength = bytes.u8(t);
        t++;
        length--;
        if (length < addressLength || !networkAddressFits(t, addressLength)) return false;
        out.append("\n\t  Management Address length ").append(addressLength).append(", ");
        networkAddress(t, out);
        t += addressLength;
        length -= addressLength;
        if (length < 5) return false;
        int numbering = bytes.u8(t);
        out.append("\n\t  ").append(LldpText.name(INTERFACE_NUMBERING, 2, numbering, "Unknown"))
            .append(" Interface Numbering (").append(numbering).append("): ");
        Text.u32(out, bytes.u32(t + 1));
        t += 5;
        length -= 5;
        if (length == 0) return true;   // the OID is optional
        int oidLength = bytes.u8(t);
        if (length < 1 + oidLength) return false;
        if (oidLength != 0) {
            out.append("\n\t  OID length ").append(oidLength);
            LldpText.untilNul(bytes, t + 1, oidLength, out);
        }
        return true;
    }

    /** Whether {@code length} bytes hold a family number and, for the families tcpdump prints, the address. */
    private boolean networkAddressFits(int t, int length) {
        if (length < 1) return false;
        return switch (bytes.u8(t)) {
            case AF_INET -> length - 1 >= 4;
            case AF_INET6 -> length - 1 >= 16;
            case AF_802 -> length - 1 >= 6;
            default -> true;
        };
    }

    /** "AFI IPv4 (1): 10.0.0.1", or "AFI NSAP (3), no AF printer !" for the families tcpdump does not print. */
    private void networkAddress(int t, StringBuilder out) {
        Packet p = bytes.packet();
        int family = bytes.u8(t);
        out.append("AFI ").append(familyName(family)).append(" (").append(family).append(')');
        switch (family) {
            case AF_INET -> {
                out.append(": ");
                bytes.u8(t + 4);   // read through the snapshot check first, as every read here
                Text.ipv4(out, p, t + 1);
            }
            case AF_INET6 -> {
                out.append(": ");
                bytes.u8(t + 16);
                Text.ipv6(out, p, t + 1);
            }
            case AF_802 -> {
                out.append(": ");
                macAddress(t + 1, out);
            }
            default -> out.append(", no AF printer !");
        }
    }

    /** tcpdump's af_values name of an address family number (also CFM's sender ID). */
    static String familyName(int family) {
        return switch (family) {
            case 25 -> "VPLS";
            case 196 -> "Layer-2 VPN";
            default -> LldpText.name(FAMILIES, 0, family, "Unknown");
        };
    }

    private void macAddress(int t, StringBuilder out) {
        bytes.u8(t + 5);
        Text.linkAddress(out, bytes.packet(), t, 6);
    }

    /** TLV 127: the OUI, then what tcpdump decodes for IEEE 802.1, IEEE 802.3, TIA, DCBX and IANA. */
    private Outcome organizationSpecific(int t, int length, StringBuilder out) {
        if (length < 3) return Outcome.STOP;
        int oui = bytes.u24(t);
        out.append(": OUI ").append(TcpdumpOuis.name(oui)).append(" (0x");
        Text.hex(out, oui, 6);
        out.append(')');
        boolean hexDump = switch (oui) {
            case OUI_IEEE_8021 -> LldpIeee8021.print(bytes, t, length, out);
            case OUI_IEEE_8023 -> LldpIeee8023.print(bytes, t, length, out);
            case OUI_IANA -> iana(t, length, out);
            case OUI_TIA -> LldpMed.print(bytes, t, length, out);
            case OUI_DCBX -> LldpDcbx.print(bytes, t, length, verbosity.veryVerbose(), out);
            default -> true;
        };
        return hexDump ? Outcome.HEX_DUMP : Outcome.DONE;
    }

    /** IANA's one subtype, the MUD-URL (RFC 8520), printed whole (NULs too); true when tcpdump dumps the TLV. */
    private boolean iana(int t, int length, StringBuilder out) {
        if (length < 8) return false;
        int subtype = bytes.u8(t + 3);
        out.append("\n\t  ").append(subtype == IANA_MUD_URL ? "MUD-URL" : "unknown").append(" Subtype (")
            .append(subtype).append(')');
        if (subtype != IANA_MUD_URL) return true;
        out.append("\n\t  MUD-URL=");
        LldpText.all(bytes, t + 4, length - 4, out);
        return false;
    }

    private boolean captured(int at, int n) {
        return at + (long) n <= bytes.end();
    }

    private static void trunc(StringBuilder out) {
        out.append(" [|lldp]");
    }
}
