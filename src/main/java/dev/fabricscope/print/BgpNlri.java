package dev.fabricscope.print;

import static dev.fabricscope.print.BgpNames.*;

/**
 * BGP's address families as tcpdump 4.99 decodes them (print-bgp.c): the AFI/SAFI line of MP_REACH and
 * MP_UNREACH, their next hops, and the NLRI of IPv4 and IPv6 unicast and multicast (with RFC 7911 path identifiers
 * where tcpdump guesses them), labeled unicast (RFC 8277), VPNv4/VPNv6 with route distinguishers (RFC 4364), route
 * target constraints (RFC 4684), multicast VPN (RFC 6514), MDT (RFC 6037), L2VPN/VPLS (RFC 4761/6074) and CLNP
 * (NSAP). tcpdump 4.99 has no decoder for EVPN (AFI 25 / SAFI 70) or flowspec: it names the family and dumps the
 * attribute in hex, and so does this.
 *
 * <p>tcpdump formats most NLRI into a 164-byte buffer before it prints it, so a fetch that jumps out prints none of
 * it, and the longest multicast VPN and L2VPN entries are cut at 163 characters, as here.
 */
final class BgpNlri {
    /** Results of a decoder: tcpdump's -1 (illegal length), -2 (give up on the message), -3 (bytes left, not enough). */
    static final int ILLEGAL = -1, TRUNCATED = -2, SHORT = -3, NO_DECODER = -4;
    /** MAXHOSTNAMELEN + 100: tcpdump's NLRI buffer. */
    private static final int BUFFER = 164;
    private static final int RD_LENGTH = 8;
    private static final String BOGUS_BOTTOM = "(BOGUS: Bottom of Stack NOT set!)", BOTTOM = "(bottom)";

    private final Verbosity verbosity;
    private final BgpBytes bytes;
    /** What tcpdump's buf holds: one NLRI's text. */
    private final StringBuilder text = new StringBuilder(BUFFER * 2);
    private final StringBuilder piece = new StringBuilder(BUFFER * 2);
    /** Room left in tcpdump's buf while an L2VPN NLRI is written (its UPDATE_BUF_BUFLEN). */
    private int room;
    private int afi, safi;
    /** -b: AS numbers above 65535 in ASDOT notation. */
    private final boolean asdot;

    BgpNlri(Verbosity verbosity, BgpBytes bytes) {
        this(verbosity, bytes, false);
    }

    BgpNlri(Verbosity verbosity, BgpBytes bytes, boolean asdot) {
        this.verbosity = verbosity;
        this.bytes = bytes;
        this.asdot = asdot;
    }

    /** tcpdump's as_printf: an AS number in decimal, or with -b above 65535 as "high.low" (ASDOT). */
    static void asNumber(StringBuilder out, long asn, boolean asdot) {
        if (!asdot || asn <= 0xffff) Text.u32(out, asn);
        else out.append(asn >>> 16 & 0xffff).append('.').append(asn & 0xffff);
    }

    /** The text the last prefix decoder made. */
    CharSequence text() {
        return text;
    }

    private int family() {
        return afi << 8 | safi;
    }

    private static int key(int afi, int safi) {
        return afi << 8 | safi;
    }

