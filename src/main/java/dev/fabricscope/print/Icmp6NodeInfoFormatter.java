package dev.fabricscope.print;

/**
 * ICMPv6 node information queries and replies (RFC 4620, with the KAME who-are-you and draft-03 forms tcpdump still
 * recognizes) as print-icmp6.c prints them: " node information query (DNS name, subject=...)",
 * " node information reply (success, node addresses a(ttl)...)". tcpdump judges them by how much was captured, not
 * by the ICMPv6 length, so a cut message can read differently rather than end in a marker.
 */
final class Icmp6NodeInfoFormatter {
    private static final int QUERY = 139;
    private static final int HEADER = 8, NODE_INFO = 16;
    private static final int QTYPE_NOOP = 0, QTYPE_SUPTYPES = 1, QTYPE_DNSNAME = 2, QTYPE_NODEADDR = 3;
    private static final int SUBJECT_IPV6 = 0, SUBJECT_FQDN = 1, SUBJECT_IPV4 = 2;
    private static final int SUCCESS = 0, REFUSED = 1, UNKNOWN = 2;

    private final Verbosity verbosity;
    private final Icmp6Bytes bytes;
    private final Icmp6Names names;

    Icmp6NodeInfoFormatter(Verbosity verbosity, Icmp6Bytes bytes) {
        this.verbosity = verbosity;
        this.bytes = bytes;
        this.names = new Icmp6Names(bytes);
    }

    void format(int bp, int length, StringBuilder out) {
        int ep = bytes.end();
        if (ep < bp) return;
        int captured = ep - bp;
        if (bytes.u8(bp) == QUERY) query(bp, ep, captured, out);
        else reply(bp, ep, length, captured, out);
    }

    private void query(int bp, int ep, int captured, StringBuilder out) {
        if (captured == HEADER + 4) {
            out.append(" who-are-you request");
            return;
        }
        out.append(" node information query");
        if (!bytes.has(bp, NODE_INFO)) {
            Icmp6Formatter.trunc(out);
            return;
        }
        out.append(" (");
        int qtype = bytes.u16(bp + 4);
        switch (qtype) {
            case QTYPE_NOOP -> out.append("noop");
            case QTYPE_SUPTYPES -> {
                out.append("supported qtypes");
                supportedFlags(bp, out);
            }
            case QTYPE_DNSNAME -> out.append("DNS name");
            case QTYPE_NODEADDR -> {
                out.append("node addresses");
                nodeAddressFlags(bytes.u16(bp + 6), false, out);
            }
            default -> out.append("unknown");
        }
        if (qtype == QTYPE_NOOP || qtype == QTYPE_SUPTYPES) {
            if (captured != NODE_INFO && verbosity.verbose()) out.append(", invalid len");
            out.append(')');
            return;
        }
        if (captured == NODE_INFO) {
            out.append(", 03 draft)");
            return;
        }
        int cp = bp + NODE_INFO;
        switch (bytes.u8(bp + 1)) {
            case SUBJECT_IPV6 -> subjectAddress(bp, captured, 16, out);
            case SUBJECT_FQDN -> {
                out.append(", subject=DNS name");
                name(cp, ep, out);
            }
            case SUBJECT_IPV4 -> subjectAddress(bp, captured, 4, out);
            default -> out.append(", unknown subject");
        }
        out.append(')');
    }

    private void subjectAddress(int bp, int captured, int size, StringBuilder out) {
        if (!bytes.has(bp, NODE_INFO + size)) return;
        if (captured != NODE_INFO + size) {
            if (verbosity.verbose()) out.append(", invalid subject len");
            return;
        }
        if (size == 16) bytes.ip6(out, ", subject=", bp + NODE_INFO);
        else bytes.ip4(out, ", subject=", bp + NODE_INFO);
    }

    /** A name to the end of the capture: a length-prefixed draft-03 string when its length says so, else labels. */
    private void name(int cp, int ep, StringBuilder out) {
        if (bytes.u8(cp) == ep - cp - 1) {
            if (verbosity.verbose()) out.append(", 03 draft");
            names.pascalString(cp + 1, ep, out);
        } else {
            names.nodeInfoName(cp, ep, out);
        }
    }

    private void reply(int bp, int ep, int length, int captured, StringBuilder out) {
        if (Integer.compareUnsigned(length, captured) > 0) {   // tcpdump's u_int icmp6len
            Icmp6Formatter.trunc(out);
            return;
        }
        if (!bytes.has(bp, NODE_INFO)) {
            Icmp6Formatter.trunc(out);
            return;
        }
        out.append(" node information reply (");
        boolean comma = false;
        int code = bytes.u8(bp + 1);
        switch (code) {
            case SUCCESS -> {
                if (verbosity.verbose()) {
                    out.append("success");
                    comma = true;
                }
            }
            case REFUSED, UNKNOWN -> {
                out.append(code == REFUSED ? "refused" : "unknown");
                comma = true;
                if (captured != NODE_INFO && verbosity.verbose()) out.append(", invalid length");
            }
            default -> { }
        }
        if (code != SUCCESS) {
            out.append(')');
            return;
        }
        if (comma) out.append(", ");
        switch (bytes.u16(bp + 4)) {
            case QTYPE_NOOP -> {
                out.append("noop");
                if (captured != NODE_INFO && verbosity.verbose()) out.append(", invalid length");
            }
            case QTYPE_SUPTYPES -> {
                out.append("supported qtypes");
                supportedFlags(bp, out);
            }
            case QTYPE_DNSNAME -> {
                out.append("DNS name");
                name(bp + NODE_INFO + 4, ep, out);
                if ((bytes.u16(bp + 6) & 0x01) != 0) {
                    long ttl = bytes.u32(bp + NODE_INFO);
                    out.append(" [TTL=").append(ttl).append(']');
                }
            }
            case QTYPE_NODEADDR -> {
                out.append("node addresses");
                for (int i = NODE_INFO; i < captured && i + 20 <= captured; i += 20) {
                    long ttl = bytes.u32(bp + i);
                    bytes.ip6(out, " ", bp + i + 4);
                    out.append('(').append(ttl).append(')');
                }
                nodeAddressFlags(bytes.u16(bp + 6), true, out);
            }
            default -> out.append("unknown");
        }
        out.append(')');
    }

    private void supportedFlags(int bp, StringBuilder out) {
        int flags = bytes.u16(bp + 6);
        if (flags != 0) out.append(" [").append((flags & 0x01) != 0 ? "C" : "").append(']');
    }

    /** " [aGSLCA]" (and T in a reply) for the set flags; nothing when none is set. */
    private static void nodeAddressFlags(int flags, boolean reply, StringBuilder out) {
        if (flags == 0) return;
        out.append(" [");
        if ((flags & 0x0040) != 0) out.append('a');
        if ((flags & 0x0020) != 0) out.append('G');
        if ((flags & 0x0010) != 0) out.append('S');
        if ((flags & 0x0008) != 0) out.append('L');
        if ((flags & 0x0004) != 0) out.append('C');
        if ((flags & 0x0002) != 0) out.append('A');
        if (reply && (flags & 0x0001) != 0) out.append('T');
        out.append(']');
    }
}
