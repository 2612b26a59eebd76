package dev.fabricscope.print;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;

/**
 * IPv4 and IPv6 as tcpdump prints them (print-ip.c, print-ip6.c): the "IP "/"IP6 " prefix, the -v
 * header summary, length problems ("truncated-ip - N bytes missing! ", "bad-len N"), later fragments
 * ("a > b: ip-proto-N"), then the transport. The snapshot end handed to the transport printers is the
 * captured end clipped to the IP length, as tcpdump clips it.
 *
 * <p>IPv6 extension headers print as tcpdump prints them ({@link Ip6ExtensionHeaders}, walked from the bytes, not
 * from the dissector's result), as do AH, ESP and IPComp over either version ({@link IpsecFormatter}). TCP and UDP
 * print addresses with their ports only when the IP header names them; after extension headers or AH, ports only.
 */
final class IpFormatter {
    private static final int IP_IN_IP = 4, IPV6_IN_IP = 41, ETHERNET_IN_IP = 143;
    /** ND, Sun's network disk: tcpdump prints its name and length. */
    private static final int ND = 77;
    static final int ICMP = 1, TCP = 6, UDP = 17, DCCP = 33, GRE = 47, ESP = 50, AH = 51, ICMPV6 = 58, NO_NEXT_HEADER = 59,
            IPCOMP = 108, SCTP = 132;
    private static final int IPV4_HEADER = 20, IPV6_HEADER = 40;
    private static final int OPT_EOL = 0, OPT_NOP = 1, OPT_RR = 7, OPT_TS = 68, OPT_SECURITY = 130,
            OPT_LSRR = 131, OPT_SSRR = 137, OPT_RA = 148, OPT_TRACEROUTE = 82;

    private final Verbosity verbosity;
    private final IpContext ctx = new IpContext();
    private final TcpFormatter tcp;
    private final UdpFormatter udp;
    private final IcmpFormatter icmp;
    private final Icmp6Formatter icmp6;
    private final Ip6ExtensionHeaders extensions;
    private final IpsecFormatter ipsec;
    private final IgmpFormatter igmp;
    private final VrrpFormatter vrrp;
    private final GreFormatter gre;
    private final OspfFormatter ospf;
    private final Ospf6Formatter ospf6;
    private final PimFormatter pim;
    private final SctpFormatter sctp;
    private final DccpFormatter dccp;
    private final RsvpFormatter rsvp;
    private final EigrpFormatter eigrp;
    private final IgrpFormatter igrp;
    private final EgpFormatter egp;
    private final MobileFormatter mobile;
    private final PgmFormatter pgm;
    /** With -T carp only. */
    private final CarpFormatter carp;
    /** tcpdump -e: the link-level header named the protocol, so no "IP "/"IP6 " (as print-ip.c and print-ip6.c). */
    private final boolean linkHeaders;
    /** -v's header checksum check (off with -K, as tcpdump's ndo_Kflag). */
    private final boolean verifyChecksums;

    private final EarlyEnd earlyEnd;
    /** Prints what IP-in-IP, IPv6-in-IP and Ethernet-in-IPv6 carry. */
    private final Encapsulated inner;