    private static final int
        INET_UNICAST = key(AFI_INET, SAFI_UNICAST),
        INET_MULTICAST = key(AFI_INET, SAFI_MULTICAST),
        INET_UNIMULTICAST = key(AFI_INET, SAFI_UNIMULTICAST),
        INET_LABELED = key(AFI_INET, SAFI_LABELED_UNICAST),
        INET_MVPN = key(AFI_INET, SAFI_MULTICAST_VPN),
        INET_MDT = key(AFI_INET, SAFI_MDT),
        INET_VPN_UNICAST = key(AFI_INET, SAFI_VPN_UNICAST),
        INET_VPN_MULTICAST = key(AFI_INET, SAFI_VPN_MULTICAST),
        INET_VPN_UNIMULTICAST = key(AFI_INET, SAFI_VPN_UNIMULTICAST),
        INET_RT = key(AFI_INET, SAFI_RT_ROUTING_INFO),
        INET6_UNICAST = key(AFI_INET6, SAFI_UNICAST),
        INET6_MULTICAST = key(AFI_INET6, SAFI_MULTICAST),
        INET6_UNIMULTICAST = key(AFI_INET6, SAFI_UNIMULTICAST),
        INET6_LABELED = key(AFI_INET6, SAFI_LABELED_UNICAST),
        INET6_MVPN = key(AFI_INET6, SAFI_MULTICAST_VPN),
        INET6_VPN_UNICAST = key(AFI_INET6, SAFI_VPN_UNICAST),
        INET6_VPN_MULTICAST = key(AFI_INET6, SAFI_VPN_MULTICAST),
        INET6_VPN_UNIMULTICAST = key(AFI_INET6, SAFI_VPN_UNIMULTICAST),
        NSAP_UNICAST = key(AFI_NSAP, SAFI_UNICAST),
        NSAP_MULTICAST = key(AFI_NSAP, SAFI_MULTICAST),
        NSAP_UNIMULTICAST = key(AFI_NSAP, SAFI_UNIMULTICAST),
        NSAP_VPN_UNICAST = key(AFI_NSAP, SAFI_VPN_UNICAST),
        NSAP_VPN_MULTICAST = key(AFI_NSAP, SAFI_VPN_MULTICAST),
        NSAP_VPN_UNIMULTICAST = key(AFI_NSAP, SAFI_VPN_UNIMULTICAST),
        L2VPN_VPN_UNICAST = key(AFI_L2VPN, SAFI_VPN_UNICAST),
        L2VPN_VPN_MULTICAST = key(AFI_L2VPN, SAFI_VPN_MULTICAST),
        L2VPN_VPN_UNIMULTICAST = key(AFI_L2VPN, SAFI_VPN_UNIMULTICAST),
        VPLS = key(AFI_VPLS, SAFI_VPLS);

    /** The families bgp_mp_af_print lets through to the next-hop and NLRI decoders. */
    private static boolean decoded(int family) {
        return family == INET_UNICAST || family == INET_MULTICAST || family == INET_UNIMULTICAST
            || family == INET_LABELED || family == INET_RT || family == INET_VPN_UNICAST
            || family == INET_VPN_MULTICAST || family == INET_VPN_UNIMULTICAST || family == INET_MVPN
            || family == INET_MDT || family == INET6_UNICAST || family == INET6_MULTICAST
            || family == INET6_UNIMULTICAST || family == INET6_LABELED || family == INET6_VPN_UNICAST
            || family == INET6_VPN_MULTICAST || family == INET6_VPN_UNIMULTICAST || family == NSAP_UNICAST
            || family == NSAP_MULTICAST || family == NSAP_UNIMULTICAST || family == NSAP_VPN_UNICAST
            || family == NSAP_VPN_MULTICAST || family == NSAP_VPN_UNIMULTICAST || family == L2VPN_VPN_UNICAST
            || family == L2VPN_VPN_MULTICAST || family == L2VPN_VPN_UNIMULTICAST || family == VPLS;
    }

    /**
     * The AFI/SAFI line of an MP_REACH or MP_UNREACH of {@code len} bytes at {@code at} (its first 3 captured):
     * 0 when tcpdump decodes the family, {@link #ILLEGAL} when it dumps the attribute instead, {@link #TRUNCATED}.
     */
    int family(int at, int len, StringBuilder out) {
        afi = bytes.u16(at);
        safi = bytes.u8(at + 2);
        String afiName = BgpNames.family(afi), safiName = BgpNames.subsequentFamily(safi);
        out.append("\n\t    AFI: ").append(afiName != null ? afiName : "Unknown AFI").append(" (").append(afi)
            .append("), ").append(safi > 128 ? "vendor specific " : "").append("SAFI: ")
            .append(safiName != null ? safiName : "Unknown SAFI").append(" (").append(safi).append(')');
        if (decoded(family())) return 0;
        if (!bytes.has(at, len)) return TRUNCATED;
        out.append("\n\t    no AFI ").append(afi).append(" / SAFI ").append(safi).append(" decoder");
        if (!verbosity.veryVerbose()) bytes.unknownData(out, at, "\n\t    ", len);
        return ILLEGAL;
    }

