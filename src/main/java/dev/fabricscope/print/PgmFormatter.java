package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * PGM (RFC 3208; IP protocol 113, or a UDP payload with -T pgm) as tcpdump 4.99 prints it (print-pgm.c):
 * {@code sport > dport: PGM, length N} (with the IP addresses when the IP header itself names PGM); -v adds the
 * global source id, the message (SPM, POLL, POLR, ODATA, RDATA, NAK, NNAK, NCF, ACK, SPMR), the options and the
 * length in brackets; with -T pgm_zmtp1 ODATA and RDATA go on to the ZMTP/1.0 frames they carry. tcpdump's quirks
 * are kept: a NAK's group address family is read from the address's first two bytes, and messages without a
 * body of their own (SPMR, unknown types) read their options from the PGM header. tcpdump has two ways out: a
 * length check that prints " [|pgm]" itself (the link header still counts for -x) and a fetch that jumps out
 * ({@link EarlyEnd}).
 */
final class PgmFormatter {
    static final int PROTOCOL = 113;
    private static final int HEADER = 16;
    private static final int SPM = 0, POLL = 1, POLR = 2, ODATA = 4, RDATA = 5, NAK = 8, NULLNAK = 9, NCF = 10,
            ACK = 11, SPMR = 12;
    private static final int AF_INET = 1, AF_INET6 = 2;
    private static final int OPT_PRESENT = 0x01, OPT_MASK = 0x7f, OPT_END = 0x80, MIN_OPT = 4;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    /** With -T pgm_zmtp1 only. */
    private final ZmtpFormatter zmtp;
    private final SnapshotBytes bytes = new SnapshotBytes();

