package dev.fabricscope.print;

import static dev.fabricscope.print.RsvpNames.*;
import static dev.fabricscope.print.RsvpObjects.*;

/**
 * The RSVP-TE and GMPLS objects (RFC 3209, 3473, 4090, 4124, 4875, 5063; OIF UNI; Juniper's Properties) as tcpdump
 * -v prints them (print-rsvp.c): labels, Label Request, Explicit and Record Route subobjects, Session Attribute,
 * Fast Re-Route, Detour, Class Type, Restart Capability, Capability, Administrative Status, Label Set, S2L Sub-LSP,
 * Confirm and Notify Request addresses, Properties and Generalized UNI. Each returns what {@link RsvpObjects} does
 * next.
 */
final class RsvpTeObjects {
    private final SnapshotBytes b;
    private final FloatText floats;

    RsvpTeObjects(SnapshotBytes bytes, FloatText floats) {
        this.b = bytes;
        this.floats = floats;
    }

    /** Confirm (the receiver) and Notify Request (the node): one IPv4 or IPv6 address. */
    int address(int ctype, int at, int len, String indent, String what, StringBuilder out) {
        switch (ctype) {
            case 1 -> {
                if (len < 4) return tooShort(out, indent);
                b.ip4(out.append(indent).append("  IPv4 ").append(what), at);
            }
            case 2 -> {
                if (len < 16) return tooShort(out, indent);
                b.ip6(out.append(indent).append("  IPv6 ").append(what), at);
            }
            default -> {
                return DUMP;
            }
        }
        return DONE;
    }

    /** Label, Suggested, Upstream and Recovery Label. */
    int label(int ctype, int at, int len, String indent, StringBuilder out) {
        switch (ctype) {
            case 1 -> {
                for (int l = at; l + 4 <= at + len; l += 4) out.append(indent).append("  Label: ").append(b.u32(l));
            }
            case 2 -> {
                if (len < 4) return tooShort(out, indent);
                out.append(indent).append("  Generalized Label: ").append(b.u32(at));
            }
            case 3 -> {
                if (len < 12) return tooShort(out, indent);
                out.append(indent).append("  Waveband ID: ").append(b.u32(at)).append(indent).append("  Start Label: ")
                    .append(b.u32(at + 4)).append(", Stop Label: ").append(b.u32(at + 8));
            }
            default -> {
                return DUMP;
            }
        }
        return DONE;
    }

    int labelRequest(int ctype, int at, int len, String indent, StringBuilder out) {
        switch (ctype) {
            case 1 -> {
                for (int l = at; l + 4 <= at + len; l += 4) protocol(out, indent, b.u16(l + 2));
            }
            case 2 -> {
                if (len < 12) return tooShort(out, indent);
                protocol(out, indent, b.u16(at + 2));
                out.append(',').append((b.u8(at + 4) & 0x80) != 0 ? "no" : "").append(" merge capability");
                out.append(indent).append("  Minimum VPI/VCI: ").append(b.u16(at + 4) & 0xfff).append('/')
                    .append(b.u16(at + 6) & 0xfff);
                out.append(indent).append("  Maximum VPI/VCI: ").append(b.u16(at + 8) & 0xfff).append('/')
                    .append(b.u16(at + 10) & 0xfff);
            }
            case 3 -> {
                if (len < 12) return tooShort(out, indent);
                protocol(out, indent, b.u16(at + 2));
                int dlciLength = (b.u16(at + 4) >>> 7) & 3;
                out.append(indent).append("  Minimum/Maximum DLCI: ").append(b.u32(at + 4) & 0x7fffff).append('/')
                    .append(b.u32(at + 8) & 0x7fffff).append(", ").append(dlciLength == 0 ? "10" : "")
                    .append(dlciLength == 2 ? "23" : "").append(" bit DLCI");
            }
            case 4 -> {
                if (len < 4) return tooShort(out, indent);
                int encoding = b.u8(at), switching = b.u8(at + 1), payload = b.u16(at + 2);
                out.append(indent).append("  LSP Encoding Type: ").append(GmplsNames.lspEncoding(encoding)).append(" (")
                    .append(encoding).append(')');
                out.append(indent).append("  Switching Type: ").append(GmplsNames.switchingCapability(switching))
                    .append(" (").append(switching).append("), Payload ID: ").append(GmplsNames.payload(payload));
                hex4(out.append(" ("), payload).append(')');
            }
            default -> {
                return DUMP;
            }
        }
        return DONE;
    }