    /**
     * One next hop of the family from {@code at}, {@code left} bytes of next hops remaining: the bytes it took (all
     * that are left where tcpdump says "invalid len"), or {@link #TRUNCATED}.
     */
    int nextHop(int at, int left, StringBuilder out) {
        int f = family();
        if (f == INET_UNICAST || f == INET_MULTICAST || f == INET_UNIMULTICAST || f == INET_LABELED || f == INET_RT
                || f == INET_MVPN || f == INET_MDT || f == VPLS || f == L2VPN_VPN_UNICAST || f == L2VPN_VPN_MULTICAST
                || f == L2VPN_VPN_UNIMULTICAST) {
            if (left < 4) return invalid(left, out);
            bytes.ip4(out, at);
            return 4;
        }
        if (f == INET_VPN_UNICAST || f == INET_VPN_MULTICAST || f == INET_VPN_UNIMULTICAST) {
            if (left < 4 + RD_LENGTH) return invalid(left, out);
            bytes.need(at, 4 + RD_LENGTH);
            routeDistinguisher(out.append("RD: "), at);
            bytes.ip4(out.append(", "), at + RD_LENGTH);
            return 4 + RD_LENGTH;
        }
        if (f == INET6_UNICAST || f == INET6_MULTICAST || f == INET6_UNIMULTICAST || f == INET6_LABELED) {
            if (left < 16) return invalid(left, out);
            bytes.ip6(out, at);
            return 16;
        }
        if (f == INET6_VPN_UNICAST || f == INET6_VPN_MULTICAST || f == INET6_VPN_UNIMULTICAST) {
            if (left < 16 + RD_LENGTH) return invalid(left, out);
            bytes.need(at, 16 + RD_LENGTH);
            routeDistinguisher(out.append("RD: "), at);
            bytes.ip6(out.append(", "), at + RD_LENGTH);
            return 16 + RD_LENGTH;
        }
        if (f == NSAP_UNICAST || f == NSAP_MULTICAST || f == NSAP_UNIMULTICAST) {
            bytes.nsap(out, at, left);
            return left;
        }
        // NSAP VPN families, the last that get here
        if (left < RD_LENGTH + 1) return invalid(left, out);
        if (!bytes.has(at, left)) return TRUNCATED;
        bytes.need(at, RD_LENGTH);
        piece.setLength(0);
        routeDistinguisher(piece.append("RD: "), at);
        bytes.nsap(piece.append(", "), at + RD_LENGTH, left - RD_LENGTH);
        out.append(piece);
        if (bytes.u32(at + RD_LENGTH) == 0x47000601L) {
            bytes.ip4(out.append(" = "), at + RD_LENGTH + 4);   // RFC 986 mapped IPv4 address
        } else if (bytes.u24(at + RD_LENGTH) == 0x350000) {
            bytes.need(at + RD_LENGTH + 3, 16);
            bytes.ip6(out.append(" = "), at + RD_LENGTH + 3);   // RFC 1888 mapped IPv6 address
        }
        return left;
    }

    private static int invalid(int left, StringBuilder out) {
        out.append("invalid len");
        return left;
    }

    /**
     * One NLRI of the family at {@code at}; {@code len} is the whole attribute's length, which tcpdump hands every
     * prefix decoder as the room left. The bytes it took, or a negative result that ends the attribute's NLRI
     * ({@link #TRUNCATED}: the message).
     */
    int route(int at, int len, boolean addPath4, boolean addPath6, StringBuilder out) {
        int f = family();
        int used;
        if (f == INET_UNICAST || f == INET_MULTICAST || f == INET_UNIMULTICAST
                || f == INET6_UNICAST || f == INET6_MULTICAST || f == INET6_UNIMULTICAST) {
            boolean v6 = afi == AFI_INET6;
            boolean addPath = v6 ? addPath6 : addPath4;
            long pathId = 0;
            int p = at;
            if (addPath) {
                pathId = bytes.u32(p);
                p += 4;
            }
            used = v6 ? prefix6(p, len) : prefix4(p, len);
            if (used == ILLEGAL) out.append("\n\t    (illegal prefix length)");
            else if (used == TRUNCATED) return TRUNCATED;
            else out.append("\n\t      ").append(text);
            if (addPath) {
                Text.u32(out.append("   Path Id: "), pathId);
                used += 4;   // an illegal prefix too: tcpdump goes on 3 bytes later
            }
            return used;
        }
        if (f == INET_LABELED || f == INET6_LABELED) {
            used = f == INET_LABELED ? labeledPrefix4(at, len) : labeledPrefix6(at, len);
            if (used == ILLEGAL) out.append("\n\t    (illegal prefix length)");
            else if (used >= 0) out.append("\n\t      ").append(text);
            return used;
        }
        if (f == INET_VPN_UNICAST || f == INET_VPN_MULTICAST || f == INET_VPN_UNIMULTICAST
                || f == INET6_VPN_UNICAST || f == INET6_VPN_MULTICAST || f == INET6_VPN_UNIMULTICAST) {
            used = vpnPrefix(at, afi == AFI_INET6 ? 128 : 32);
            return printed(used, "\n\t    (illegal prefix length)", out);
        }
        if (f == INET_RT) return routeTargetMembership(at, out);
        if (f == INET_MVPN || f == INET6_MVPN) return printed(multicastVpn(at), null, out);
        if (f == INET_MDT) return printed(mdt(at), "\n\t    (illegal prefix length)", out);
        if (f == VPLS || f == L2VPN_VPN_UNICAST || f == L2VPN_VPN_MULTICAST || f == L2VPN_VPN_UNIMULTICAST) {
            return printed(layer2Vpn(at), "\n\t    (illegal length)", out);
        }
        if (f == NSAP_UNICAST || f == NSAP_MULTICAST || f == NSAP_UNIMULTICAST) {
            return printed(clnpPrefix(at), "\n\t    (illegal prefix length)", out);
        }
        if (f == NSAP_VPN_UNICAST || f == NSAP_VPN_MULTICAST || f == NSAP_VPN_UNIMULTICAST) {
            return printed(vpnClnpPrefix(at), "\n\t    (illegal prefix length)", out);
        }
        out.append("\n\t    ERROR: no AFI ").append(afi).append(" / SAFI ").append(safi).append(" decoder");
        return NO_DECODER;
    }