    PgmFormatter(Verbosity verbosity, EarlyEnd earlyEnd, ZmtpFormatter zmtp) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
        this.zmtp = zmtp;
    }

    /**
     * The message at {@code off}, {@code length} bytes (the IP or UDP payload) in the IP packet {@code ip}.
     *
     * @param addresses whether the IP header names PGM (tcpdump then writes the addresses with the ports)
     */
    void format(Packet p, IpContext ip, int off, int length, boolean addresses, StringBuilder out) {
        try (var _ = bytes.reading(p, ip.end)) {
            message(p, ip, off, length, addresses, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "pgm");
        }
    }

    /** tcpdump's nd_print_trunc after a length check: the marker without a jump. */
    private static void cut(StringBuilder out) {
        out.append(" [|pgm]");
    }

    private void message(Packet p, IpContext ip, int bp, int length, boolean addresses, StringBuilder out) {
        if (!bytes.has(bp, 4)) {
            ip.appendAddresses(out, p);
            cut(out);
            return;
        }
        int sport = p.u16(bp), dport = p.u16(bp + 2);
        if (addresses) {
            ip.appendAddress(out, p, ip.srcOffset);
            out.append('.').append(sport).append(" > ");
            ip.appendAddress(out, p, ip.dstOffset);
            out.append('.').append(dport).append(": ");
        } else {
            out.append(sport).append(" > ").append(dport).append(": ");
        }
        if (!bytes.has(bp, HEADER)) {
            cut(out);
            return;
        }
        out.append("PGM, length ").append(p.u16(bp + 14));
        if (!verbosity.verbose()) return;
        int type = p.u8(bp + 4);
        out.append(" 0x");
        Text.hexBytes(out, p, bp + 8, 6);
        out.append(' ');
        int body = bp + HEADER;
        int at = bp;   // where the options start: the PGM header itself for the types without a body
        switch (type) {
            case SPM -> {
                if (!bytes.has(body, 16)) { cut(out); return; }
                int nla = body + 16;
                int size = addressSize(bytes.u16(body + 12));
                if (size == 0 || !bytes.has(nla, size)) { cut(out); return; }
                out.append("SPM seq ").append(p.u32(body)).append(" trail ").append(p.u32(body + 4))
                   .append(" lead ").append(p.u32(body + 8)).append(" nla ");
                address(out, p, nla, size);
                at = nla + size;
            }
            case POLL -> {
                if (!bytes.has(body, 12)) { cut(out); return; }
                int nla = body + 12;
                int size = addressSize(bytes.u16(body + 8));
                if (size == 0 || !bytes.has(nla, size)) { cut(out); return; }
                at = nla + size;
                long ivl = bytes.u32(at), rnd = bytes.u32(at + 4), mask = bytes.u32(at + 8);
                at += 12;
                out.append("POLL seq ").append(p.u32(body)).append(" round ").append(p.u16(body + 4)).append(" nla ");
                address(out, p, nla, size);
                out.append(" ivl ").append(ivl).append(" rnd 0x");
                Text.hex(out, rnd, 8);
                out.append(" mask 0x");
                Text.hex(out, mask, 8);
            }
            case POLR -> {
                if (!bytes.has(body, 8)) { cut(out); return; }
                out.append("POLR seq ").append(p.u32(body)).append(" round ").append(p.u16(body + 4));
                at = body + 8;
            }
            case ODATA, RDATA -> {
                if (!bytes.has(body, 8)) { cut(out); return; }
                out.append(type == ODATA ? "ODATA" : "RDATA").append(" trail ").append(p.u32(body + 4))
                   .append(" seq ").append(p.u32(body));
                at = body + 8;
            }
            case NAK, NULLNAK, NCF -> {
                if (!bytes.has(body, 8)) { cut(out); return; }
                int source = body + 8;
                int sourceSize = addressSize(bytes.u16(body + 4));
                if (sourceSize == 0 || !bytes.has(source, sourceSize)) { cut(out); return; }
                // tcpdump skips the group's family and reserved field, then reads the family from the address
                int group = source + sourceSize + 4;
                int groupSize = addressSize(bytes.u16(group));
                if (groupSize == 0 || !bytes.has(group, groupSize)) { cut(out); return; }
                at = group + groupSize;
                out.append(type == NAK ? "NAK " : type == NULLNAK ? "NNAK " : "NCF ").append('(');
                address(out, p, source, sourceSize);
                out.append(" -> ");
                address(out, p, group, groupSize);
                out.append("), seq ").append(p.u32(body));
            }
            case ACK -> {
                if (!bytes.has(body, 8)) { cut(out); return; }
                out.append("ACK seq ").append(p.u32(body));
                at = body + 8;
            }
            case SPMR -> out.append("SPMR");
            default -> {
                out.append("UNKNOWN type 0x");
                Text.hex(out, type, 2);
            }
        }
        if ((p.u8(bp + 5) & OPT_PRESENT) != 0) {
            if (!options(p, at, out)) return;
            at = optionsEnd;
        }
        out.append(" [").append(Integer.toUnsignedLong(length)).append(']');
        if (zmtp != null && (type == ODATA || type == RDATA)) {
            zmtp.datagram(p, at, p.u16(bp + 14), bytes.end(), out);
        }
    }

    /** Where the options ended (the ZMTP datagram's start), set by {@link #options}. */
    private int optionsEnd;

    /** The options from {@code bp}; false when tcpdump stopped printing the message (its returns and truncations). */
    private boolean options(Packet p, int bp, StringBuilder out) {
        if (!bytes.has(bp, MIN_OPT)) { cut(out); return false; }
        int optType = p.u8(bp++);
        if ((optType & OPT_MASK) != 0) {
            out.append("[First option bad, should be PGM_OPT_LENGTH, is ").append(optType & OPT_MASK).append(']');
            return false;
        }
        int optLen = p.u8(bp++);
        if (optLen != 4) {
            out.append("[Bad OPT_LENGTH option, length ").append(optLen).append(" != 4]");
            return false;
        }
        int optsLen = p.u16(bp);
        bp += 2;
        if (optsLen < 4) {
            out.append("[Bad total option length ").append(optsLen).append(" < 4]");
            return false;
        }
        out.append(" OPTS LEN ").append(optsLen);
        optsLen -= 4;
        while (optsLen != 0) {
            if (optsLen < MIN_OPT) {
                out.append("[Total option length leaves no room for final option]");
                return false;
            }
            optType = bytes.u8(bp++);
            optLen = bytes.u8(bp++);
            if (optLen < MIN_OPT) {
                out.append("[Bad option, length ").append(optLen).append(" < ").append(MIN_OPT).append(']');
                break;
            }
            if (optsLen < optLen) {
                out.append("[Total option length leaves no room for final option]");
                return false;
            }
            if (!bytes.has(bp, optLen - 2)) { cut(out); return false; }
            switch (optType & OPT_MASK) {
                case 0x00 -> {   // OPT_LENGTH again
                    if (optLen != 4) return bad(out, "OPT_LENGTH", optLen, 4);
                    out.append(" OPTS LEN (extra?) ").append(p.u16(bp));
                    bp += 2;
                    optsLen -= 4;
                }
                case 0x01 -> {
                    if (optLen != 16) return bad(out, "OPT_FRAGMENT", optLen, 16);
                    bp += 2;
                    out.append(" FRAG seq ").append(p.u32(bp)).append(" off ").append(p.u32(bp + 4))
                       .append(" len ").append(p.u32(bp + 8));
                    bp += 12;
                    optsLen -= 16;
                }
                case 0x02 -> {
                    bp += 2;
                    optLen -= 4;
                    out.append(" NAK LIST");
                    while (optLen != 0) {
                        if (optLen < 4) {
                            out.append("[Option length not a multiple of 4]");
                            return false;
                        }
                        out.append(' ').append(bytes.u32(bp));
                        bp += 4;
                        optLen -= 4;
                        optsLen -= 4;   // not the option's header: tcpdump's count
                    }
                }
                case 0x03 -> {
                    if (optLen != 8) return bad(out, "OPT_JOIN", optLen, 8);
                    out.append(" JOIN ").append(p.u32(bp + 2));
                    bp += 6;
                    optsLen -= 8;
                }
                case 0x04 -> {
                    if (optLen != 12) return bad(out, "OPT_NAK_BO_IVL", optLen, 12);
                    out.append(" BACKOFF ivl ").append(p.u32(bp + 2)).append(" ivlseq ").append(p.u32(bp + 6));
                    bp += 10;
                    optsLen -= 12;
                }
                case 0x05 -> {
                    if (optLen != 12) return bad(out, "OPT_NAK_BO_RNG", optLen, 12);
                    out.append(" BACKOFF max ").append(p.u32(bp + 2)).append(" min ").append(p.u32(bp + 6));
                    bp += 10;
                    optsLen -= 12;
                }
                case 0x07 -> {
                    if (optLen < 8) return badFixed(out, "OPT_REDIRECT", optLen, 8);
                    int family = p.u16(bp + 2);
                    bp += 6;
                    int size = addressSize(family);
                    if (size == 0) { cut(out); return false; }
                    if (optLen != 8 + size) return badAddress(out, "OPT_REDIRECT", optLen, 8);
                    if (!bytes.has(bp, size)) { cut(out); return false; }
                    out.append(" REDIRECT ");
                    address(out, p, bp, size);
                    bp += size;
                    optsLen -= 8 + size;
                }
                case 0x08 -> {
                    if (optLen != 8) return bad(out, "OPT_PARITY_PRM", optLen, 8);
                    out.append(" PARITY MAXTGS ").append(p.u32(bp + 2));
                    bp += 6;
                    optsLen -= 8;
                }
                case 0x09 -> {
                    if (optLen != 8) return bad(out, "OPT_PARITY_GRP", optLen, 8);
                    out.append(" PARITY GROUP ").append(p.u32(bp + 2));
                    bp += 6;
                    optsLen -= 8;
                }
                case 0x0a -> {
                    if (optLen != 8) return bad(out, "OPT_CURR_TGSIZE", optLen, 8);
                    out.append(" PARITY ATGS ").append(p.u32(bp + 2));
                    bp += 6;
                    optsLen -= 8;
                }
                case 0x0b -> {
                    if (optLen != 4) return bad(out, "OPT_NBR_UNREACH", optLen, 4);
                    bp += 2;
                    out.append(" NBR_UNREACH");
                    optsLen -= 4;
                }
                case 0x0c -> {   // tcpdump skips the whole length past the two bytes it already read
                    out.append(" PATH_NLA [").append(optLen).append(']');
                    bp += optLen;
                    optsLen -= optLen;
                }
                case 0x0d -> {
                    if (optLen != 4) return bad(out, "OPT_SYN", optLen, 4);
                    bp += 2;
                    out.append(" SYN");
                    optsLen -= 4;
                }
                case 0x0e -> {
                    if (optLen != 4) return bad(out, "OPT_FIN", optLen, 4);
                    bp += 2;
                    out.append(" FIN");
                    optsLen -= 4;
                }
                case 0x0f -> {
                    if (optLen != 4) return bad(out, "OPT_RST", optLen, 4);
                    bp += 2;
                    out.append(" RST");
                    optsLen -= 4;
                }
                case 0x10 -> {
                    out.append(" CR");
                    bp += optLen;
                    optsLen -= optLen;
                }
                case 0x11 -> {
                    if (optLen != 4) return bad(out, "OPT_CRQST", optLen, 4);
                    bp += 2;
                    out.append(" CRQST");
                    optsLen -= 4;
                }
                case 0x12, 0x13 -> {
                    boolean data = (optType & OPT_MASK) == 0x12;
                    String name = data ? "OPT_PGMCC_DATA" : "OPT_PGMCC_FEEDBACK";
                    if (optLen < 12) {
                        return badFixed(out, data ? name : "PGM_OPT_PGMCC_FEEDBACK", optLen, 12);
                    }
                    long offset = p.u32(bp + 2);
                    int family = p.u16(bp + 6);
                    bp += 10;
                    int size = addressSize(family);
                    if (size == 0) { cut(out); return false; }
                    if (optLen != 12 + size) return badAddress(out, name, optLen, 12);
                    if (!bytes.has(bp, size)) { cut(out); return false; }
                    out.append(data ? " PGMCC DATA " : " PGMCC FEEDBACK ").append(offset).append(' ');
                    address(out, p, bp, size);
                    bp += size;
                    optsLen -= 12 + size;
                }
                default -> {
                    out.append(" OPT_");
                    Text.hex(out, optType, 2);
                    upperLast(out, 2);
                    out.append(" [").append(optLen).append("] ");
                    bp += optLen;
                    optsLen -= optLen;
                }
            }
            if ((optType & OPT_END) != 0) break;
        }
        optionsEnd = bp;
        return true;
    }

    /** %02X: the two hex digits just written, in upper case. */
    private static void upperLast(StringBuilder out, int n) {
        for (int i = out.length() - n; i < out.length(); i++) out.setCharAt(i, Character.toUpperCase(out.charAt(i)));
    }

    private static boolean bad(StringBuilder out, String name, int length, int expected) {
        out.append("[Bad ").append(name).append(" option, length ").append(length).append(" != ").append(expected)
           .append(']');
        return false;
    }

    private static boolean badFixed(StringBuilder out, String name, int length, int expected) {
        out.append("[Bad ").append(name).append(" option, length ").append(length).append(" < ").append(expected)
           .append(']');
        return false;
    }

    private static boolean badAddress(StringBuilder out, String name, int length, int fixed) {
        out.append("[Bad ").append(name).append(" option, length ").append(length).append(" != ").append(fixed)
           .append(" + address size]");
        return false;
    }

    /** The size of an address of AFI {@code family}: 4, 16, or 0 for the others (tcpdump gives up on them). */
    private static int addressSize(int family) {
        return family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
    }

    private static void address(StringBuilder out, Packet p, int at, int size) {
        if (size == 4) Text.ipv4(out, p, at);
        else Text.ipv6(out, p, at);
    }
}
