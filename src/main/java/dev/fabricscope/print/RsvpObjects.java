package dev.fabricscope.print;

import static dev.fabricscope.print.RsvpNames.*;

/**
 * The objects of an RSVP message as tcpdump -v prints them (print-rsvp.c's rsvp_obj_print): each object's header
 * line (class name, what to do if unknown, C-Type, length), then what tcpdump decodes of it. This class has the
 * loop and RFC 2205's objects (Session, RSVP Hop, Time Values, Error Spec, Style, Sender Template, Filter Spec,
 * Confirm, Integrity) and RFC 2961's (Message ID, Ack, List) and Hello; {@link RsvpTeObjects} the MPLS-TE and GMPLS
 * ones; {@link RsvpIntServ} the TSpec, Adspec and Flowspec bodies. An object tcpdump cannot decode (an unknown class
 * or C-Type, trailing TLVs) is dumped in hex; at -vv every object is dumped after its decoding.
 *
 * <p>Object headers and whole objects are checked against the capture before they are read (tcpdump's own check,
 * then " [|rsvp]"); a malformed object ends the message with tcpdump's "ERROR: ..." text.
 */
final class RsvpObjects {
    /** What an object's decoder asks for: nothing more, a hex dump of the object, or the end of the message. */
    static final int DONE = 0, DUMP = 1, STOP = -1;
    static final String DUMP_INDENT = "\n\t    ";
    private static final int HEADER = 4;

    private final Verbosity verbosity;
    private final SnapshotBytes b;
    private final RsvpTeObjects te;
    private final RsvpIntServ intServ;

    RsvpObjects(Verbosity verbosity, SnapshotBytes bytes) {
        this.verbosity = verbosity;
        this.b = bytes;
        FloatText floats = new FloatText();
        this.te = new RsvpTeObjects(bytes, floats);
        this.intServ = new RsvpIntServ(verbosity, bytes, floats);
    }

    /** The objects in {@code length} bytes at {@code at}; false where tcpdump gives up on the message. */
    boolean print(int at, long length, String indent, StringBuilder out) {
        while (length >= HEADER) {
            if (!b.has(at, HEADER)) return truncated(out);
            int objectLength = b.u16(at);
            int classNum = b.u8(at + 2), ctype = b.u8(at + 3);
            if (objectLength % 4 != 0) {
                out.append(indent).append("ERROR: object header size ").append(objectLength)
                    .append(" not a multiple of 4");
                return false;
            }
            if (objectLength < HEADER) {
                out.append(indent).append("ERROR: object header too short ").append(objectLength).append(" < ")
                    .append(HEADER);
                return false;
            }
            out.append(indent).append(object(classNum)).append(" Object (").append(classNum).append(") Flags: [")
                .append((classNum & 0x80) == 0 ? "reject" : (classNum & 0x40) != 0 ? "ignore and forward"
                    : "ignore silently")
                .append(" if unknown], Class-Type: ").append(classType(classNum, ctype)).append(" (").append(ctype)
                .append("), length: ").append(objectLength);
            if (length < objectLength) {
                out.append(indent).append("ERROR: object goes past end of objects TLV");
                return false;
            }
            if (!b.has(at, objectLength)) return truncated(out);
            int body = at + HEADER, bodyLength = objectLength - HEADER;
            int result = body(classNum, ctype, body, bodyLength, indent, out);
            if (result == STOP) return false;
            if (verbosity.veryVerbose() || result == DUMP) b.unknownData(out, body, DUMP_INDENT, bodyLength);
            at += objectLength;
            length -= objectLength;
        }
        return true;
    }

    private static boolean truncated(StringBuilder out) {
        out.append(" [|rsvp]");
        return false;
    }

    static int tooShort(StringBuilder out, String indent) {
        out.append(indent).append("ERROR: object is too short");
        return STOP;
    }

    /** "0x" and eight hex digits. */
    static StringBuilder hex8(StringBuilder out, long value) {
        Text.hex(out.append("0x"), value, 8);
        return out;
    }

    /** "0x" and four hex digits. */
    static StringBuilder hex4(StringBuilder out, int value) {
        Text.hex(out.append("0x"), value, 4);
        return out;
    }

    /** "0x" and two hex digits. */
    static StringBuilder hex2(StringBuilder out, int value) {
        Text.hex(out.append("0x"), value, 2);
        return out;
    }