    /** The decoder's text on its own line, or tcpdump's complaint for an illegal length. */
    private int printed(int used, String illegal, StringBuilder out) {
        if (used == ILLEGAL && illegal != null) out.append(illegal);
        else if (used >= 0) out.append("\n\t      ").append(text);
        return used;
    }

    /** decode_prefix4: "a.b.c.d/len" in {@link #text}; {@code room} bytes left for it. */
    int prefix4(long at, long room) {
        return prefix(at, room, 32);
    }

    /** decode_prefix6: as {@link #prefix4} for IPv6. */
    int prefix6(long at, long room) {
        return prefix(at, room, 128);
    }

    private int prefix(long at, long room, int maxBits) {
        if (room < 1) return TRUNCATED;
        int bits = bytes.u8(at);
        if (bits > maxBits) return ILLEGAL;
        int n = (bits + 7) / 8;
        if (room - 1 < n) return TRUNCATED;
        bytes.copyPrefix(at + 1, bits);
        text.setLength(0);
        scratchAddress(maxBits);
        text.append('/').append(bits);
        return 1 + n;
    }

    private void scratchAddress(int maxBits) {
        if (maxBits == 32) bytes.scratchIp4(text);
        else bytes.scratchIp6(text);
    }

    /** decode_labeled_prefix4: RFC 8277 one label, then the prefix. */
    private int labeledPrefix4(int at, long room) {
        if (!bytes.has(at, 4)) return TRUNCATED;
        if (room < 4) return SHORT;
        int bits = bytes.u8(at);
        if (bits < 24) return ILLEGAL;
        bits -= 24;
        if (bits > 32) return ILLEGAL;
        int n = (bits + 7) / 8;
        if (room - 4 < n) return SHORT;
        return labeled(at, bits, 32);
    }

    /** decode_labeled_prefix6, which does not check the room for the prefix. */
    private int labeledPrefix6(int at, long room) {
        if (!bytes.has(at, 4)) return TRUNCATED;
        if (room < 4) return SHORT;
        int bits = bytes.u8(at);
        if (bits < 24) return ILLEGAL;
        bits -= 24;
        if (bits > 128) return ILLEGAL;
        return labeled(at, bits, 128);
    }

    private int labeled(int at, int bits, int maxBits) {
        bytes.copyPrefix(at + 4, bits);
        int label = bytes.u24(at + 1) >> 4;
        int bottom = bytes.u8(at + 3) & 1;
        text.setLength(0);
        scratchAddress(maxBits);
        text.append('/').append(bits).append(", label:").append(label).append(' ')
            .append(bottom == 0 ? BOGUS_BOTTOM : BOTTOM);
        return 4 + (bits + 7) / 8;
    }

