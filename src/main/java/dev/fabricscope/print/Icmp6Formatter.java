package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * ICMPv6 as tcpdump 4.99 prints it (print-icmp6.c): "ICMP6, " and the type's name, then what tcpdump decodes of
 * each: the quoted packet of error messages, neighbor discovery (with -v its fields and options,
 * {@link NdOptionsFormatter}), MLD v1 and v2 ({@link Icmp6MldFormatter}), router renumbering, node information,
 * home agent discovery, mobile prefixes and RPL; other types as a hex dump. -v puts the checksum verdict first.
 *
 * <p>tcpdump has two ways of stopping at the end of a short capture, and the raw dump (-x) tells them apart: where
 * one of its fetch macros jumps out, " [|icmp6]" ends the line and {@link EarlyEnd} is marked; where it tests a
 * length first, it prints the same marker itself (sometimes going on after it, as in router renumbering).
 *
 * <p>Known differences, both outside this class: the checksum's pseudo-header uses the IPv6 destination as
 * {@link IpContext} gives it (tcpdump takes a routing header's final destination), and a payload length of 0
 * without a jumbo option reaches here with the link layer's length where tcpdump says "ICMP6, length 0 (invalid)".
 */
final class Icmp6Formatter {
    private static final int ICMPV6 = 58;
    private static final int DST_UNREACH = 1, PACKET_TOO_BIG = 2, TIME_EXCEEDED = 3, PARAM_PROB = 4,
            ECHO_REQUEST = 128, ECHO_REPLY = 129, MLD_QUERY = 130, MLD_REPORT = 131, MLD_DONE = 132,
            ROUTER_SOLICIT = 133, ROUTER_ADVERT = 134, NEIGHBOR_SOLICIT = 135, NEIGHBOR_ADVERT = 136, REDIRECT = 137,
            ROUTER_RENUMBERING = 138, NI_QUERY = 139, NI_REPLY = 140, IND_SOLICIT = 141, IND_ADVERT = 142,
            MLDV2_REPORT = 143, HA_DISCOVERY_REQUEST = 144, HA_DISCOVERY_REPLY = 145, MOBILE_PREFIX_SOLICIT = 146,
            MOBILE_PREFIX_ADVERT = 147, RPL = 155;
    /** Where tcpdump finds the quoted packet's addresses: after the 8-byte ICMPv6 header. */
    private static final int QUOTED_SRC = 8 + 8, QUOTED_DST = 8 + 24;
    private static final long[] RA_FLAG_BITS = {0x80, 0x40, 0x20, 0x02};
    private static final String[] RA_FLAGS = {"managed", "other stateful", "home agent", "ipv6 only"};
    private static final long[] NA_FLAG_BITS = {0x80000000L, 0x40000000L, 0x20000000L};
    private static final String[] NA_FLAGS = {"router", "solicited", "override"};
    private static final String[] ROUTER_PREFERENCES = {"medium", "high", "rsv", "low"};

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final Icmp6Bytes bytes = new Icmp6Bytes();
    private final NdOptionsFormatter ndOptions;
    private final Icmp6MldFormatter mld;
    private final Icmp6NodeInfoFormatter nodeInfo;
    private final Icmp6RenumberingFormatter renumbering;
    private final Icmp6RplFormatter rpl;

    Icmp6Formatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
        this.ndOptions = new NdOptionsFormatter(verbosity, bytes);
        this.mld = new Icmp6MldFormatter(verbosity, bytes);
        this.nodeInfo = new Icmp6NodeInfoFormatter(verbosity, bytes);
        this.renumbering = new Icmp6RenumberingFormatter(verbosity, bytes);
        this.rpl = new Icmp6RplFormatter(verbosity, bytes);
    }

    /**
     * @param length ICMPv6 length per the IPv6 header (less any extension headers), unsigned 32 bits as tcpdump's
     *               (an IPv6 jumbo payload's can pass 2^31)
     */
    void icmp6(Packet p, IpContext ip, int off, int length, StringBuilder out) {
        try (var _ = bytes.reading(p, ip.end)) {
            message(p, ip, off, length, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark();
            trunc(out);
        }
    }

    static void trunc(StringBuilder out) {
        out.append(" [|icmp6]");
    }

    private void message(Packet p, IpContext ip, int bp, int length, StringBuilder out) {
        if (length == 0) {
            out.append("ICMP6, length 0 (invalid)");
            return;
        }
        boolean verbose = verbosity.verbose();
        if (verbose && !ip.fragmented && bytes.has(bp, length)) {
            int stored = bytes.u16(bp + 2);   // a message shorter than 4 bytes jumps here
            ChecksumText.bracketed(out, "icmp6", stored,
                InternetChecksum.add(ip.pseudoHeaderSum(p, ICMPV6, length), p, bp, length));
        }
        int type = bytes.u8(bp);
        out.append("ICMP6, ");
        String name = typeName(type);
        if (name != null) out.append(name);
        else out.append("unknown icmp6 type (").append(type).append(')');
        if (verbose && (type == ROUTER_SOLICIT || type == ROUTER_ADVERT || type == NEIGHBOR_ADVERT
                || type == NEIGHBOR_SOLICIT || type == REDIRECT || type == HA_DISCOVERY_REPLY
                || type == MOBILE_PREFIX_ADVERT)) {
            out.append(", length ").append(Integer.toUnsignedLong(length));
        }
        int code = bytes.u8(bp + 1);
        switch (type) {
            case DST_UNREACH -> {
                if (!unreachable(bp, code, length, out)) return;
            }
            case PACKET_TOO_BIG -> {
                long mtu = bytes.u32(bp + 4);
                out.append(", mtu ").append(mtu);
            }
            case TIME_EXCEEDED -> {
                switch (code) {
                    case 0 -> bytes.ip6(out, " for ", bp + QUOTED_DST);
                    case 1 -> out.append(" (reassembly)");
                    default -> out.append(", unknown code (").append(code).append(')');
                }
            }
            case PARAM_PROB -> {
                if (!bytes.has(bp + QUOTED_DST, 16)) {
                    trunc(out);
                    return;
                }
                String what = switch (code) {
                    case 0 -> ", erroneous - octet ";
                    case 1 -> ", next header - octet ";
                    case 2 -> ", option - octet ";
                    case 3 -> ", incomplete header chain - octet ";
                    default -> null;
                };
                if (what == null) out.append(", code-#").append(code);
                else out.append(what).append(bytes.u32(bp + 4));
            }
            case ECHO_REQUEST, ECHO_REPLY -> {
                int id = bytes.u16(bp + 4), seq = bytes.u16(bp + 6);
                out.append(", id ").append(id).append(", seq ").append(seq);
            }
            case MLD_QUERY -> {
                if (length == Icmp6MldFormatter.MLD_LENGTH) {
                    mld.listener(bp, out);
                } else if (Integer.compareUnsigned(length, Icmp6MldFormatter.MLDV2_QUERY_LENGTH) >= 0) {
                    out.append(" v2");
                    mld.v2Query(bp, Integer.toUnsignedLong(length), out);
                } else {
                    out.append(" unknown-version (len ").append(length).append(") ");   // below 28
                }
            }
            case MLD_REPORT, MLD_DONE -> mld.listener(bp, out);
            case ROUTER_SOLICIT -> {
                if (verbose && !ndOptions.format(bp + 8, length - 8, out)) {
                    trunc(out);
                    return;
                }
            }
            case ROUTER_ADVERT -> {
                if (verbose) {
                    routerAdvertisement(bp, out);
                    if (!ndOptions.format(bp + 16, length - 16, out)) {
                        trunc(out);
                        return;
                    }
                }
            }
            case NEIGHBOR_SOLICIT -> {
                bytes.ip6(out, ", who has ", bp + 8);
                if (verbose && !ndOptions.format(bp + 24, length - 24, out)) {
                    trunc(out);
                    return;
                }
            }
            case NEIGHBOR_ADVERT -> {
                bytes.ip6(out, ", tgt is ", bp + 8);
                if (verbose) {
                    long flags = bytes.u32(bp + 4);
                    out.append(", Flags [");
                    flagNames(out, flags, NA_FLAG_BITS, NA_FLAGS);
                    out.append(']');
                    if (!ndOptions.format(bp + 24, length - 24, out)) {
                        trunc(out);
                        return;
                    }
                }
            }
            case REDIRECT -> {
                bytes.ip6(out, ", ", bp + 24);
                bytes.ip6(out, " to ", bp + 8);
                if (verbose && !ndOptions.format(bp + 40, length - 40, out)) {
                    trunc(out);
                    return;
                }
            }
            case ROUTER_RENUMBERING -> renumbering.format(bp, out);
            case NI_QUERY, NI_REPLY -> nodeInfo.format(bp, length, out);
            case IND_SOLICIT, IND_ADVERT -> { }
            case MLDV2_REPORT -> mld.v2Report(bp, Integer.toUnsignedLong(length), out);
            case MOBILE_PREFIX_SOLICIT, HA_DISCOVERY_REQUEST -> id(bp, out);
            case HA_DISCOVERY_REPLY -> {
                if (verbose) {
                    id(bp, out);
                    for (long at = bp + 8; at < bp + Integer.toUnsignedLong(length); at += 16) bytes.ip6(out, ", ", (int) at);
                }
            }
            case MOBILE_PREFIX_ADVERT -> {
                if (verbose) {
                    id(bp, out);
                    int flags = bytes.u16(bp + 6);
                    if ((flags & 0xc000) != 0) out.append(' ');
                    if ((flags & 0x8000) != 0) out.append('M');
                    if ((flags & 0x4000) != 0) out.append('O');
                    if (!ndOptions.format(bp + 8, length - 8, out)) {
                        trunc(out);
                        return;
                    }
                }
            }
            case RPL -> rpl.format(code, bp + 4, (length - 4) & 0xffffffffL, out);
            default -> {
                out.append(", length ").append(Integer.toUnsignedLong(length));
                if (!verbosity.veryVerbose()) bytes.unknownData(out, bp, "\n\t", Integer.toUnsignedLong(length));
                return;
            }
        }
        if (!verbose) out.append(", length ").append(Integer.toUnsignedLong(length));
    }

    /** Destination unreachable after its name; false where tcpdump prints nothing more (not even the length). */
    private boolean unreachable(int bp, int code, int length, StringBuilder out) {
        out.append(", ");
        switch (code) {
            case 0 -> out.append("unreachable route");
            case 1 -> out.append(" unreachable prohibited");   // tcpdump's table has the space
            case 2 -> out.append("beyond scope");
            case 3 -> out.append("unreachable address");
            case 4 -> out.append("unreachable port");
            default -> out.append("unknown unreach code (").append(code).append(')');
        }
        switch (code) {
            case 0, 1, 3 -> bytes.ip6(out, " ", bp + QUOTED_DST);
            case 2 -> {
                bytes.u8(bp + QUOTED_DST + 15);   // both addresses are fetched before either is printed
                bytes.ip6(out, " ", bp + QUOTED_DST);
                bytes.ip6(out, ", source address ", bp + QUOTED_SRC);
            }
            case 4 -> {
                int port = quotedDestinationPort(bp + 8);
                if (port < 0) {
                    trunc(out);
                    return false;
                }
                int protocol = port >>> 16;
                bytes.ip6(out, ", ", bp + QUOTED_DST);
                out.append(protocol == IpFormatter.TCP ? " tcp port " : " udp port ").append(port & 0xffff);
            }
            default -> {
                if (!verbosity.veryVerbose()) {
                    bytes.unknownData(out, bp, "\n\t", Integer.toUnsignedLong(length));
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The quoted packet's TCP or UDP destination port, found as tcpdump's get_upperlayer finds it (through
     * hop-by-hop, destination, routing, first-fragment and AH headers), as protocol << 16 | port; -1 where
     * tcpdump gives up (truncation, another protocol, a later fragment).
     */
    private int quotedDestinationPort(int ip6) {
        if (!bytes.has(ip6 + 6, 1)) return -1;
        int nh = bytes.u8(ip6 + 6);
        long at = ip6;
        long headerLength = 40;
        int end = bytes.end();
        while (at < end) {
            at += headerLength;
            if (at > Integer.MAX_VALUE - 8) return -1;
            int h = (int) at;
            switch (nh) {
                case IpFormatter.UDP, IpFormatter.TCP -> {
                    return bytes.has(h + 2, 2) ? nh << 16 | bytes.u16(h + 2) : -1;
                }
                case 0, 60, 43 -> {   // hop-by-hop, destination options, routing
                    if (!bytes.has(h + 1, 1)) return -1;
                    nh = bytes.u8(h);
                    headerLength = (bytes.u8(h + 1) + 1L) << 3;
                }
                case 44 -> {          // fragment
                    if (!bytes.has(h + 2, 2)) return -1;
                    if ((bytes.u16(h + 2) & 0xfff8) != 0) return -1;
                    nh = bytes.u8(h);
                    headerLength = 8;
                }
                case 51 -> {          // authentication header
                    if (!bytes.has(h + 1, 1)) return -1;
                    nh = bytes.u8(h);
                    headerLength = (bytes.u8(h + 1) + 2L) << 2;
                }
                default -> {
                    return -1;
                }
            }
        }
        return -1;
    }

    private void routerAdvertisement(int bp, StringBuilder out) {
        int hopLimit = bytes.u8(bp + 4), flags = bytes.u8(bp + 5), lifetime = bytes.u16(bp + 6);
        long reachable = bytes.u32(bp + 8), retransmit = bytes.u32(bp + 12);
        out.append("\n\thop limit ").append(hopLimit).append(", Flags [");
        flagNames(out, flags, RA_FLAG_BITS, RA_FLAGS);
        out.append("], pref ").append(routerPreference(flags)).append(", router lifetime ").append(lifetime)
            .append("s, reachable time ").append(reachable).append("ms, retrans timer ").append(retransmit)
            .append("ms");
    }

    private void id(int bp, StringBuilder out) {
        int id = bytes.u16(bp + 4);
        out.append(", id 0x");
        Text.hex(out, id, 4);
    }

    /** The two router-preference bits (RFC 4191) of a flags byte, as tcpdump names them. */
    static String routerPreference(int flags) {
        return ROUTER_PREFERENCES[(flags & 0x18) >>> 3];
    }

    /** tcpdump's "infinity" or "Ns" for a lifetime in seconds. */
    static void lifetime(StringBuilder out, long seconds) {
        if (seconds == 0xffffffffL) out.append("infinity");
        else out.append(seconds).append('s');
    }

    /** tcpdump's bittok2str with "none": the names of the set bits in the table's order, comma-separated. */
    static void flagNames(StringBuilder out, long value, long[] bits, String[] names) {
        boolean any = false;
        for (int i = 0; i < bits.length; i++) {
            if ((value & bits[i]) == 0) continue;
            if (any) out.append(", ");
            out.append(names[i]);
            any = true;
        }
        if (!any) out.append("none");
    }

    /** tcpdump's names for the types (the first of two names for 139 and 140). */
    private static String typeName(int type) {
        return switch (type) {
            case DST_UNREACH -> "destination unreachable";
            case PACKET_TOO_BIG -> "packet too big";
            case TIME_EXCEEDED -> "time exceeded in-transit";
            case PARAM_PROB -> "parameter problem";
            case ECHO_REQUEST -> "echo request";
            case ECHO_REPLY -> "echo reply";
            case MLD_QUERY -> "multicast listener query";
            case MLD_REPORT -> "multicast listener report";
            case MLD_DONE -> "multicast listener done";
            case ROUTER_SOLICIT -> "router solicitation";
            case ROUTER_ADVERT -> "router advertisement";
            case NEIGHBOR_SOLICIT -> "neighbor solicitation";
            case NEIGHBOR_ADVERT -> "neighbor advertisement";
            case REDIRECT -> "redirect";
            case ROUTER_RENUMBERING -> "router renumbering";
            case IND_SOLICIT -> "inverse neighbor solicitation";
            case IND_ADVERT -> "inverse neighbor advertisement";
            case MLDV2_REPORT -> "multicast listener report v2";
            case HA_DISCOVERY_REQUEST -> "ha discovery request";
            case HA_DISCOVERY_REPLY -> "ha discovery reply";
            case MOBILE_PREFIX_SOLICIT -> "mobile router solicitation";
            case MOBILE_PREFIX_ADVERT -> "mobile router advertisement";
            case NI_QUERY -> "who-are-you request";
            case NI_REPLY -> "who-are-you reply";
            case 200 -> "mtrace response";
            case 201 -> "mtrace message";
            case RPL -> "RPL";
            default -> null;
        };
    }
}