    private int body(int classNum, int ctype, int at, int len, String indent, StringBuilder out) {
        return switch (classNum) {
            case SESSION -> session(ctype, at, len, indent, out);
            case CONFIRM -> te.address(ctype, at, len, indent, "Receiver Address: ", out);
            case NOTIFY_REQUEST -> te.address(ctype, at, len, indent, "Notify Node Address: ", out);
            case SUGGESTED_LABEL, UPSTREAM_LABEL, RECOVERY_LABEL, LABEL -> te.label(ctype, at, len, indent, out);
            case STYLE -> style(ctype, at, len, indent, out);
            case SENDER_TEMPLATE -> sender(ctype, at, len, indent, out);
            case LABEL_REQUEST -> te.labelRequest(ctype, at, len, indent, out);
            case RRO, ERO -> te.route(ctype, at, len, indent, out);
            case HELLO -> hello(ctype, at, len, indent, out);
            case RESTART_CAPABILITY -> te.restartCapability(ctype, at, len, indent, out);
            case CAPABILITY -> te.capability(ctype, at, len, indent, out);
            case SESSION_ATTRIBUTE -> te.sessionAttribute(ctype, at, len, indent, out);
            case GENERALIZED_UNI -> te.generalizedUni(ctype, at, len, indent, out);
            case HOP -> hop(ctype, at, len, indent, out);
            case TIME_VALUES -> timeValues(ctype, at, len, indent, out);
            case SENDER_TSPEC, ADSPEC, FLOWSPEC -> {
                if (ctype != 2) yield DUMP;
                if (len < 4) yield tooShort(out, indent);
                intServ.specs(at, len, indent, out);
                yield DONE;
            }
            case FILTERSPEC -> filter(ctype, at, len, indent, out);
            case FAST_REROUTE -> te.fastReroute(ctype, at, len, indent, out);
            case DETOUR -> te.detour(ctype, at, len, indent, out);
            case CLASSTYPE, CLASSTYPE_OLD -> te.classTypeObject(ctype, at, len, indent, out);
            case ERROR_SPEC -> errorSpec(ctype, at, len, indent, out);
            case PROPERTIES -> te.properties(ctype, at, len, indent, out);
            case MESSAGE_ID, MESSAGE_ID_ACK, MESSAGE_ID_LIST -> messageIds(ctype, at, len, indent, out);
            case INTEGRITY -> integrity(ctype, at, len, indent, out);
            case ADMIN_STATUS -> te.adminStatus(ctype, at, len, indent, out);
            case LABEL_SET -> te.labelSet(ctype, at, len, indent, out);
            case S2L -> te.subLsp(ctype, at, len, indent, out);
            default -> {   // Scope, Policy Data, Acceptable Label Set, Protection and unknown classes
                if (!verbosity.veryVerbose()) b.unknownData(out, at, DUMP_INDENT, len);
                yield DONE;
            }
        };
    }

    private int session(int ctype, int at, int len, String indent, StringBuilder out) {
        switch (ctype) {
            case 1 -> {
                if (len < 8) return tooShort(out, indent);
                b.ip4(out.append(indent).append("  IPv4 DestAddress: "), at);
                hex2(out.append(", Protocol ID: "), b.u8(at + 4));
                hex2(out.append(indent).append("  Flags: ["), b.u8(at + 5)).append("], DestPort ")
                    .append(b.u16(at + 6));
            }
            case 2 -> {
                if (len < 20) return tooShort(out, indent);
                b.ip6(out.append(indent).append("  IPv6 DestAddress: "), at);
                hex2(out.append(", Protocol ID: "), b.u8(at + 16));
                hex2(out.append(indent).append("  Flags: ["), b.u8(at + 17)).append("], DestPort ")
                    .append(b.u16(at + 18));
            }
            case 8 -> {
                if (len < 36) return tooShort(out, indent);
                b.ip6(out.append(indent).append("  IPv6 Tunnel EndPoint: "), at);
                hex4(out.append(", Tunnel ID: "), b.u16(at + 18));
                b.ip6(out.append(", Extended Tunnel ID: "), at + 20);
            }
            case 14 -> {
                if (len < 26) return tooShort(out, indent);
                hex8(out.append(indent).append("  IPv6 P2MP LSP ID: "), b.u32(at));
                hex4(out.append(", Tunnel ID: "), b.u16(at + 6));
                b.ip6(out.append(", Extended Tunnel ID: "), at + 8);
            }
            case 13, 7, 11 -> {
                if (len < 12) return tooShort(out, indent);
                b.ip4(out.append(indent).append(ctype == 13 ? "  IPv4 P2MP LSP ID: " : "  IPv4 Tunnel EndPoint: "), at);
                hex4(out.append(", Tunnel ID: "), b.u16(at + 6));
                b.ip4(out.append(", Extended Tunnel ID: "), at + 8);
            }
            default -> {
                return DUMP;
            }
        }
        return DONE;
    }