    /** decode_labeled_vpn_prefix4/6: a label, a route distinguisher, the prefix. */
    private int vpnPrefix(int at, int maxBits) {
        int bits = bytes.u8(at);
        if (bits < 24 + 64) return ILLEGAL;
        bits -= 24 + 64;
        if (bits > maxBits) return ILLEGAL;
        bytes.copyPrefix(at + 12, bits);
        text.setLength(0);
        routeDistinguisher(text.append("RD: "), at + 4);
        text.append(", ");
        scratchAddress(maxBits);
        labelText(at, bits);
        return 12 + (bits + 7) / 8;
    }

    /** "/bits, label:N (bottom)" of a label at {@code at} + 1. */
    private void labelText(int at, int bits) {
        int label = bytes.u24(at + 1) >> 4;
        int bottom = bytes.u8(at + 3) & 1;
        text.append('/').append(bits).append(", label:").append(label).append(' ')
            .append(bottom == 0 ? BOGUS_BOTTOM : BOTTOM);
    }

    /** decode_clnp_prefix, which reads the prefix 3 bytes further on than it counts. */
    private int clnpPrefix(int at) {
        int bits = bytes.u8(at);
        if (bits > 152) return ILLEGAL;
        int n = (bits + 7) / 8;
        bytes.copyPrefix(at + 4, bits);
        text.setLength(0);
        bytes.scratchNsap(text, n);
        text.append('/').append(bits);
        return 1 + n;
    }

    private int vpnClnpPrefix(int at) {
        int bits = bytes.u8(at);
        if (bits < 24 + 64) return ILLEGAL;
        bits -= 24 + 64;
        if (bits > 152) return ILLEGAL;
        int n = (bits + 7) / 8;
        bytes.copyPrefix(at + 12, bits);
        text.setLength(0);
        routeDistinguisher(text.append("RD: "), at + 4);
        text.append(", ");
        bytes.scratchNsap(text, n);
        labelText(at, bits);
        return 12 + n;
    }

    /** decode_mdt_vpn_nlri: RD, VPN address and group of exactly 16 bytes. */
    private int mdt(int at) {
        if (bytes.u8(at) != 16 * 8) return ILLEGAL;
        int p = at + 1;
        if (!bytes.has(p, RD_LENGTH)) return TRUNCATED;
        bytes.need(p, 16);
        text.setLength(0);
        routeDistinguisher(text.append("RD: "), p);
        bytes.ip4(text.append(", VPN IP Address: "), p + 8);
        bytes.ip4(text.append(", MC Group Address: "), p + 12);
        return 16 + 1;
    }

    /** decode_rt_routing_info (RFC 4684), which prints as it goes. */
    private int routeTargetMembership(int at, StringBuilder out) {
        int bits = bytes.u8(at);
        if (bits == 0) {
            out.append("\n\t      default route target");
            return 1;
        }
        if (bits < 32) {
            out.append("\n\t      (illegal prefix length)");
            return ILLEGAL;
        }
        long originAs = bytes.u32(at + 1);
        bits -= 32;
        if (bits > 64) {
            out.append("\n\t      (illegal prefix length)");
            return ILLEGAL;
        }
        int n = (bits + 7) / 8;
        bytes.copyPrefix(at + 5, bits);
        asNumber(out.append("\n\t      origin AS: "), originAs, asdot);
        out.append(", ");
        routeTargetPrefix(out, bits);
        return 5 + n;
    }

    /** bgp_rt_prefix_print over the scratch buffer: the route target as far as {@code bits} reach, and its hex. */
    private void routeTargetPrefix(StringBuilder out, int bits) {
        if (bits == 0) {
            out.append("route-target: 0:0/0");
            return;
        }
        piece.setLength(0);
        int n = (bits + 7) / 8;
        for (int i = 0; i < n; i++) {
            Text.hex(piece, bytes.scratch(i), 2);
            if (i % 2 == 1 && i < n - 1) piece.append(' ');
        }
        if (bits < 16) {
            out.append("route-target: partial-type: (").append(piece).append('/').append(bits).append(')');
            return;
        }
        int type = bytes.scratch(0) << 8 | bytes.scratch(1);
        switch (type) {
            case 0x0002 -> {
                out.append("route-target: ").append(scratch16(2)).append(':');
                Text.u32(out, (long) scratch16(4) << 16 | scratch16(6));
            }
            case 0x0102 -> out.append("route-target: ").append(bytes.scratch(2)).append('.').append(bytes.scratch(3))
                .append('.').append(bytes.scratch(4)).append('.').append(bytes.scratch(5)).append(':')
                .append(scratch16(6));
            case 0x0202 -> {
                asNumber(out.append("route-target: "), (long) scratch16(2) << 16 | scratch16(4), asdot);
                out.append(':').append(scratch16(6));
            }
            default -> {
                out.append("route target: unknown-type(");
                Text.hex(out, type, 4);
                out.append(") (").append(piece).append('/').append(bits).append(')');
                return;
            }
        }
        out.append('/').append(bits).append(" (").append(piece).append(')');
    }