    /**
     * @param inner      prints what IP-in-IP, IPv6-in-IP and Ethernet-in-IPv6 (and UDP tunnels) carry
     * @param etherTypes what Geneve's payload gets, by its ethertype
     */
    IpFormatter(PrintSettings settings, EarlyEnd earlyEnd, Encapsulated inner, CarriedEtherType etherTypes) {
        Verbosity verbosity = settings.verbosity();
        boolean linkHeaders = settings.linkHeaders();
        PacketType forced = settings.forced();
        this.verbosity = verbosity;
        this.linkHeaders = linkHeaders;
        this.verifyChecksums = settings.verifyChecksums();
        this.extensions = new Ip6ExtensionHeaders(verbosity, earlyEnd);
        this.ipsec = new IpsecFormatter(verbosity, earlyEnd, settings.espSecrets(), this::decrypted);
        this.earlyEnd = earlyEnd;
        NfsFormatter nfs = new NfsFormatter(verbosity, settings.nfsRawHandles(), earlyEnd);   // one xid map for UDP and TCP, as tcpdump's
        this.tcp = new TcpFormatter(settings, earlyEnd, inner, nfs);
        this.udp = new UdpFormatter(settings, earlyEnd, inner, etherTypes, nfs, this::decrypted);
        this.carp = forced == PacketType.CARP ? new CarpFormatter(verbosity, earlyEnd) : null;
        this.icmp = new IcmpFormatter(verbosity, earlyEnd, inner);
        this.icmp6 = new Icmp6Formatter(verbosity, earlyEnd);
        this.igmp = new IgmpFormatter(verbosity, earlyEnd);
        this.vrrp = new VrrpFormatter(verbosity, earlyEnd);
        this.gre = new GreFormatter(verbosity, linkHeaders, inner);
        this.ospf = new OspfFormatter(verbosity, earlyEnd);
        this.ospf6 = new Ospf6Formatter(verbosity, earlyEnd);
        this.pim = new PimFormatter(verbosity, earlyEnd, inner);
        this.inner = inner;
        this.sctp = new SctpFormatter(verbosity, settings.defaultPrint(), earlyEnd);
        this.dccp = new DccpFormatter(verbosity, earlyEnd);
        this.rsvp = new RsvpFormatter(verbosity, earlyEnd);
        this.eigrp = new EigrpFormatter(verbosity, earlyEnd);
        this.igrp = new IgrpFormatter(verbosity, earlyEnd);
        this.egp = new EgpFormatter(verbosity, earlyEnd);
        this.mobile = new MobileFormatter(verbosity);
        this.pgm = new PgmFormatter(verbosity, earlyEnd,
            forced == PacketType.PGM_ZMTP1 ? new ZmtpFormatter(verbosity, earlyEnd) : null);
    }

    /** Raw IP: the version nibble chooses (tcpdump's ipN_print). */
    void ipByVersion(Packet p, int off, int length, StringBuilder out) {
        if (length < 1) {
            out.append("truncated-ip ").append(length);
            return;
        }
        if (!p.has(off, 1)) {
            earlyEnd.mark(out, "ipn");   // GET_U_1 jumps out
            return;
        }
        switch (p.u8(off) >>> 4) {
            case 4 -> ipv4(p, off, length, out);
            case 6 -> ipv6(p, off, length, out);
            default -> out.append("unknown ip ").append(p.u8(off) >>> 4);
        }
    }

    /** @param length bytes on the wire from {@code off} (the link layer's remaining length) */
    void ipv4(Packet p, int off, int length, StringBuilder out) {
        if (!p.has(off, 1)) {
            earlyEnd.mark(out, "ip");   // the version nibble is fetched
            return;
        }
        int version = p.u8(off) >>> 4;
        if (version != 4) {
            if (version == 6) out.append("IP6, wrong link-layer encapsulation");
            else out.append("IP").append(version);
            out.append(" (invalid)");
            return;
        }
        if (!linkHeaders) out.append("IP ");
        if (!p.has(off, IPV4_HEADER)) {
            out.append(" [|ip]");
            return;
        }
        if (length < IPV4_HEADER) {
            out.append("truncated-ip ").append(length);
            return;
        }
        int hlen = (p.u8(off) & 0x0f) * 4;
        if (hlen < IPV4_HEADER) {
            out.append("bad-hlen ").append(hlen);
            return;
        }
        int len = p.u16(off + 2);
        if (length < len) out.append("truncated-ip - ").append(len - length).append(" bytes missing! ");
        if (len < hlen) {
            out.append("bad-len ").append(len);
            return;
        }
        int end = (int) Math.min(p.capLen(), (long) off + len);
        int fragmentField = p.u16(off + 6);
        int fragmentOffset = (fragmentField & 0x1fff) * 8;
        int proto = p.u8(off + 9);
        ctx.v6 = false;
        ctx.headerProtocol = proto;
        ctx.srcOffset = off + 12;
        ctx.dstOffset = off + 16;
        ctx.pseudoDstOffset = off + 16;
        ctx.end = end;
        ctx.addresses = true;
        ctx.fragmented = (fragmentField & 0x2000) != 0;
        if (verbosity.verbose()) {
            boolean optionsCut = false;
            int tos = p.u8(off + 1);
            out.append("(tos 0x");
            Text.hex(out, tos);
            switch (tos & 3) {
                case 1 -> out.append(",ECT(1)");
                case 2 -> out.append(",ECT(0)");
                case 3 -> out.append(",CE");
                default -> { }
            }
            int ttl = p.u8(off + 8);
            if (ttl >= 1) out.append(", ttl ").append(ttl);
            out.append(", id ").append(p.u16(off + 4)).append(", offset ").append(fragmentOffset).append(", flags [");
            appendFragmentFlags(out, fragmentField);
            out.append("], proto ");
            appendProtocolName(out, proto);
            out.append(" (").append(proto).append("), length ").append(len);
            if (hlen > IPV4_HEADER) {
                out.append(", options (");
                int printed = options(p, off + IPV4_HEADER, hlen - IPV4_HEADER, end, out);
                optionsCut = printed == OPTION_CUT;
                if (printed == OPTION_FETCH_FAILED) {   // tcpdump's fetch jumps out of the printer
                    earlyEnd.mark(out, "ip");
                    return;
                }
                // a length check failed: tcpdump says so, ends the header's fields as usual, then stops after the addresses
                if (printed == OPTION_CUT) out.append(" [truncated-option]");
                out.append(')');
            }
            if (verifyChecksums && off + hlen <= end) {
                long sum = InternetChecksum.add(0, p, off, hlen);
                if (!InternetChecksum.verifies(sum)) {
                    out.append(", bad cksum ");
                    ChecksumText.correction(out, p.u16(off + 10), sum);
                }
            }
            out.append(")\n    ");
            if (optionsCut) {
                ctx.appendAddresses(out, p);
                out.append("  [|ip]");
                return;
            }
        }
        if (hlen > IPV4_HEADER && off + hlen <= end) ctx.pseudoDstOffset = finalDestination(p, off, hlen);
        if (fragmentOffset != 0) {
            ctx.appendAddresses(out, p);
            out.append(" ip-proto-").append(proto);
            return;
        }
        if (proto != TCP && proto != UDP && proto != SCTP && proto != DCCP) {
            ctx.appendAddresses(out, p);
            out.append(' ');
        }
        if (off + hlen > end) {
            earlyEnd.mark();   // tcpdump jumps out after this line (nd_trunc_longjmp)
            out.append(" [remaining caplen(").append(Math.max(0, end - off)).append(") < header length(")
                    .append(hlen).append(")] [|ip]");
            return;
        }
        transport(p, proto, off + hlen, len - hlen, false, proto, out);
    }