    /** A Sender Template. */
    private int sender(int ctype, int at, int len, String indent, StringBuilder out) {
        return switch (ctype) {
            case 1 -> sourceV4(at, len, indent, out);
            case 2 -> sourceV6(at, len, indent, out);
            case 13 -> p2mpSenderV6(at, len, indent, out);
            case 7 -> {
                if (len < 8) yield tooShort(out, indent);
                b.ip4(out.append(indent).append("  IPv4 Tunnel Sender Address: "), at);
                hex4(out.append(", LSP-ID: "), b.u16(at + 6));
                yield DONE;
            }
            case 12 -> p2mpSenderV4(at, len, indent, out);
            default -> DUMP;
        };
    }

    private int filter(int ctype, int at, int len, String indent, StringBuilder out) {
        return switch (ctype) {
            case 1 -> sourceV4(at, len, indent, out);
            case 2 -> sourceV6(at, len, indent, out);
            case 3 -> {
                if (len < 20) yield tooShort(out, indent);
                b.ip6(out.append(indent).append("  Source Address: "), at);
                out.append(", Flow Label: ").append(b.u24(at + 17));
                yield DONE;
            }
            case 8 -> {   // tcpdump reads an IPv4 address here
                if (len < 20) yield tooShort(out, indent);
                b.ip4(out.append(indent).append("  Source Address: "), at);
                hex4(out.append(", LSP-ID: "), b.u16(at + 18));
                yield DONE;
            }
            case 13 -> p2mpSenderV6(at, len, indent, out);
            case 7 -> {
                if (len < 8) yield tooShort(out, indent);
                b.ip4(out.append(indent).append("  Source Address: "), at);
                hex4(out.append(", LSP-ID: "), b.u16(at + 6));
                yield DONE;
            }
            case 12 -> p2mpSenderV4(at, len, indent, out);
            default -> DUMP;
        };
    }

    private int sourceV4(int at, int len, String indent, StringBuilder out) {
        if (len < 8) return tooShort(out, indent);
        b.ip4(out.append(indent).append("  Source Address: "), at);
        out.append(", Source Port: ").append(b.u16(at + 6));
        return DONE;
    }

    private int sourceV6(int at, int len, String indent, StringBuilder out) {
        if (len < 20) return tooShort(out, indent);
        b.ip6(out.append(indent).append("  Source Address: "), at);
        out.append(", Source Port: ").append(b.u16(at + 18));
        return DONE;
    }

    private int p2mpSenderV4(int at, int len, String indent, StringBuilder out) {
        if (len < 16) return tooShort(out, indent);
        b.ip4(out.append(indent).append("  IPv4 Tunnel Sender Address: "), at);
        hex4(out.append(", LSP ID: "), b.u16(at + 6));
        b.ip4(out.append(indent).append("  Sub-Group Originator ID: "), at + 8);
        hex4(out.append(", Sub-Group ID: "), b.u16(at + 12));
        return DONE;
    }

    private int p2mpSenderV6(int at, int len, String indent, StringBuilder out) {
        if (len < 40) return tooShort(out, indent);
        b.ip6(out.append(indent).append("  IPv6 Tunnel Sender Address: "), at);
        hex4(out.append(", LSP ID: "), b.u16(at + 18));
        b.ip6(out.append(indent).append("  Sub-Group Originator ID: "), at + 20);
        hex4(out.append(", Sub-Group ID: "), b.u16(at + 38));
        return DONE;
    }

    private int style(int ctype, int at, int len, String indent, StringBuilder out) {
        if (ctype != 1) return DUMP;
        if (len < 4) return tooShort(out, indent);
        out.append(indent).append("  Reservation Style: ").append(reservationStyle(b.u24(at + 1)));
        hex2(out.append(", Flags: ["), b.u8(at)).append(']');
        return DONE;
    }