    private int scratch16(int i) {
        return bytes.scratch(i) << 8 | bytes.scratch(i + 1);
    }

    /** decode_multicast_vpn (RFC 6514 route types 1 to 7), written to {@link #text} and cut as tcpdump's buffer. */
    private int multicastVpn(int at) {
        int type = bytes.u8(at);
        int length = bytes.u8(at + 1);
        int p = at + 2;
        String name = BgpNames.multicastVpnRoute(type);
        text.setLength(0);
        text.append("Route-Type: ").append(name != null ? name : "Unknown").append(" (").append(type)
            .append("), length: ").append(length);
        switch (type) {
            case 1 -> {
                if (!bytes.has(p, RD_LENGTH)) return TRUNCATED;
                routeDistinguisher(text.append(", RD: "), p);
                vpnAddress(text.append(", Originator "), p + RD_LENGTH, ((length - RD_LENGTH) << 3) & 0xffffffffL);
            }
            case 2 -> {
                if (!bytes.has(p, RD_LENGTH + 4)) return TRUNCATED;
                routeDistinguisher(text.append(", RD: "), p);
                asNumber(text.append(", Source-AS "), bytes.u32(p + RD_LENGTH), asdot);
            }
            case 3 -> {
                if (!bytes.has(p, RD_LENGTH)) return TRUNCATED;
                routeDistinguisher(text.append(", RD: "), p);
                p += RD_LENGTH;
                long addressLength = (length - sourceAndGroup(p)) & 0xffffffffL;
                if (!bytes.has(p, addressLength)) return TRUNCATED;
                vpnAddress(text.append(", Originator "), p, (addressLength << 3) & 0xffffffffL);
            }
            case 5 -> {
                if (!bytes.has(p, RD_LENGTH)) return TRUNCATED;
                routeDistinguisher(text.append(", RD: "), p);
                sourceAndGroup(p + RD_LENGTH);
            }
            case 6, 7 -> {
                if (!bytes.has(p, RD_LENGTH + 4)) return TRUNCATED;
                routeDistinguisher(text.append(", RD: "), p);
                asNumber(text.append(", Source-AS "), bytes.u32(p + RD_LENGTH), asdot);
                sourceAndGroup(p + RD_LENGTH + 4);
            }
            default -> { }
        }
        if (text.length() > BUFFER - 1) text.setLength(BUFFER - 1);
        return length + 2;
    }

    /** bgp_vpn_sg_print: ", Source a, Group b" of length-prefixed addresses; the bytes it counted. */
    private int sourceAndGroup(int at) {
        int total = 0;
        int p = at;
        for (int i = 0; i < 2; i++) {
            int bits = bytes.u8(p);
            p++;
            if (!bytes.has(p, bits >> 3)) return total;
            total += (bits >> 3) + 1;
            if (bits != 0) {
                vpnAddress(text.append(i == 0 ? ", Source " : ", Group "), p, bits);
                p += bits >> 3;
            }
        }
        return total;
    }

    /** bgp_vpn_ip_print: an IPv4 or IPv6 address by its length in bits. */
    private void vpnAddress(StringBuilder out, int at, long bits) {
        if (bits == 32) bytes.ip4(out, at);
        else if (bits == 128) bytes.ip6(out, at);
        else out.append("bogus address length ").append(bits);
    }