    /**
     * {@code length}: tcpdump's u_int, which an Ethernet frame carried in an IPv6 jumbogram hands on past 2^31 to an
     * IPv6 packet with a jumbo payload option of its own.
     */
    void ipv6(Packet p, int off, int length, StringBuilder out) {
        if (!p.has(off, IPV6_HEADER)) {
            out.append(" [|ip6]");
            return;
        }
        long wire = Integer.toUnsignedLong(length);
        if (wire < IPV6_HEADER) {
            out.append("truncated-ip6 ").append(wire);
            return;
        }
        if (!linkHeaders) out.append("IP6 ");
        int version = p.u8(off) >>> 4;
        if (version != 6) {
            out.append("version error: ").append(version).append(" != 6");
            return;
        }
        int payloadLength = p.u16(off + 4);
        long len;
        if (payloadLength != 0) {
            len = payloadLength + IPV6_HEADER;
            if (wire < len) out.append("truncated-ip6 - ").append(len - wire).append(" bytes missing!");
        } else {
            // tcpdump's provisional length while it looks for a jumbogram option, a u_int that wraps
            len = (wire + IPV6_HEADER) & 0xffffffffL;
        }
        int nh = p.u8(off + 6);
        if (verbosity.verbose()) {
            long flow = p.u32(off);
            out.append('(');
            if ((flow & 0x0ff00000L) != 0) {
                out.append("class 0x");
                Text.hex(out, (flow & 0x0ff00000L) >>> 20, 2);
                out.append(", ");
            }
            if ((flow & 0x000fffffL) != 0) {
                out.append("flowlabel 0x");
                Text.hex(out, flow & 0x000fffffL, 5);
                out.append(", ");
            }
            out.append("hlim ").append(p.u8(off + 7)).append(", next-header ");
            appendProtocolName(out, nh);
            out.append(" (").append(nh).append(") payload length: ").append(payloadLength).append(") ");
        }
        ctx.v6 = true;
        ctx.headerProtocol = nh;
        ctx.srcOffset = off + 8;
        ctx.dstOffset = off + 24;
        ctx.pseudoDstOffset = off + 24;
        ctx.end = (int) Math.min(p.capLen(), off + len);
        if (!extensions.print(p, ctx, off, length, len, out)) return;
        transport(p, extensions.protocol, extensions.offset, extensions.length, true, nh, out);
    }