    private static void protocol(StringBuilder out, String indent, int etherType) {
        out.append(indent).append("  L3 Protocol ID: ");
        String name = EtherTypeNames.of(etherType);
        if (name != null) out.append(name);
        else hex4(out.append("Unknown Protocol ("), etherType).append(')');
    }

    /** Explicit and Record Route: IPv4 prefix and label subobjects decoded, the others named. */
    int route(int ctype, int at, int len, String indent, StringBuilder out) {
        if (ctype != 1) return DUMP;
        while (len >= 4) {
            int first = b.u8(at), length = b.u8(at + 1), type = first & 0x7f;
            String name = routeSubobject(type);
            out.append(indent).append("  Subobject Type: ");
            if (name != null) out.append(name);
            else out.append("Unknown ").append(type);
            out.append(", length ").append(length);
            if (len < length) {
                out.append(indent).append("  ERROR: ERO subobject length > object length");
                break;
            }
            if (length == 0) {
                out.append(indent).append("  ERROR: zero length ERO subtype");
                break;
            }
            if (type == 1) {
                if (length != 8) return invalid(out.append(" ERROR: length != 8"));
                int prefix = b.u8(at + 6);
                if (prefix != 32) return invalid(out.append(" ERROR: Prefix length ").append(prefix).append(" != 32"));
                b.ip4(out.append(", ").append((first & 0x80) != 0 ? "Loose" : "Strict").append(", "), at + 2);
                out.append('/').append(prefix).append(", Flags: [");
                Icmp6Formatter.flagNames(out, b.u8(at + 7), ROUTE_FLAG_BITS, ROUTE_FLAGS);
                out.append(']');
            } else if (type == 3) {
                if (length != 8) return invalid(out.append(" ERROR: length != 8"));
                int flags = b.u8(at + 2), labelType = b.u8(at + 3);
                out.append(", Flags: [");
                Icmp6Formatter.flagNames(out, flags, GLOBAL_LABEL_BIT, GLOBAL_LABEL);
                alternateHex(out.append("] ("), flags).append("), Class-Type: ").append(classType(RRO, labelType))
                    .append(" (").append(labelType).append("), ").append(b.u32(at + 4));
            }
            len -= length;
            at += length;
        }
        return DONE;
    }

    private static int invalid(StringBuilder out) {
        out.append(" (invalid)");
        return STOP;
    }

    /** printf's "%#x": "0", else "0x" and the digits. */
    private static StringBuilder alternateHex(StringBuilder out, int value) {
        if (value == 0) return out.append('0');
        Text.hex(out.append("0x"), value);
        return out;
    }

    int sessionAttribute(int ctype, int at, int len, String indent, StringBuilder out) {
        if (ctype != 7) return DUMP;
        if (len < 4) return tooShort(out, indent);
        int nameLength = b.u8(at + 3);
        if (len < 4 + nameLength) return tooShort(out, indent);
        out.append(indent).append("  Session Name: ");
        b.printn(out, at + 4, nameLength);
        int flags = b.u8(at + 2);
        out.append(indent).append("  Setup Priority: ").append(b.u8(at)).append(", Holding Priority: ")
            .append(b.u8(at + 1)).append(", Flags: [");
        Icmp6Formatter.flagNames(out, flags, SESSION_ATTRIBUTE_BITS, SESSION_ATTRIBUTE_FLAGS);
        alternateHex(out.append("] ("), flags).append(')');
        return DONE;
    }

