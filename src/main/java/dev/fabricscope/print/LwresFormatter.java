package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * BIND 9's lightweight resolver protocol (UDP 921) as tcpdump 4.99 prints it (print-lwres.c): {@code  lwres
 * getaddrsbyname? IPv4/6 www.example.com} for a query, {@code  lwres getaddrsbyname 1/2 www.example.com alias
 * 192.0.2.1 2001:db8::1} for a response (aliases/addresses counted, then the name, aliases and addresses); get name by
 * address and get rdata by name likewise (rdata and signatures in hex). With -v the version, -vv the serial, result and
 * receive length, -vvv the auth type and length and each request's flags. A length field other than the datagram's is
 * noted ("[len: N != M]"), bytes left after what was decoded as "[extra]". tcpdump's checks jump here: a cut message
 * ends with " [|lwres]"; an address shorter than its family's is " (invalid)".
 */
final class LwresFormatter {
    private static final int HEADER = 28, RESPONSE = 0x0001;
    private static final long NOOP = 0, GET_ADDRS_BY_NAME = 0x00010001L, GET_NAME_BY_ADDR = 0x00010002L,
        GET_RDATA_BY_NAME = 0x00010003L;
    private static final int ADDRTYPE_V4 = 1, ADDRTYPE_V6 = 2;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    LwresFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** The message at {@code off}, {@code length} bytes of UDP payload; {@code end} is the snapshot end. */
    void format(Packet packet, int off, int length, int end, StringBuilder out) {
        try (var _ = bytes.reading(packet, end)) {
            if (!message(off, length & 0xffffffffL, out)) out.append(" (invalid)");
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "lwres");
        }
    }

    /** False where tcpdump goes to its "invalid" label. */
    private boolean message(int bp, long length, StringBuilder out) {
        bytes.need(bp, HEADER);
        out.append(" lwres");
        int version = bytes.u16(bp + 4);
        if (verbosity.verbose() || version != 0) out.append(" v").append(version);
        if (version != 0) {
            tail(bp, length, -1, out);   // tcpdump's end pointer is the length's: never "[extra]"
            return true;
        }
        int flags = bytes.u16(bp + 6);
        boolean response = (flags & RESPONSE) != 0;
        long opcode = bytes.u32(bp + 12);
        out.append(' ');
        if (opcode == NOOP) out.append("noop");
        else if (opcode == GET_ADDRS_BY_NAME) out.append("getaddrsbyname");
        else if (opcode == GET_NAME_BY_ADDR) out.append("getnamebyaddr");
        else if (opcode == GET_RDATA_BY_NAME) out.append("getrdatabyname");
        else Text.hex(out.append("#0x"), opcode);
        if (!response) out.append('?');
        if ((flags & ~RESPONSE) != 0) {
            Text.hex(out.append("[0x"), flags);
            out.append(']');
        }
        if (verbosity.veryVerbose()) {
            Text.hex(out.append(" (serial:0x"), bytes.u32(bp + 8));
            Text.hex(out.append(" result:0x"), bytes.u32(bp + 16));
            out.append(" recvlen:").append(bytes.u32(bp + 20));
            if (verbosity.mostVerbose()) {
                Text.hex(out.append(" authtype:0x"), bytes.u16(bp + 24));
                out.append(" authlen:").append(bytes.u16(bp + 26));
            }
            out.append(')');
        }
        int p = bp + HEADER;
        long s;
        if (opcode == NOOP) {
            s = p;
        } else if (opcode == GET_ADDRS_BY_NAME) {
            s = response ? addrsByNameResponse(p, out) : addrsByNameRequest(p, out);
        } else if (opcode == GET_NAME_BY_ADDR) {
            s = response ? nameByAddrResponse(p, out) : nameByAddrRequest(p, out);
        } else if (opcode == GET_RDATA_BY_NAME) {
            s = response ? rdataByNameResponse(p, out) : rdataByNameRequest(p, out);
        } else {
            s = -1;   // unsupported: no "[extra]"
        }
        if (s == Long.MIN_VALUE) return false;
        tail(bp, length, s < 0 ? -1 : s - bp, out);
        return true;
    }

    /** The length check, and "[extra]" where {@code decoded} (-1: not known) falls short of the length field. */
    private void tail(int bp, long length, long decoded, StringBuilder out) {
        long declared = bytes.u32(bp);
        if (declared != length) out.append(" [len: ").append(declared).append(" != ").append(length).append(']');
        if (decoded >= 0 && (decoded & 0xffffffffL) < declared) out.append("[extra]");
    }

    private void flags(int p, StringBuilder out) {
        if (verbosity.mostVerbose()) Text.hex(out.append(" flags:0x"), bytes.u32(p));
    }

    private long addrsByNameRequest(int p, StringBuilder out) {
        bytes.need(p + 8, 2);
        flags(p, out);
        long types = bytes.u32(p + 4);
        switch ((int) (types & (ADDRTYPE_V4 | ADDRTYPE_V6))) {
            case ADDRTYPE_V4 -> out.append(" IPv4");
            case ADDRTYPE_V6 -> out.append(" IPv6");
            case ADDRTYPE_V4 | ADDRTYPE_V6 -> out.append(" IPv4/6");
            default -> { }
        }
        if ((types & ~(long) (ADDRTYPE_V4 | ADDRTYPE_V6)) != 0) {
            Text.hex(out.append("[0x"), types);
            out.append(']');
        }
        long s = p + 10;
        return s + name(bytes.u16(p + 8), s, out);
    }

    private long addrsByNameResponse(int p, StringBuilder out) {
        bytes.need(p + 8, 2);
        flags(p, out);
        int aliases = bytes.u16(p + 4), addresses = bytes.u16(p + 6);
        out.append(' ').append(aliases).append('/').append(addresses);
        long s = p + 10;
        s += name(bytes.u16(p + 8), s, out);
        for (int i = 0; i < aliases; i++) s += countedName(s, out);
        for (int i = 0; i < addresses; i++) {
            int advance = address(s, out);
            if (advance < 0) return Long.MIN_VALUE;
            s += advance;
        }
        return s;
    }

    private long nameByAddrRequest(int p, StringBuilder out) {
        bytes.need(p, 4);
        flags(p, out);
        long s = p + 4;
        int advance = address(s, out);
        return advance < 0 ? Long.MIN_VALUE : s + advance;
    }

    private long nameByAddrResponse(int p, StringBuilder out) {
        bytes.need(p + 6, 2);
        flags(p, out);
        int aliases = bytes.u16(p + 4);
        out.append(' ').append(aliases);
        long s = p + 8;
        s += name(bytes.u16(p + 6), s, out);
        for (int i = 0; i < aliases; i++) s += countedName(s, out);
        return s;
    }

    private long rdataByNameRequest(int p, StringBuilder out) {
        bytes.need(p + 8, 2);
        flags(p, out);
        typeAndClass(p, out);
        long s = p + 10;
        return s + name(bytes.u16(p + 8), s, out);
    }

    private long rdataByNameResponse(int p, StringBuilder out) {
        bytes.need(p + 14, 2);
        flags(p, out);
        typeAndClass(p, out);
        out.append(" TTL ");
        Text.relativeTime(out, bytes.u32(p + 8));
        int rdatas = bytes.u16(p + 12), signatures = bytes.u16(p + 14);
        out.append(' ').append(rdatas).append('/').append(signatures);
        long s = p + 16;
        s += countedName(s, out);
        for (int i = 0; i < rdatas; i++) s += counted(s, out);
        for (int i = 0; i < signatures; i++) s += counted(s, out);
        return s;
    }

    /** The rdata type as the DNS printer names it, and the class when not IN (tcpdump's "Class%u" for others). */
    private void typeAndClass(int p, StringBuilder out) {
        DnsFormatter.typeName(out.append(' '), bytes.u16(p + 6));
        int rdClass = bytes.u16(p + 4);
        if (rdClass != 1) {
            out.append(' ');
            switch (rdClass) {
                case 3 -> out.append("CHAOS");
                case 4 -> out.append("HS");
                case 255 -> out.append("ANY");
                default -> out.append("Class").append(rdClass);
            }
        }
    }

    /** tcpdump's lwres_printname: {@code l} characters, then the NUL that should end them; returns l + 1. */
    private int name(int l, long p, StringBuilder out) {
        out.append(' ');
        for (int i = 0; i < l; i++) Text.printableChar(out, bytes.u8(p + i));
        if (bytes.u8(p + l) != 0) out.append(" (not NUL-terminated!)");
        return l + 1;
    }

    /** tcpdump's lwres_printnamelen: a 16-bit length, then the name. */
    private int countedName(long p, StringBuilder out) {
        return 2 + name(bytes.u16(p), p + 2, out);
    }

    /** tcpdump's lwres_printbinlen: a 16-bit length, then that many bytes in hex (no space before them). */
    private int counted(long p, StringBuilder out) {
        int l = bytes.u16(p);
        for (int i = 0; i < l; i++) Text.hex(out, bytes.u8(p + 2 + i), 2);
        return 2 + l;
    }

    /**
     * tcpdump's lwres_printaddr: family (4 bytes), length (2), the address; IPv4 and IPv6 consume their own size
     * whatever the length says, other families their length in hex. -1 where the length is short for the family.
     */
    private int address(long p0, StringBuilder out) {
        int l = bytes.u16(p0 + 4);
        long p = p0 + 6;
        bytes.need(p, l);
        long family = bytes.u32(p0);
        if (family == 1) {
            if (l < 4) return -1;
            bytes.ip4(out.append(' '), p);
            p += 4;
        } else if (family == 2) {
            if (l < 16) return -1;
            bytes.ip6(out.append(' '), p);
            p += 16;
        } else {
            out.append(' ').append(family).append('/');
            for (int i = 0; i < l; i++) Text.hex(out, bytes.u8(p + i), 2);
            p += l;
        }
        return (int) (p - p0);
    }
}