    /**
     * tcpdump's ip_demux_print: AH headers, then the protocol they protect.
     *
     * @param headerProtocol the protocol the IP header names: TCP and UDP print addresses only when it is theirs
     */
    private void transport(Packet p, int proto, int off, long length, boolean v6, int headerProtocol,
                           StringBuilder out) {
        while (proto == AH) {
            int advance = ipsec.ah(p, off, ctx.end, out);
            if (advance < 0) return;
            proto = ipsec.nextHeader;
            off += advance;
            length = (length - advance) & 0xffffffffL;   // tcpdump's unsigned arithmetic
        }
        ctx.addresses = proto == headerProtocol;
        int len = (int) length;
        // past 2^31 (an IPv6 jumbogram's) TCP, UDP, ICMPv6, GRE, OSPFv3, PIM, EGP, VRRP, CARP, RSVP, IGRP, EIGRP,
        // PGM and the carried packets (Encapsulated clamps IPv4's) take it unsigned as tcpdump's u_int; the others get
        // the int clamped to 2^31-1 (they took a negative one: IPv4 in IPv6 said "truncated-ip -1073741832", mobile
        // gave up)
        int clamped = UnsignedLength.clamped(len);
        switch (proto) {
            case TCP -> tcp.format(p, ctx, off, len, out);
            case UDP -> udp.format(p, ctx, off, len, out);
            case ICMP -> {
                if (v6) out.append("[ICMP requires IPv4] (invalid)");
                else icmp.icmp(p, ctx, off, len, out);
            }
            case ICMPV6 -> {
                if (v6) icmp6.icmp6(p, ctx, off, len, out);
                else out.append("[ICMPv6 requires IPv6] (invalid)");
            }
            case ESP -> ipsec.esp(p, ctx, off, length, ctx.end, out);
            case IPCOMP -> ipsec.ipcomp(p, off, ctx.end, out);
            case NO_NEXT_HEADER -> out.append("no next header");
            case IgmpFormatter.PROTOCOL -> {
                if (v6) out.append("[IGMP requires IPv4] (invalid)");
                else igmp.format(p, off, clamped, ctx.end, out);
            }
            case VrrpFormatter.PROTOCOL -> {   // CARP shares VRRP's protocol number: -T carp tells them apart
                if (carp != null) carp.format(p, ctx, off, len, out);
                else vrrp.format(p, ctx, off, len, out);
            }
            case GRE -> gre.format(p, off, len, ctx.end, out);
            case MobileFormatter.PROTOCOL -> mobile.format(p, off, clamped, ctx.end, out);
            case OspfFormatter.PROTOCOL -> {
                if (v6) ospf6.format(p, off, len, ctx.end, out);
                else ospf.format(p, off, clamped, ctx.end, out);
            }
            case PimFormatter.PROTOCOL -> pim.format(p, ctx, off, len, out);
            case IP_IN_IP -> carried(p, off, len, LinkType.IPV4, out);
            case IPV6_IN_IP -> carried(p, off, len, LinkType.IPV6, out);
            case ETHERNET_IN_IP -> {
                if (v6) carried(p, off, len, LinkType.EN10MB, out);
                else out.append("[Ethernet requires IPv6] (invalid)");
            }
            case SCTP -> sctp.format(p, ctx, off, length, out);
            case DCCP -> dccp.format(p, ctx, off, length, out);
            case RsvpFormatter.PROTOCOL -> rsvp.format(p, off, len, ctx.end, out);
            case IgrpFormatter.PROTOCOL -> igrp.format(p, off, len, ctx.end, out);
            case EigrpFormatter.PROTOCOL -> eigrp.format(p, off, len, ctx.end, out);
            case EgpFormatter.PROTOCOL -> egp.format(p, off, len, ctx.end, out);
            case PgmFormatter.PROTOCOL -> pgm.format(p, ctx, off, len, ctx.addresses, out);
            case ND -> out.append(" nd ").append(length);
            default -> out.append(" ip-proto-").append(proto).append(' ').append(length);
        }
    }

    /**
     * What ESP decrypted (-E), in {@code plain} whose bytes before {@code off} are the outer packet's: tcpdump's
     * ip_demux_print with the outer IP header, so addresses print as after any header that is not the transport.
     */
    private void decrypted(Packet plain, int nextHeader, int off, int length, StringBuilder out) {
        ctx.end = off + length;
        transport(plain, nextHeader, off, length, ctx.v6, ctx.headerProtocol, out);
    }