    int restartCapability(int ctype, int at, int len, String indent, StringBuilder out) {
        if (ctype != 1) return DUMP;
        if (len < 8) return tooShort(out, indent);
        out.append(indent).append("  Restart  Time: ").append(b.u32(at)).append("ms, Recovery Time: ")
            .append(b.u32(at + 4)).append("ms");
        return DONE;
    }

    int capability(int ctype, int at, int len, String indent, StringBuilder out) {
        if (ctype != 1) return DUMP;
        if (len < 4) return tooShort(out, indent);
        long word = b.u32(at);
        if ((word & ~7L) != 0) hex8(out.append(indent).append("  [reserved="), word & ~7L).append(" must be zero]");
        out.append(indent).append("  Flags: [");
        Icmp6Formatter.flagNames(out, word & 7, CAPABILITY_BITS, CAPABILITY_FLAGS);
        out.append(']');
        return DONE;
    }

    int adminStatus(int ctype, int at, int len, String indent, StringBuilder out) {
        if (ctype != 1) return DUMP;
        if (len < 4) return tooShort(out, indent);
        out.append(indent).append("  Flags [");
        Icmp6Formatter.flagNames(out, b.u32(at), ADMIN_STATUS_BITS, ADMIN_STATUS_FLAGS);
        out.append(']');
        return DONE;
    }

    int labelSet(int ctype, int at, int len, String indent, StringBuilder out) {
        if (ctype != 1) return DUMP;
        if (len < 4) return tooShort(out, indent);
        int action = b.u8(at);
        out.append(indent).append("  Action: ").append(labelSetAction(action)).append(" (").append(action)
            .append("), Label type: ").append(b.u32(at) & 0x7f);
        if (action == LABEL_SET_INCLUSIVE_RANGE || action == LABEL_SET_EXCLUSIVE_RANGE) {
            if (len < 12) return tooShort(out, indent);
            out.append(indent).append("  Start range: ").append(b.u32(at + 4)).append(", End range: ")
                .append(b.u32(at + 8));
        } else {
            int subchannel = 1;
            for (int l = at + 4; l + 4 <= at + len; l += 4) {
                out.append(indent).append("  Subchannel #").append(subchannel++).append(": ").append(b.u32(l));
            }
        }
        return DONE;
    }

    int subLsp(int ctype, int at, int len, String indent, StringBuilder out) {
        switch (ctype) {
            case 1 -> {
                if (len < 4) return tooShort(out, indent);
                b.ip4(out.append(indent).append("  Sub-LSP destination address: "), at);
            }
            case 2 -> {
                if (len < 16) return tooShort(out, indent);
                b.ip6(out.append(indent).append("  Sub-LSP destination address: "), at);
            }
            default -> {
                return DUMP;
            }
        }
        return DONE;
    }

    /** Fast Re-Route: C-Type 1 (RFC 4090) and the older C-Type 7; the bandwidth in megabits as tcpdump's float. */
    int fastReroute(int ctype, int at, int len, String indent, StringBuilder out) {
        if (ctype != 1 && ctype != 7) return DUMP;
        if (len < (ctype == 1 ? 20 : 16)) return tooShort(out, indent);
        out.append(indent).append("  Setup Priority: ").append(b.u8(at)).append(", Holding Priority: ")
            .append(b.u8(at + 1)).append(", Hop-limit: ").append(b.u8(at + 2)).append(", Bandwidth: ");
        floats.g10(out, Float.intBitsToFloat((int) b.u32(at + 4)) * 8 / 1000000);
        out.append(" Mbps");
        if (ctype == 1) {
            hex8(out.append(indent).append("  Include-any: "), b.u32(at + 8));
            hex8(out.append(", Exclude-any: "), b.u32(at + 12));
            hex8(out.append(", Include-all: "), b.u32(at + 16));
        } else {
            hex8(out.append(indent).append("  Include Colors: "), b.u32(at + 8));
            hex8(out.append(", Exclude Colors: "), b.u32(at + 12));
        }
        return DONE;
    }

    int detour(int ctype, int at, int len, String indent, StringBuilder out) {
        if (ctype != 7) return DUMP;
        for (int d = at; d + 8 <= at + len; d += 8) {
            b.ip4(out.append(indent).append("  PLR-ID: "), d);
            b.ip4(out.append(", Avoid-Node-ID: "), d + 4);
        }
        return DONE;
    }

