package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * DNS (RFC 1035; EDNS0 of RFC 6891; mDNS of RFC 6762) as tcpdump 4.99 prints it on UDP and TCP port 53 and UDP port
 * 5353 (print-domain.c): {@code 9439 1/0/0 AAAA fd00::1 (67)} for a response, {@code 43153+ A? example.net. (39)}
 * for a query; -v adds owner names and SOA/TSIG details, -vv the question of a response and the authority and
 * additional sections, -vvv TTLs. Names follow compression pointers only backwards, as tcpdump (and BIND) do.
 *
 * <p>Positions are packet offsets; {@code end} is tcpdump's snapshot end (the capture clipped to the IP length).
 * Where tcpdump checks a length before reading, a short capture ends the line with " [|domain]"; where its fetch
 * macros jump out instead, the same marker is printed and {@link EarlyEnd} is marked (the raw dump then starts
 * at the first byte, as tcpdump's does).
 */
final class DnsFormatter {
    private static final int HEADER = 12;
    private static final int T_A = 1, T_NS = 2, T_CNAME = 5, T_SOA = 6, T_PTR = 12, T_MX = 15, T_TXT = 16,
            T_AAAA = 28, T_SRV = 33, T_A6 = 38, T_DNAME = 39, T_OPT = 41, T_UNSPECA = 104, T_TSIG = 250, T_URI = 256;
    private static final int C_IN = 1, MDNS_BIT = 0x8000, IQUERY = 1;
    private static final int E_ECS = 8, E_EXPIRE = 9, E_COOKIE = 10, E_KEEPALIVE = 11, E_PADDING = 12, E_CHAIN = 13,
            E_KEYTAG = 14, E_DAU = 5, E_DHU = 6, E_N3U = 7;
    private static final String[] OPCODES = {"", " inv_q", " stat", " op3", " notify", " update", " op6", " op7",
        " op8", " updateA", " updateD", " updateDA", " updateM", " updateMA", " zoneInit", " zoneRef"};
    /** tcpdump's table, two entries without their leading space included. */
    private static final String[] RCODES = {"", " FormErr", " ServFail", " NXDomain", " NotImp", " Refused",
        " YXDomain", " YXRRSet", " NXRRSet", " NotAuth", " NotZone", " Resp11", " Resp12", " Resp13", " Resp14",
        " NoChange", " BadVers", "Resp17", " Resp18", " Resp19", " Resp20", "Resp21", " Resp22", " BadCookie"};
    private static final String[] TYPES = new String[257];
    private static final String[] EDNS_OPTIONS = {null, "LLQ", "UL", "NSID", null, "DAU", "DHU", "N3U", "ECS",
        "EXPIRE", "COOKIE", "KEEPALIVE", "PADDING", "CHAIN", "KEY-TAG", null, "CLIENT-TAG", "SERVER-TAG"};
    private static final String[] DAU = new String[255];
    private static final String[] DHU = {null, "SHA-1", "SHA-256", "GOST_R_34.11-94", "SHA-384"};
    private static final String[] N3U = {null, "SHA-1"};

    static {
        String[] names = {"A", "NS", "MD", "MF", "CNAME", "SOA", "MB", "MG", "MR", "NULL", "WKS", "PTR", "HINFO",
            "MINFO", "MX", "TXT", "RP", "AFSDB", "X25", "ISDN", "RT", "NSAP", "NSAP_PTR", "SIG", "KEY", "PX", "GPOS",
            "AAAA", "LOC", "NXT", "EID", "NIMLOC", "SRV", "ATMA", "NAPTR", "KX", "CERT", "A6", "DNAME", "SINK", "OPT",
            "APL", "DS", "SSHFP", "IPSECKEY", "RRSIG", "NSEC", "DNSKEY"};
        System.arraycopy(names, 0, TYPES, 1, names.length);
        String[] more = {"SPF", "UINFO", "UID", "GID", "UNSPEC", "UNSPECA"};
        System.arraycopy(more, 0, TYPES, 99, more.length);
        String[] meta = {"TKEY", "TSIG", "IXFR", "AXFR", "MAILB", "MAILA", "ANY", "URI"};
        System.arraycopy(meta, 0, TYPES, 249, meta.length);
        String[] algorithms = {"DELETE", "RSAMD5", "DH", "DS", null, "RSASHA1", "DSA-NSEC3-SHA1", "RSASHA1-NSEC3-SHA1",
            "RSASHA256", null, "RSASHA512", null, "ECC-GOST", "ECDSAP256SHA256", "ECDSAP384SHA384", "ED25519", "ED448"};
        System.arraycopy(algorithms, 0, DAU, 0, algorithms.length);
        DAU[252] = "INDIRECT";
        DAU[253] = "PRIVATEDNS";
        DAU[254] = "PRIVATEOID";
    }


    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();
    private final DomainNames names = new DomainNames(bytes);
    /** An address rebuilt from part of a record (A6 suffix, client subnet), for the address printers. */
    private final byte[] scratch = new byte[16];
    private final Packet scratchPacket = new Packet();

    DnsFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** tcpdump's {@code domain_print}: the message of {@code length} bytes at {@code off}. */
    void format(Packet packet, int off, int length, int end, boolean overTcp, boolean mdns, StringBuilder out) {
        try (var _ = bytes.reading(packet, end)) {
            message(off, length, overTcp, mdns, out);
        } catch (SnapshotBytes.Jump j) {
            out.append(" [|domain]");
            earlyEnd.mark();
        }
    }

    /** {@code length} is unsigned, as tcpdump's u_int: an IPv6 jumbogram's UDP or TCP payload can pass 2^31. */
    private void message(int bp, int length, boolean overTcp, boolean mdns, StringBuilder out) {
        if (overTcp) {
            if (Integer.compareUnsigned(length, 2) < 0) {
                out.append(" [DNS over TCP: length ").append(length).append(" < 2] (invalid)");
                return;
            }
            length -= 2;
            int prefix = bytes.u16(bp);
            if (prefix != length) {
                out.append(" [prefix length(").append(prefix).append(") != length(")
                    .append(Integer.toUnsignedLong(length)).append(")] (invalid)");
                return;
            }
            bp += 2;
            out.append(' ');
        }
        int np = bp;
        if (Integer.compareUnsigned(length, HEADER) < 0) {
            out.append("domain [length ").append(length).append(" < ").append(HEADER).append("] (invalid)");
            return;
        }
        if (np + HEADER > bytes.end()) {
            trunc(out);
            return;
        }
        int flags = bytes.u16(np + 2);
        int qd = bytes.u16(np + 4), an = bytes.u16(np + 6), ns = bytes.u16(np + 8), ar = bytes.u16(np + 10);
        int rcode = extendedRcode(np, flags, qd, an, ns, ar);
        boolean vv = verbosity.veryVerbose();
        int cp = np + HEADER;
        int opcode = (flags >>> 11) & 0xf;
        out.append(bytes.u16(np)).append(OPCODES[opcode]);
        if ((flags & 0x8000) != 0) {
            if (rcode < RCODES.length) out.append(RCODES[rcode]);
            else out.append(" Resp").append(rcode & 0xfff);
            if ((flags & 0x0400) != 0) out.append('*');
            if ((flags & 0x0080) == 0) out.append('-');
            if ((flags & 0x0200) != 0) out.append('|');
            if ((flags & 0x0020) != 0) out.append('$');
            if (qd != 1) out.append(" [").append(qd).append("q]");
            for (int i = 0; i < qd; i++) {
                if (i != 0) out.append(',');
                if (vv) {
                    out.append(" q:");
                    cp = question(cp, np, mdns, out);
                } else {
                    cp = skipName(cp);
                    if (cp >= 0) cp += 4;
                }
                if (cp < 0) {
                    trunc(out);
                    return;
                }
            }
            out.append(' ').append(an).append('/').append(ns).append('/').append(ar);
            cp = records(cp, np, an, "", true, mdns, out);
            if (cp >= 0 && vv) cp = records(cp, np, ns, " ns:", false, mdns, out);
            if (cp >= 0 && vv) cp = records(cp, np, ar, " ar:", false, mdns, out);
            if (cp < 0) return;
        } else {
            if ((flags & 0x0100) != 0) out.append('+');
            if ((flags & 0x0010) != 0) out.append('%');
            if ((flags & 0x6cf) != 0) {
                out.append(" [b2&3=0x");
                Text.hex(out, flags);
                out.append(']');
            }
            if (opcode == IQUERY) {
                if (qd != 0) out.append(" [").append(qd).append("q]");
                if (an != 1) out.append(" [").append(an).append("a]");
            } else {
                if (an != 0) out.append(" [").append(an).append("a]");
                if (qd != 1) out.append(" [").append(qd).append("q]");
            }
            if (ns != 0) out.append(" [").append(ns).append("n]");
            if (ar != 0) out.append(" [").append(ar).append("au]");
            int left = qd;
            if (left > 0) {
                cp = question(cp, np, mdns, out);
                left--;
                while (cp >= 0 && cp < bytes.end() && left > 0) {
                    cp = question(cp, np, mdns, out);
                    left--;
                }
            }
            if (cp < 0 || left > 0) {
                trunc(out);
                return;
            }
            if (vv) {
                cp = records(cp, np, an, "", true, mdns, out);
                if (cp >= 0) cp = records(cp, np, ns, " ns:", false, mdns, out);
                if (cp >= 0) cp = records(cp, np, ar, " ar:", false, mdns, out);
                if (cp < 0) return;
            }
        }
        out.append(" (").append(Integer.toUnsignedLong(length)).append(')');
    }

    /**
     * One section's records, "," between them; -1 after printing the truncation marker. The answers of a response
     * (and every section of a query at -vv) start without checking for captured bytes first, as tcpdump's do.
     */
    private int records(int cp, int bp, int count, String label, boolean always, boolean mdns, StringBuilder out) {
        if (count > 0 && (always || cp < bytes.end())) {
            out.append(label);
            cp = record(cp, bp, mdns, out);
            if (cp < 0) {
                trunc(out);
                return -1;
            }
            count--;
            while (cp < bytes.end() && count > 0) {
                out.append(',');
                cp = record(cp, bp, mdns, out);
                if (cp < 0) {
                    trunc(out);
                    return -1;
                }
                count--;
            }
        }
        if (count > 0) {
            trunc(out);
            return -1;
        }
        return cp;
    }

    /** The response code with EDNS0's upper bits from an OPT record, found by skipping every section as tcpdump does. */
    private int extendedRcode(int np, int flags, int qd, int an, int ns, int ar) {
        int rcode = flags & 0xf;
        int cp = np + HEADER;
        for (int i = 0; i < qd; i++) {
            if ((cp = skipName(cp)) < 0) return rcode;
            cp += 4;
            if (cp >= bytes.end()) return rcode;
        }
        for (long i = 0; i < (long) an + ns; i++) {
            if ((cp = skipName(cp)) < 0) return rcode;
            cp += 8;
            if (cp + 2 > bytes.end()) return rcode;
            cp += 2 + bytes.u16(cp);
            if (cp >= bytes.end()) return rcode;
        }
        for (int i = 0; i < ar; i++) {
            if ((cp = skipName(cp)) < 0) return rcode;
            if (cp + 2 > bytes.end()) return rcode;
            int type = bytes.u16(cp);
            cp += 4;
            if (cp + 1 > bytes.end()) return rcode;
            if (type == T_OPT) return rcode | bytes.u8(cp) << 4;
            cp += 4;
            if (cp + 2 > bytes.end()) return rcode;
            cp += 2 + bytes.u16(cp);
            if (cp >= bytes.end()) return rcode;
        }
        return rcode;
    }

    /** tcpdump's {@code ns_nskip}: past the name at {@code cp}, -1 when it cannot be walked. */
    private int skipName(int cp) {
        if (cp >= bytes.end()) return -1;
        int i = bytes.u8(cp++);
        while (i != 0) {
            switch (i & 0xc0) {
                case 0xc0 -> {
                    return cp + 1;
                }
                case 0x40 -> {
                    if ((i & 0x3f) != 1 || cp >= bytes.end()) return -1;
                    int bitlen = bytes.u8(cp++);
                    if (bitlen == 0) bitlen = 256;
                    cp += (bitlen + 7) / 8;
                }
                case 0x80 -> {
                    return -1;
                }
                default -> cp += i;
            }
            if (cp >= bytes.end()) return -1;
            i = bytes.u8(cp++);
        }
        return cp;
    }

    /** tcpdump's {@code ns_qprint}: " TYPE[ CLASS][ (QU)]? name." and the position after the question. */
    private int question(int cp, int bp, boolean mdns, StringBuilder out) {
        int name = cp;
        cp = skipName(cp);
        if (cp < 0 || cp + 4 > bytes.end()) return -1;
        int type = bytes.u16(cp);
        typeName(out.append(' '), type);
        int klass = bytes.u16(cp + 2);
        int c = mdns ? klass & ~MDNS_BIT : klass;
        if (c != C_IN) className(out.append(' '), c);
        if (mdns) out.append((klass & MDNS_BIT) != 0 ? " (QU)" : " (QM)");
        out.append("? ");
        int after = names.fqdn(name, bp, out);
        return after < 0 ? -1 : after + 4;
    }

    /**
     * tcpdump's {@code ns_rprint}: a resource record; its end (tcpdump returns the RDATA end whatever it printed),
     * the snapshot end when the fixed fields are not captured, -1 when printing it fell short.
     */
    private int record(int cp, int bp, boolean mdns, StringBuilder out) {
        Packet p = bytes.packet();
        if (verbosity.verbose()) {
            out.append(' ');
            cp = names.fqdn(cp, bp, out);
            if (cp < 0) return -1;
        } else {
            cp = skipName(cp);
        }
        if (cp < 0 || cp + 10 > bytes.end()) return bytes.end();
        int type = bytes.u16(cp);
        int klass = bytes.u16(cp + 2);
        int c = mdns ? klass & ~MDNS_BIT : klass;
        if (c != C_IN && type != T_OPT) className(out.append(' '), c);
        if (mdns && (klass & MDNS_BIT) != 0) out.append(" (Cache flush)");
        int optFlags = 0;
        if (type == T_OPT) {
            optFlags = bytes.u16(cp + 6);
        } else if (verbosity.mostVerbose()) {
            out.append(" [");
            Text.relativeTime(out, p.u32(cp + 4));
            out.append(']');
        }
        int len = bytes.u16(cp + 8);
        cp += 10;
        int rp = cp + len;
        typeName(out.append(' '), type);
        if (rp > bytes.end()) return -1;
        switch (type) {
            case T_A -> {
                if (cp + 4 > bytes.end()) return -1;
                Text.ipv4(out.append(' '), p, cp);
            }
            case T_NS, T_CNAME, T_PTR, T_DNAME -> {
                if (names.fqdn(cp, bp, out.append(' ')) < 0) return -1;
            }
            case T_SOA -> {
                if (!verbosity.verbose()) break;
                if ((cp = names.fqdn(cp, bp, out.append(' '))) < 0) return -1;
                if ((cp = names.fqdn(cp, bp, out.append(' '))) < 0) return -1;
                if (cp + 20 > bytes.end()) return -1;
                for (int i = 0; i < 5; i++) Text.u32(out.append(' '), p.u32(cp + 4 * i));
            }
            case T_MX -> {
                out.append(' ');
                if (cp + 2 > bytes.end() || names.fqdn(cp + 2, bp, out) < 0) return -1;
                out.append(' ').append(bytes.u16(cp));
            }
            case T_TXT -> {
                while (cp < rp) {
                    out.append(" \"");
                    if (cp >= bytes.end()) return -1;
                    int n = bytes.u8(cp);
                    if (names.printn(cp + 1, n, out)) return -1;
                    cp += 1 + n;
                    out.append('"');
                }
            }
            case T_SRV -> {
                out.append(' ');
                if (cp + 6 > bytes.end() || names.fqdn(cp + 6, bp, out) < 0) return -1;
                out.append(':').append(bytes.u16(cp + 4)).append(' ').append(bytes.u16(cp)).append(' ').append(bytes.u16(cp + 2));
            }
            case T_AAAA -> {
                if (cp + 16 > bytes.end()) return -1;
                Text.ipv6(out.append(' '), p, cp);
            }
            case T_A6 -> {
                if (!a6(cp, bp, out)) return -1;
            }
            case T_URI -> {
                if (cp + len > bytes.end()) return -1;
                int priority = bytes.u16(cp), weight = bytes.u16(cp + 2);   // both fetched before either is printed
                out.append(' ').append(priority).append(' ').append(weight).append(' ');
                if (names.printn(cp + 4, (len - 4) & 0xffffffffL, out)) return -1;
            }
            case T_OPT -> {
                out.append(" UDPsize=").append(c);
                if ((optFlags & 0x8000) != 0) out.append(" DO");
                if (cp < rp) {
                    out.append(" [");
                    while (cp < rp) {
                        cp = ednsOption(cp, out);
                        if (cp < 0) return -1;
                        if (cp < rp) out.append(',');
                    }
                    out.append(']');
                }
            }
            case T_UNSPECA -> {
                if (cp + len > bytes.end() || names.printn(cp, len, out)) return -1;
            }
            case T_TSIG -> {
                if (!verbosity.verbose()) break;
                if ((cp = names.fqdn(cp, bp, out.append(' '))) < 0) return -1;
                cp += 6;
                if (cp + 2 > bytes.end()) return -1;
                out.append(" fudge=").append(bytes.u16(cp));
                cp += 2;
                if (cp + 2 > bytes.end()) return -1;
                out.append(" maclen=").append(bytes.u16(cp));
                cp += 2 + bytes.u16(cp);
                if (cp + 2 > bytes.end()) return -1;
                out.append(" origid=").append(bytes.u16(cp));
                cp += 2;
                if (cp + 2 > bytes.end()) return -1;
                out.append(" error=").append(bytes.u16(cp));
                cp += 2;
                if (cp + 2 > bytes.end()) return -1;
                out.append(" otherlen=").append(bytes.u16(cp));
            }
            default -> { }
        }
        return rp;
    }

    /** RFC 2874 A6: prefix length, the address suffix (bytes past the prefix), the prefix name. */
    private boolean a6(int cp, int bp, StringBuilder out) {
        if (cp >= bytes.end()) return false;
        int pbit = bytes.u8(cp);
        int pbyte = (pbit & ~7) / 8;
        if (pbit > 128) {
            out.append(' ').append(pbit).append("(bad plen)");
            return true;
        }
        if (pbit < 128) {
            java.util.Arrays.fill(scratch, (byte) 0);
            for (int i = pbyte; i < 16; i++) scratch[i] = (byte) bytes.u8(cp + 1 + i - pbyte);
            out.append(' ').append(pbit).append(' ');
            Text.ipv6(out, scratchPacket.set(scratch, 0, 16, 16, 0, 0, 0, 0), 0);
        }
        if (pbit > 0) {
            out.append(' ');
            return names.fqdn(cp + 1 + 16 - pbyte, bp, out) >= 0;
        }
        return true;
    }

    /** tcpdump's {@code eopt_print}: "NAME[ data]" of one EDNS0 option; the position after it, -1 when cut. */
    private int ednsOption(int cp, StringBuilder out) {
        if (cp + 2 > bytes.end()) return -1;
        int opt = bytes.u16(cp);
        cp += 2;
        String name = opt < EDNS_OPTIONS.length ? EDNS_OPTIONS[opt] : null;
        if (name != null) out.append(name);
        else out.append("Opt").append(opt);
        if (cp + 2 > bytes.end()) return -1;
        int len = bytes.u16(cp);
        cp += 2;
        if (cp + len > bytes.end()) return -1;
        if (len == 0) return cp;
        out.append(' ');
        switch (opt) {
            case E_ECS -> clientSubnet(cp, len, out);
            case E_COOKIE -> {
                if (len < 8 || (len > 8 && len < 16) || len > 40) {
                    invalid(out);
                } else {
                    for (int i = 0; i < len; i++) {
                        if (i == 8) out.append(' ');
                        Text.hex(out, bytes.u8(cp + i), 2);
                    }
                }
            }
            case E_KEEPALIVE -> {
                if (len != 2) {
                    invalid(out);
                } else {
                    int tenths = bytes.u16(cp);
                    out.append(tenths / 10).append('.').append(tenths % 10).append(" sec");
                }
            }
            case E_EXPIRE -> {
                if (len != 4) {
                    invalid(out);
                } else {
                    Text.u32(out, bytes.packet().u32(cp));
                    out.append(" sec");
                }
            }
            case E_PADDING -> out.append('(').append(len).append(')');
            case E_KEYTAG -> {
                if (len % 2 != 0) {
                    invalid(out);
                } else {
                    for (int i = 0; i < len; i += 2) {
                        if (i > 0) out.append(' ');
                        out.append(bytes.u16(cp + i));
                    }
                }
            }
            case E_DAU, E_DHU, E_N3U -> {
                for (int i = 0; i < len; i++) {
                    if (i > 0) out.append(' ');
                    int alg = bytes.u8(cp + i);
                    String[] names = opt == E_DAU ? DAU : opt == E_DHU ? DHU : N3U;
                    String n = alg < names.length ? names[alg] : null;
                    if (n != null) out.append(n);
                    else out.append("Alg_").append(alg);
                }
            }
            case E_CHAIN -> names.fqdn(cp, cp + len, out);
            default -> {
                for (int i = 0; i < len; i++) Text.hex(out, bytes.u8(cp + i), 2);
            }
        }
        return cp + len;
    }

    /** RFC 7871 client subnet: "address/source/scope", the address padded with zeros. */
    private void clientSubnet(int cp, int len, StringBuilder out) {
        if (len < 4) {
            invalid(out);
            return;
        }
        int family = bytes.u16(cp);
        int source = bytes.u8(cp + 2), scope = bytes.u8(cp + 3);
        int bits = family == 1 ? 32 : family == 2 ? 128 : 0;
        if (bits == 0 || len - 4 > bits / 8 || source > bits || scope > bits || (source + 7) / 8 != len - 4) {
            invalid(out);
            return;
        }
        java.util.Arrays.fill(scratch, (byte) 0);
        for (int i = 0; i < len - 4; i++) scratch[i] = (byte) bytes.u8(cp + 4 + i);
        Packet address = scratchPacket.set(scratch, 0, 16, 16, 0, 0, 0, 0);
        if (bits == 32) Text.ipv4(out, address, 0);
        else Text.ipv6(out, address, 0);
        out.append('/').append(source).append('/').append(scope);
    }

    /** tcpdump's ns_type2str name of a resource record type, "Type%u" for others. */
    static void typeName(StringBuilder out, int type) {
        String name = type < TYPES.length ? TYPES[type] : null;
        if (name != null) out.append(name);
        else out.append("Type").append(type);
    }

    private static void className(StringBuilder out, int c) {
        switch (c) {
            case 1 -> out.append("IN");
            case 3 -> out.append("CHAOS");
            case 4 -> out.append("HS");
            case 255 -> out.append("ANY");
            default -> out.append("(Class ").append(c).append(')');
        }
    }

    private static void invalid(StringBuilder out) {
        out.append(" (invalid)");
    }

    private static void trunc(StringBuilder out) {
        out.append(" [|domain]");
    }



}