    /** The packet an IP tunnel carries, printed like any (tcpdump's ip_print / ip6_print / ether_print on it). */
    private void carried(Packet p, int off, int length, int linkType, StringBuilder out) {
        if (!inner.print(p, off, length, Math.max(0, ctx.end - off), linkType, out)) out.append(" [|ip]");
    }

    /** tcpdump's "+" (more fragments), "DF", "rsvd" list, or "none". */
    private static void appendFragmentFlags(StringBuilder out, int field) {
        int n = 0;
        if ((field & 0x2000) != 0) { out.append('+'); n++; }
        if ((field & 0x4000) != 0) { out.append(n++ > 0 ? ", DF" : "DF"); }
        if ((field & 0x8000) != 0) { out.append(n++ > 0 ? ", rsvd" : "rsvd"); }
        if (n == 0) out.append("none");
    }

    /** IPv4 options as tcpdump -v lists them; false when they run past the capture. */
    /**
     * tcpdump's ip_optprint: {@link #OPTION_PRINTED}, {@link #OPTION_CUT} (an option's length check failed) or
     * {@link #OPTION_FETCH_FAILED} (a code or length byte is not captured).
     */
    private static int options(Packet p, int off, int length, int end, StringBuilder out) {
        String sep = "";
        int cp = off;
        while (length > 0) {
            out.append(sep);
            sep = ",";
            if (cp >= end) return OPTION_FETCH_FAILED;
            int code = p.u8(cp);
            appendOptionName(out, code);
            int optionLength;
            if (code == OPT_NOP || code == OPT_EOL) {
                optionLength = 1;
            } else {
                if (cp + 1 >= end) return OPTION_FETCH_FAILED;
                optionLength = p.u8(cp + 1);
                if (optionLength < 2) {
                    out.append(" [bad length ").append(optionLength).append(']');
                    return OPTION_PRINTED;
                }
            }
            if (optionLength > length) {
                out.append(" [bad length ").append(optionLength).append(']');
                return OPTION_PRINTED;
            }
            if (cp + optionLength > end) return OPTION_CUT;
            switch (code) {
                case OPT_EOL -> { return OPTION_PRINTED; }
                case OPT_TS -> {
                    if (!timestamps(p, cp, optionLength, end, out)) return OPTION_CUT;
                }
                case OPT_RR, OPT_SSRR, OPT_LSRR -> {
                    if (!route(p, cp, optionLength, end, out)) return OPTION_CUT;
                }
                case OPT_RA -> {
                    if (optionLength < 4) out.append(" [bad length ").append(optionLength).append(']');
                    else if (p.u16(cp + 2) != 0) out.append(" value ").append(p.u16(cp + 2));
                }
                default -> { }  // as tcpdump: security's contents are not detailed
            }
            cp += optionLength;
            length -= optionLength;
        }
        return OPTION_PRINTED;
    }

    private static final int OPTION_PRINTED = 0, OPTION_CUT = 1, OPTION_FETCH_FAILED = 2;

    /**
     * tcpdump's ip_printroute: the addresses of a record or source route, "," after those already passed; false when
     * an address runs past the capture (tcpdump reads whole addresses, past an option length that is not 3 + 4n).
     */
    private static boolean route(Packet p, int cp, int length, int end, StringBuilder out) {
        if (length < 3) {
            out.append(" [bad length ").append(length).append(']');
            return true;
        }
        if (((length + 1) & 3) != 0) out.append(" [bad length ").append(length).append(']');
        int ptr = p.u8(cp + 2) - 1;
        if (ptr < 3 || ((ptr + 1) & 3) != 0 || ptr > length + 1) out.append(" [bad ptr ").append(p.u8(cp + 2)).append(']');
        for (int len = 3; len < length; len += 4) {
            if (cp + len + 4 > end) return false;
            out.append(' ');
            Text.ipv4(out, p, cp + len);
            if (ptr > len || ptr < 0) out.append(',');   // pointer 0: tcpdump's unsigned ptr is past every address
        }
        return true;
    }

    private static final int TS_ONLY = 0, TS_AND_ADDRESS = 1, TS_PRESPECIFIED = 3;