    int classTypeObject(int ctype, int at, int len, String indent, StringBuilder out) {
        if (ctype != 1) return DUMP;
        if (len < 4) return tooShort(out, indent);
        out.append(indent).append("  CT: ").append(b.u32(at) & 0x7);
        return DONE;
    }

    /** Juniper's Properties: a count and padding, then TLVs dumped in hex. */
    int properties(int ctype, int at, int len, String indent, StringBuilder out) {
        if (ctype != 1) return DUMP;
        if (len < 4) return tooShort(out, indent);
        int padding = b.u16(at + 2);
        out.append(indent).append("  TLV count: ").append(b.u16(at)).append(", padding bytes: ").append(padding);
        at += 4;
        len -= 4;
        while (len >= 2 + padding) {
            int type = b.u8(at), length = b.u8(at + 1);
            hex2(out.append(indent).append("    ").append(propertyTlv(type)).append(" TLV ("), type)
                .append("), length: ").append(length);
            if (len < length) return tooShort(out, indent);
            if (length < 2) {
                out.append(indent).append("ERROR: property TLV is too short");
                return STOP;
            }
            b.unknownData(out, at + 2, "\n\t\t", length - 2);
            len -= length;
            at += length;
        }
        return DONE;
    }

    /** OIF UNI 1.0's Generalized UNI: TNA addresses, egress label and service level; others make a dump. */
    int generalizedUni(int ctype, int at, int len, String indent, StringBuilder out) {
        if (ctype != 1) return DUMP;
        if (len < 4) return tooShort(out, indent);
        boolean dump = false;
        long left = len;
        long grown = len;   // tcpdump adds each sub-object's length to the object's instead of taking it away
        while (left > 0) {
            if (left < 4) return invalid(out);
            int length = b.u16(at), type = b.u8(at + 2), family = b.u8(at + 3);
            String familyName = BgpNames.family(family);
            out.append(indent).append("  Subobject Type: ").append(uniSubobject(type)).append(" (").append(type)
                .append("), AF: ").append(familyName == null ? "Unknown" : familyName).append(" (").append(family)
                .append("), length: ").append(length);
            if (length < 4 || length > left || grown < length) return invalid(out);
            switch (type) {
                case UNI_SOURCE_TNA, UNI_DESTINATION_TNA -> {
                    switch (family) {
                        case BgpNames.AFI_INET -> {
                            if (length < 8) return subobjectTooShort(out, indent);
                            b.ip4(out.append(indent).append("    UNI IPv4 TNA address: "), at + 4);
                        }
                        case BgpNames.AFI_INET6 -> {
                            if (length < 20) return subobjectTooShort(out, indent);
                            b.ip6(out.append(indent).append("    UNI IPv6 TNA address: "), at + 4);
                        }
                        case BgpNames.AFI_NSAP -> dump = true;
                        default -> { }
                    }
                }
                case UNI_DIVERSITY -> dump |= length > 4;
                case UNI_EGRESS_LABEL -> {
                    if (length < 16) return subobjectTooShort(out, indent);
                    long word = b.u32(at + 4);
                    Text.hex(out.append(indent).append("    U-bit: "), word >>> 31);
                    out.append(", Label type: ").append(word & 0xff).append(", Logical port id: ")
                        .append(b.u32(at + 8)).append(", Label: ").append(b.u32(at + 12));
                }
                case UNI_SERVICE_LEVEL -> {
                    if (length < 8) return subobjectTooShort(out, indent);
                    out.append(indent).append("    Service level: ").append(b.u32(at + 4) >>> 24);
                }
                default -> dump = true;
            }
            left -= length;
            at += length;
            grown += length;
        }
        return dump ? DUMP : DONE;
    }

    private static int subobjectTooShort(StringBuilder out, String indent) {
        out.append(indent).append("ERROR: sub-object is too short");
        return STOP;
    }
}