    private int hello(int ctype, int at, int len, String indent, StringBuilder out) {
        if (ctype != 1 && ctype != 2) return DUMP;
        if (len < 8) return tooShort(out, indent);
        hex8(out.append(indent).append("  Source Instance: "), b.u32(at));
        hex8(out.append(", Destination Instance: "), b.u32(at + 4));
        return DONE;
    }

    /** RSVP Hop; the TLVs of C-Types 3 and 4 (RFC 3473) are dumped. */
    private int hop(int ctype, int at, int len, String indent, StringBuilder out) {
        switch (ctype) {
            case 1, 3 -> {
                if (len < 8) return tooShort(out, indent);
                b.ip4(out.append(indent).append("  Previous/Next Interface: "), at);
                hex8(out.append(", Logical Interface Handle: "), b.u32(at + 4));
                return len > 8 ? DUMP : DONE;
            }
            case 2, 4 -> {
                if (len < 20) return tooShort(out, indent);
                b.ip6(out.append(indent).append("  Previous/Next Interface: "), at);
                hex8(out.append(", Logical Interface Handle: "), b.u32(at + 16));
                return DUMP;
            }
            default -> {
                return DUMP;
            }
        }
    }

    private int timeValues(int ctype, int at, int len, String indent, StringBuilder out) {
        if (ctype != 1) return DUMP;
        if (len < 4) return tooShort(out, indent);
        out.append(indent).append("  Refresh Period: ").append(b.u32(at)).append("ms");
        return DONE;
    }

    /** Error Spec; tcpdump names DiffServ-TE error values only under IPv4 (C-Types 1 and 3). */
    private int errorSpec(int ctype, int at, int len, String indent, StringBuilder out) {
        boolean v4 = ctype == 1 || ctype == 3;
        if (!v4 && ctype != 2 && ctype != 4) return DUMP;
        int addressLength = v4 ? 4 : 16;
        if (len < addressLength + 4) return tooShort(out, indent);
        int code = b.u8(at + addressLength + 1), value = b.u16(at + addressLength + 2);
        out.append(indent).append("  Error Node Address: ");
        if (v4) b.ip4(out, at);
        else b.ip6(out, at);
        hex2(out.append(", Flags: ["), b.u8(at + addressLength)).append(']');
        out.append(indent).append("  Error Code: ").append(errorCode(code)).append(" (").append(code).append(')');
        switch (code) {
            case ERROR_ROUTING -> errorValue(out, routingError(value), value);
            case ERROR_DIFFSERV_TE, ERROR_DIFFSERV_TE_OLD -> {
                if (v4) errorValue(out, diffServTeError(value), value);
            }
            default -> {
                if (v4) out.append(", Unknown Error Value (").append(value).append(')');
            }
        }
        return DONE;
    }

    private static void errorValue(StringBuilder out, String name, int value) {
        out.append(", Error Value: ").append(name).append(" (").append(value).append(')');
    }

    /** Message ID, Message ID Ack/Nack and Message ID List (RFC 2961). */
    private int messageIds(int ctype, int at, int len, String indent, StringBuilder out) {
        if (ctype != 1 && ctype != 2) return DUMP;
        if (len < 4) return tooShort(out, indent);
        hex2(out.append(indent).append("  Flags ["), b.u8(at)).append("], epoch: ").append(b.u24(at + 1));
        for (int id = at + 4; id + 4 <= at + len; id += 4) {
            long value = b.u32(id);
            hex8(out.append(indent).append("    Message-ID "), value).append(" (").append(value).append(')');
        }
        return DONE;
    }

    /** Integrity (RFC 2747): key, sequence and digest; tcpdump checks the digest only with a secret (-M). */
    private int integrity(int ctype, int at, int len, String indent, StringBuilder out) {
        if (ctype != 1) return DUMP;
        if (len < 32) return tooShort(out, indent);
        hex4(out.append(indent).append("  Key-ID "), b.u16(at + 2));
        Text.hex(out, b.u32(at + 4), 8);
        hex8(out.append(", Sequence "), b.u32(at + 8));
        Text.hex(out, b.u32(at + 12), 8);
        out.append(", Flags [");
        Icmp6Formatter.flagNames(out, b.u8(at), INTEGRITY_BITS, INTEGRITY_FLAGS);
        hex8(out.append(']').append(indent).append("  MD5-sum "), b.u32(at + 16));
        for (int i = 20; i < 32; i += 4) Text.hex(out, b.u32(at + i), 8);
        out.append("  (unchecked)");
        return DONE;
    }
}