    /**
     * tcpdump's ip_printts: " TS{" the flag ("TSONLY", "TS+ADDR", "PRESPEC"), each time (after its address unless
     * TSONLY), " ^ " where the pointer is, and the overflow count; false when an entry runs past the capture
     * (tcpdump reads whole entries, past an option length that is not a multiple of one).
     */
    private static boolean timestamps(Packet p, int cp, int length, int end, StringBuilder out) {
        if (length < 4) {
            out.append("[bad length ").append(length).append(']');
            return true;
        }
        out.append(" TS{");
        int flags = p.u8(cp + 3);
        int hoplen = (flags & 0xf) != TS_ONLY ? 8 : 4;
        if (((length - 4) & (hoplen - 1)) != 0) out.append("[bad length ").append(length).append(']');
        int ptr = p.u8(cp + 2) - 1;   // -1 for 0: tcpdump's unsigned value matches no entry either
        if (ptr < 4 || ((ptr - 4) & (hoplen - 1)) != 0 || ptr > length + 1) {
            out.append("[bad ptr ").append(p.u8(cp + 2)).append(']');
        }
        int len = 0;
        switch (flags & 0xf) {
            case TS_ONLY -> out.append("TSONLY");
            case TS_AND_ADDRESS -> out.append("TS+ADDR");
            case TS_PRESPECIFIED -> out.append("PRESPEC");
            default -> out.append("[bad ts type ").append(flags & 0xf).append(']');
        }
        int type = flags & 0xf;
        if (type == TS_ONLY || type == TS_AND_ADDRESS || type == TS_PRESPECIFIED) {
            for (len = 4; len < length; len += hoplen) {
                if (cp + len + hoplen > end) return false;
                out.append(ptr == len ? " ^ " : " ").append(p.u32(cp + len + hoplen - 4)).append('@');
                if (hoplen == 8) Text.ipv4(out, p, cp + len);
            }
        }
        if (ptr == len) out.append(" ^ ");
        if ((flags >>> 4) != 0) out.append(" [").append(flags >>> 4).append(" hops not recorded]} ");
        else out.append('}');
        return true;
    }

    /** The pseudo-header destination: the last hop of a loose/strict source route, else the IP destination. */
    private static int finalDestination(Packet p, int off, int hlen) {
        int cp = off + IPV4_HEADER;
        int length = hlen - IPV4_HEADER;
        while (length > 0) {
            int type = p.u8(cp);
            if (type == OPT_EOL) break;
            int len;
            if (type == OPT_NOP) {
                len = 1;
            } else {
                if (length < 2) break;
                len = p.u8(cp + 1);
                if (len < 2) break;
            }
            if (length < len) break;
            if ((type == OPT_SSRR || type == OPT_LSRR) && len >= 7) return cp + len - 4;
            cp += len;
            length -= len;
        }
        return off + 16;
    }

    private static void appendOptionName(StringBuilder out, int code) {
        switch (code) {
            case OPT_EOL -> out.append("EOL");
            case OPT_NOP -> out.append("NOP");
            case OPT_TS -> out.append("timestamp");
            case OPT_SECURITY -> out.append("security");
            case OPT_RR -> out.append("RR");
            case OPT_SSRR -> out.append("SSRR");
            case OPT_LSRR -> out.append("LSRR");
            case OPT_RA -> out.append("RA");
            case OPT_TRACEROUTE -> out.append("traceroute");
            default -> out.append("unknown ").append(code);
        }
    }

    /** IANA protocol names as tcpdump's table spells them, "unknown" otherwise. */
    static void appendProtocolName(StringBuilder out, int proto) {
        out.append(switch (proto) {
            case 0 -> "Options";
            case 1 -> "ICMP";
            case 2 -> "IGMP";
            case 4 -> "IPIP";
            case 6 -> "TCP";
            case 8 -> "EGP";
            case 9 -> "IGRP";
            case 17 -> "UDP";
            case 33 -> "DCCP";
            case 41 -> "IPv6";
            case 43 -> "Routing";
            case 44 -> "Fragment";
            case 46 -> "RSVP";
            case 47 -> "GRE";
            case 50 -> "ESP";
            case 51 -> "AH";
            case 55 -> "Mobile IP";
            case 58 -> "ICMPv6";
            case 62 -> "Mobile IP (old)";
            case 88 -> "EIGRP";
            case 89 -> "OSPF";
            case 103 -> "PIM";
            case 108 -> "Compressed IP";
            case 112 -> "VRRP";
            case 113 -> "PGM";
            case 132 -> "SCTP";
            case 135 -> "Mobility";
            case 143 -> "Ethernet";
            default -> "unknown";
        });
    }
}