    /**
     * decode_labeled_vpn_l2: RFC 6074 auto-discovery (12 bytes) or RFC 4761 VPLS NLRI with its TLVs, written as
     * tcpdump writes it: into a buffer that, once full, takes nothing more (nor are the TLV bytes behind it read).
     */
    private int layer2Vpn(int at) {
        int length = bytes.u16(at);
        int left = length;
        int p = at + 2;
        text.setLength(0);
        room = BUFFER;
        if (length == 12) {
            if (!bytes.has(p, 12)) return TRUNCATED;
            piece.setLength(0);
            routeDistinguisher(piece.append("RD: "), p);
            bytes.ip4(piece.append(", BGPNH: "), p + 8);
            put();
            return length + 2;
        }
        if (length <= 17) return TRUNCATED;
        if (!bytes.has(p, 15)) return TRUNCATED;
        piece.setLength(0);
        routeDistinguisher(piece.append("RD: "), p);
        piece.append(", CE-ID: ").append(bytes.u16(p + 8)).append(", Label-Block Offset: ").append(bytes.u16(p + 10))
            .append(", Label Base ").append(bytes.u24(p + 12) >> 4);
        put();
        p += 15;
        left -= 15;
        while (left != 0) {
            if (left < 3) {
                put("\n\t\tran past the end");
                return length + 2;
            }
            int type = bytes.u8(p);
            p++;
            int bits = bytes.u16(p);
            int n = (bits + 7) / 8;
            p += 2;
            if (type == 1) {
                if (room != 0) {
                    piece.setLength(0);
                    piece.append("\n\t\tcircuit status vector (").append(type).append(") length: ").append(bits)
                        .append(": 0x");
                    put();
                }
                for (; n != 0; n--, left--) {
                    if (left < 1) {
                        put(" (ran past the end)");
                        return length + 2;
                    }
                    if (!bytes.has(p, 1)) return TRUNCATED;
                    if (room != 0) {
                        piece.setLength(0);
                        Text.hex(piece, bytes.u8(p), 2);
                        p++;
                        put();
                    }
                }
            } else {
                if (room != 0) {
                    piece.setLength(0);
                    piece.append("\n\t\tunknown TLV #").append(type).append(", length: ").append(bits);
                    put();
                }
                if (left < n) {
                    put(" (ran past the end)");
                    return length + 2;
                }
                left -= n;
            }
        }
        return length + 2;
    }

    private void put(String s) {
        if (room == 0) return;
        piece.setLength(0);
        piece.append(s);
        put();
    }

    /** snprintf of {@link #piece} into what is left of the buffer, then UPDATE_BUF_BUFLEN. */
    private void put() {
        int length = piece.length();
        text.append(piece, 0, Math.min(length, room - 1));
        room = length >= room ? 0 : room - length;
    }

    /** bgp_vpn_rd_print (RFC 4364): type 0 "AS:number (= a.b.c.d)", 1 "a.b.c.d:number", 2 "AS4:number (...)". */
    void routeDistinguisher(StringBuilder out, int at) {
        routeDistinguisher(bytes, out, at, asdot);
    }

    /** As the one above, for the other printers that use tcpdump's bgp_vpn_rd_print (LSP ping). */
    static void routeDistinguisher(SnapshotBytes bytes, StringBuilder out, int at, boolean asdot) {
        int type = bytes.u16(at);
        switch (type) {
            case 0 -> {
                bytes.need(at, RD_LENGTH);
                out.append(bytes.u16(at + 2)).append(':');
                Text.u32(out, bytes.u32(at + 4));
                bytes.ip4(out.append(" (= "), at + 4);
                out.append(')');
            }
            case 1 -> {
                bytes.need(at, RD_LENGTH);
                bytes.ip4(out, at + 2);
                out.append(':').append(bytes.u16(at + 6));
            }
            case 2 -> {
                bytes.need(at, RD_LENGTH);
                asNumber(out, bytes.u32(at + 2), asdot);
                out.append(':').append(bytes.u16(at + 6)).append(" (");
                bytes.ip4(out, at + 2);
                out.append(':').append(bytes.u16(at + 6)).append(')');
            }
            default -> out.append("unknown RD format");
        }
    }

    /**
     * check_add_path: whether NLRI of {@code length} bytes (unsigned, as tcpdump's) read as RFC 7911 path
     * identifiers and prefixes, and not as plain prefixes; only the captured part is looked at.
     */
    boolean checkAddPath(long at, long length, int maxBits) {
        length &= 0xffffffffL;
        if (length < 5) return false;
        long offset = 0;
        while (offset < length) {
            offset += 4;
            if (!bytes.has(at + offset, 1)) break;
            int bits = bytes.u8(at + offset);
            if (bits > maxBits) return false;
            offset += 1 + (bits + 7) / 8;
        }
        if (offset > length) return false;
        offset = 0;
        while (offset < length) {
            if (!bytes.has(at + offset, 1)) break;
            int bits = bytes.u8(at + offset);
            if (bits < 1 || bits > maxBits) return true;
            offset += 1 + (bits + 7) / 8;
        }
        return offset > length;
    }
}
