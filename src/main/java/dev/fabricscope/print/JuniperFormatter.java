package dev.fabricscope.print;

import static dev.fabricscope.dissect.JuniperHeader.FLAG_EXTENSIONS;
import static dev.fabricscope.dissect.JuniperHeader.FLAG_IN;
import static dev.fabricscope.dissect.JuniperHeader.FLAG_NO_L2;
import static dev.fabricscope.dissect.JuniperHeader.MAGIC;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;

/**
 * The pseudo-header Junos puts before every packet it captures ({@code monitor traffic ... write-file}), as tcpdump's
 * juniper_parse_header prints it: the magic "MGC", the flags byte (direction, no-L2, extensions), with -vv the flags
 * and the extension TLVs (interface index, media type, encapsulation, ...), a packet without its layer 2 header
 * guessed as IPv4/IPv6 by its first byte; then for the PIC link types their cookie. After the header it prints the
 * PICs' IP packets, and the multilink bundles' packets by the protocol their cookie or header gives; Ethernet, PPP
 * and Cisco HDLC frames are the caller's ({@link PacketPrinter}), as are JUNIPER_FRELAY's Frame Relay frames and
 * the FRF.16 frames of JUNIPER_MFR's child links. Allocates nothing.
 */
final class JuniperFormatter {
    /** {@link #header}'s answer when it printed all tcpdump prints of the packet. */
    static final int STOP = -1;

    private static final int TLV_OVERHEAD = 2;
    private static final int LS_COOKIE_ID = 0x54, AS_COOKIE_ID = 0x47;
    /** The LSQ protocol codes of an AS cookie's byte 5 (the mask's 0x100 bit is beyond a byte). */
    private static final int LSQ_PROTO_MASK = 0x70, LSQ_IPV4 = 0x00, LSQ_IPV6 = 0x10, LSQ_MPLS = 0x20, LSQ_ISO = 0x30;
    private static final int LSQ_COOKIE_RE_DIR = 0x0c, PPP_OSI = 0x0023, PPP_ADDRESS_CONTROL = 0xff03;
    /** A first byte with FRF.16's B and E bits: an MFR child link's frame, without a cookie. */
    private static final int MFR_BE_MASK = 0xc0, LLC_SAP_ISONS = 0xfe;
    private static final int ATM2_PKT_TYPE_MASK = 0x70, ATM2_GAP_COUNT_MASK = 0x3f, ATM1_OAM = 0x80;
    private static final int LLC_UI = 0x03, NLPID_Q933 = 0x08, NLPID_IP = 0xcc, NLPID_IP6 = 0x8e;
    private static final int TLV_IFD_NAME = 2, TLV_IFD_MEDIATYPE = 3, TLV_IFL_ENCAPS = 6, TLV_TTP_IFD_MEDIATYPE = 7,
        TLV_TTP_IFL_ENCAPS = 8;
    /** jnx_flag_values, in tcpdump's order. */
    private static final int[] FLAG_BITS = {0x80, 0x40, 0x04, 0x02, 0x01};
    private static final String[] FLAG_NAMES = {"Ext", "Filter", "IIF", "no-L2", "In"};

    private final Verbosity verbosity;
    private final boolean linkHeaders;
    private final EarlyEnd earlyEnd;
    private final IpFormatter ip;
    private final PppFormatter ppp;
    private final MplsFormatter mpls;
    private final OsiFormatter osi;
    /** What tcpdump counts as the link-level header of the last packet (l2info.header_len; for -x). */
    private int headerLength;
    private int cookieLength;
    /** Where the last packet's cookie is, and its kind (LS_COOKIE_ID, AS_COOKIE_ID or 0) and bundle. */
    private Packet cookieBytes;
    private int cookieAt;
    private int cookieType;
    private int bundle;
    /** The last packet's direction flag. */
    private boolean directionIn;
    /** JUNIPER_ATM2's skipped control word: 4 bytes of header tcpdump leaves in the payload's length. */
    private int controlWord;
    /** The 2 bytes after a PIC's cookie (l2info.proto), 0 without a cookie. */
    private int proto;

    JuniperFormatter(Verbosity verbosity, boolean linkHeaders, EarlyEnd earlyEnd, IpFormatter ip, PppFormatter ppp,
                     MplsFormatter mpls, OsiFormatter osi) {
        this.verbosity = verbosity;
        this.linkHeaders = linkHeaders;
        this.earlyEnd = earlyEnd;
        this.ip = ip;
        this.ppp = ppp;
        this.mpls = mpls;
        this.osi = osi;
    }

    /** tcpdump's l2info.header_len for the last packet: the bytes -x leaves out (before what the payload adds). */
    int headerLength() {
        return headerLength;
    }

    /**
     * Prints the pseudo-header of {@code p}, a packet of one of the Juniper link types, with its PIC cookie where the
     * type has one, and answers where the link type's payload starts, or {@link #STOP}.
     */
    int header(Packet p, int linkType, StringBuilder out) {
        String protocol = protocol(linkType);
        headerLength = 0;
        cookieLength = 0;
        proto = 0;
        controlWord = 0;
        cookieType = 0;
        bundle = 0;
        int length = p.origLen();
        if (!p.has(0, 4)) {
            earlyEnd.mark(out, protocol);
            return STOP;
        }
        int flags = p.u8(3);
        directionIn = (flags & FLAG_IN) != 0;
        if (p.u24(0) != MAGIC) {
            out.append("no magic-number found!");
            return STOP;
        }
        boolean veryVerbose = verbosity.veryVerbose();
        if (linkHeaders) out.append((flags & FLAG_IN) != 0 ? " In " : "Out ");
        int jnx = 4;
        if (veryVerbose) {
            out.append("\n\tJuniper PCAP Flags [");
            flags(flags, out);
            out.append(']');
        }
        if ((flags & FLAG_EXTENSIONS) != 0) {
            if (!p.has(jnx, 2)) {
                earlyEnd.mark(out, protocol);
                return STOP;
            }
            int extensions = p.u16(jnx);
            int at = jnx + 2;
            jnx = at + extensions;
            if (veryVerbose) out.append(", PCAP Extension(s) total length ").append(extensions);
            if (!p.has(at, extensions)) {
                earlyEnd.mark(out, protocol);
                return STOP;
            }
            while (extensions > TLV_OVERHEAD) {
                int type = p.u8(at), tlvLength = p.u8(at + 1);
                at += TLV_OVERHEAD;
                if (type == 0 || tlvLength == 0) break;
                if (extensions < tlvLength + TLV_OVERHEAD) {
                    out.append(" [extension_length ").append(extensions).append(" < ")
                        .append(tlvLength + TLV_OVERHEAD).append("] (invalid)");
                    return STOP;
                }
                if (veryVerbose) tlv(p, at, type, tlvLength, out);
                at += tlvLength;
                extensions -= tlvLength + TLV_OVERHEAD;
            }
            if (veryVerbose) out.append("\n\t-----original packet-----\n\t");
        }
        if ((flags & FLAG_NO_L2) != 0) {
            // no layer 2 header: 4 more bytes, then tcpdump guesses IPv4/IPv6 from the first byte
            if (linkHeaders) out.append("no-L2-hdr, ");
            if (!p.has(jnx + 4, 1)) {
                earlyEnd.mark(out, protocol);
                return STOP;
            }
            if (!ipHeuristic(p, jnx + 4, length - (jnx + 4), out)) out.append("no IP-hdr found!");
            headerLength = jnx + 4;
            return STOP;
        }
        headerLength = jnx;
        int tableLength = cookieLength(linkType);
        if (tableLength >= 0) {
            // a PIC's link type: a cookie (its length from the table, or a Link Services/Adaptive Services one)
            if (!p.has(jnx, 1)) {
                earlyEnd.mark(out, protocol);
                return STOP;
            }
            int first = p.u8(jnx);
            int cookie = first == LS_COOKIE_ID ? tableLength + 2 : first == AS_COOKIE_ID ? 8 : tableLength;
            if (linkType == LinkType.JUNIPER_MFR && (first & MFR_BE_MASK) == MFR_BE_MASK) cookie = 0;   // a child link
            headerLength += cookie;
            if (linkHeaders) out.append(picName(linkType)).append("-PIC, cookie-len ").append(cookie);
            if (cookie > 8) {
                out.append(" (invalid)");
                return STOP;
            }
            if (cookie > 0) {
                if (!p.has(jnx, cookie)) {
                    earlyEnd.mark(out, protocol);
                    return STOP;
                }
                if (linkHeaders) {
                    out.append(", cookie 0x");
                    for (int i = 0; i < cookie; i++) Text.hex(out, p.u8(jnx + i), 2);
                }
            }
            if (linkHeaders) out.append(": ");
            if (!p.has(jnx + cookie, 2)) {
                earlyEnd.mark(out, protocol);
                return STOP;
            }
            cookieLength = cookie;
            cookieBytes = p;
            cookieAt = jnx;
            proto = p.u16(jnx + cookie);
            cookieType = first == LS_COOKIE_ID || first == AS_COOKIE_ID ? first : 0;
            if (linkType == LinkType.JUNIPER_MLPPP || linkType == LinkType.JUNIPER_MLFR
                || linkType == LinkType.JUNIPER_MFR) {
                multilink(linkType);
            }
            if (linkType == LinkType.JUNIPER_ATM2) {
                // a cell relay control word (its known forms are skipped) before an OAM cell
                if (!p.has(jnx + cookie, 4)) {
                    earlyEnd.mark(out, protocol);
                    return STOP;
                }
                if ((cookie(7) & ATM2_PKT_TYPE_MASK) != 0) {
                    long word = p.u32(jnx + cookie);
                    if (word == 0 || word == 0x0800_0000L || word == 0x0838_0000L) controlWord = 4;
                    headerLength += controlWord;
                    if (linkHeaders) {
                        out.append("control-word 0x");
                        Text.hex(out, word, 8);
                        out.append(' ');
                    }
                }
            }
        }
        if (linkHeaders) {
            out.append("hlen ").append(headerLength).append(", proto 0x");
            Text.hex(out, proto, 4);
            out.append(", ");
        }
        return headerLength;
    }

    /**
     * The multilink types' bundle and protocol: an AS cookie holds both (an LSQ protocol code), an LS cookie's second
     * byte is the bundle, else its first; MLFR has the 2 protocol bytes in its header unless the cookie is an AS one,
     * MFR only after an LS cookie.
     */
    private void multilink(int linkType) {
        if (cookieType == AS_COOKIE_ID) {
            bundle = (cookie(6) << 8 | cookie(7)) >>> 3 & 0xfff;
            proto = cookie(5) & LSQ_PROTO_MASK;
            return;
        }
        bundle = cookie(cookieType == LS_COOKIE_ID ? 1 : 0);
        if (linkType == LinkType.JUNIPER_MLFR || linkType == LinkType.JUNIPER_MFR && cookieType == LS_COOKIE_ID) {
            headerLength += 2;
        }
    }

    /** Byte {@code i} of the last packet's cookie, as tcpdump's zeroed 8-byte copy of it holds it. */
    private int cookie(int i) {
        return i < cookieLength ? cookieBytes.u8(cookieAt + i) : 0;
    }

    /** The PIC cookie table's length for the link type (juniper_cookie_table), -1 for those without a cookie. */
    private static int cookieLength(int linkType) {
        return switch (linkType) {
            case LinkType.JUNIPER_GGSN, LinkType.JUNIPER_MONITOR, LinkType.JUNIPER_SERVICES -> 8;
            case LinkType.JUNIPER_PPPOE, LinkType.JUNIPER_ES -> 0;
            case LinkType.JUNIPER_MLPPP, LinkType.JUNIPER_MLFR -> 2;
            case LinkType.JUNIPER_MFR, LinkType.JUNIPER_ATM1 -> 4;
            case LinkType.JUNIPER_ATM2 -> 8;
            default -> -1;
        };
    }

    /** The PIC's name in the table. */
    private static String picName(int linkType) {
        return switch (linkType) {
            case LinkType.JUNIPER_GGSN -> "GGSN";
            case LinkType.JUNIPER_MONITOR -> "MONITOR";
            case LinkType.JUNIPER_SERVICES -> "AS";
            case LinkType.JUNIPER_PPPOE -> "PPPoE";
            case LinkType.JUNIPER_MLPPP -> "MLPPP";
            case LinkType.JUNIPER_MLFR -> "MLFR";
            case LinkType.JUNIPER_MFR -> "MFR";
            case LinkType.JUNIPER_ATM1 -> "ATM1";
            case LinkType.JUNIPER_ATM2 -> "ATM2";
            default -> "ES";
        };
    }

    /** bittok2str of jnx_flag_values: the set flags' names joined by ", ", "none" for none. */
    private static void flags(int flags, StringBuilder out) {
        int start = out.length();
        for (int i = 0; i < FLAG_BITS.length; i++) {
            if ((flags & FLAG_BITS[i]) == 0) continue;
            if (out.length() > start) out.append(", ");
            out.append(FLAG_NAMES[i]);
        }
        if (out.length() == start) out.append("none");
    }

    /** One extension TLV as tcpdump -vv prints it; its value (1 to 4 bytes) only when it reads as other than -1. */
    private static void tlv(Packet p, int at, int type, int length, StringBuilder out) {
        String name = tlvName(type);
        out.append("\n\t  ").append(name == null ? "Unknown" : name).append(" Extension TLV #").append(type)
            .append(", length ").append(length).append(", value ");
        if (type == TLV_IFD_NAME || length > 4) return;   // tcpdump 4.99 prints no value for the name
        long value = 0;   // TLV types below 128 are little-endian, the others big-endian
        for (int i = 0; i < length; i++) {
            int b = p.u8(at + i);
            value = type < 128 ? value | (long) b << (8 * i) : value << 8 | b;
        }
        if (value == 0xffff_ffffL) return;   // tcpdump's "no value" (-1)
        String named = switch (type) {
            case TLV_IFD_MEDIATYPE, TLV_TTP_IFD_MEDIATYPE -> JuniperNames.mediaType((int) value);
            case TLV_IFL_ENCAPS, TLV_TTP_IFL_ENCAPS -> JuniperNames.encapsulation((int) value);
            default -> null;
        };
        if (type == TLV_IFD_MEDIATYPE || type == TLV_TTP_IFD_MEDIATYPE || type == TLV_IFL_ENCAPS
                || type == TLV_TTP_IFL_ENCAPS) {
            out.append(named == null ? "Unknown" : named).append(" (").append(value).append(')');
        } else {
            out.append(value);
        }
    }

    /** jnx_ext_tlv_values. */
    private static String tlvName(int type) {
        return switch (type) {
            case 1 -> "Device Interface Index";
            case 2 -> "Device Interface Name";
            case 3 -> "Device Media Type";
            case 4 -> "Logical Interface Index";
            case 5 -> "Logical Unit Number";
            case 6 -> "Logical Interface Encapsulation";
            case 7 -> "TTP derived Device Media Type";
            case 8 -> "TTP derived Logical Interface Encapsulation";
            default -> null;
        };
    }

    /**
     * tcpdump's ip_heuristic_guess: a first byte 0x45-0x4f is IPv4, 0x60-0x6f IPv6 (printed as such); false for
     * others, with nothing printed. The byte at {@code off} is captured.
     */
    boolean ipHeuristic(Packet p, int off, int length, StringBuilder out) {
        int first = p.u8(off);
        if (first >= 0x45 && first <= 0x4f) ip.ipv4(p, off, length, out);
        else if (first >= 0x60 && first <= 0x6f) ip.ipv6(p, off, length, out);
        else return false;
        return true;
    }

    /**
     * What follows the header (at {@code at}, {@code length} bytes on the wire) on the PIC link types that carry IP:
     * tcpdump's juniper_es_if_print, juniper_ggsn_if_print, juniper_services_if_print and juniper_monitor_if_print.
     */
    void picPayload(Packet p, int linkType, int at, int length, StringBuilder out) {
        switch (linkType) {
            case LinkType.JUNIPER_ES -> encryptionServices(p, at, length, out);
            case LinkType.JUNIPER_GGSN -> {
                int cookie = at - cookieLength;   // 8 bytes: service, flags, protocol, flags, VLAN, reserved
                int protocol = p.u8(cookie + 2);
                if (linkHeaders) {
                    out.append("proto ").append(switch (protocol) {
                        case GGSN_NULL -> "Null";
                        case GGSN_IPV4 -> "IPv4";
                        case GGSN_IPV6 -> "IPv6";
                        default -> "Unknown";
                    }).append(" (").append(protocol).append("), vlan ").append(p.u16(cookie + 4)).append(": ");
                }
                if (protocol == GGSN_IPV4) ip.ipv4(p, at, length, out);
                else if (protocol == GGSN_IPV6) ip.ipv6(p, at, length, out);
                else if (!linkHeaders) out.append("unknown GGSN proto (").append(protocol).append(')');
            }
            case LinkType.JUNIPER_SERVICES, LinkType.JUNIPER_MONITOR -> {
                // an 8-byte header tcpdump reads for -e, then guesses IP from the same first byte (sic)
                if (!p.has(at, 8)) {
                    earlyEnd.mark(out, protocol(linkType));
                    return;
                }
                if (linkHeaders && linkType == LinkType.JUNIPER_SERVICES) {
                    out.append("service-id ").append(p.u8(at)).append(" flags 0x");
                    Text.hex(out, p.u8(at + 1), 2);
                    out.append(" service-set-id 0x");
                    Text.hex(out, p.u16(at + 2), 4);
                    out.append(" iif ").append(p.u24(at + 5)).append(": ");
                } else if (linkHeaders) {
                    out.append("service-id ").append(p.u32(at + 4)).append(", iif ").append(p.u16(at + 2))
                        .append(", pkt-type ").append(p.u8(at)).append(": ");
                }
                ipHeuristic(p, at, length, out);
            }
            default -> { }
        }
    }

    /**
     * JUNIPER_MLPPP's payload as tcpdump's juniper_mlppp_if_print: -e's bundle (unless the cookie looks like a PPP
     * header), an LSQ protocol (IPv4, IPv6, MPLS, OSI; PPP for IPv4 to the routing engine), else a PPP frame, from
     * the cookie on when the cookie is PPP's OSI protocol.
     */
    void multilinkPpp(Packet p, int at, int length, StringBuilder out) {
        int start = cookie(0) << 8 | cookie(1);
        if (linkHeaders && start != PPP_OSI && start != PPP_ADDRESS_CONTROL) {
            out.append("Bundle-ID ").append(bundle).append(": ");
        }
        switch (proto) {
            case LSQ_IPV4 -> {
                if (cookie(4) == LSQ_COOKIE_RE_DIR) ppp.format(p, at, length, out);
                else ip.ipv4(p, at, length, out);
            }
            case LSQ_IPV6 -> ip.ipv6(p, at, length, out);
            case LSQ_MPLS -> mpls.format(p, at, length, out);
            case LSQ_ISO -> osi.format(p, at, length, out);
            default -> {
                if (start == PPP_OSI) ppp.format(p, at - 2, length + 2, out);
                else ppp.format(p, at, length, out);
            }
        }
    }

    /**
     * JUNIPER_MLFR's payload as tcpdump's juniper_mlfr_if_print: -e's bundle (unless the cookie is 1), then by the
     * protocol bytes an OSI PDU (after UI, or from the NLPID of Q.933, IPv4 or IPv6 after UI), else "unknown protocol".
     */
    void multilinkFrameRelay(Packet p, int at, int length, StringBuilder out) {
        if (linkHeaders && (cookie(0) << 24 | cookie(1) << 16 | cookie(2) << 8 | cookie(3)) != 1) {
            out.append("Bundle-ID ").append(bundle).append(", ");
        }
        switch (proto) {
            case LLC_UI, LLC_UI << 8 -> osi.format(p, at, length, out);
            case LLC_UI << 8 | NLPID_Q933, LLC_UI << 8 | NLPID_IP, LLC_UI << 8 | NLPID_IP6 ->
                osi.format(p, at - 1, length + 1, out);
            default -> {
                out.append("unknown protocol 0x");
                Text.hex(out, proto, 4);
                out.append(", length ").append(length);
            }
        }
    }

    /** True when the last JUNIPER_MFR packet came from a child link (no cookie): an FRF.16 frame follows. */
    boolean childLink() {
        return cookieLength == 0;
    }

    /**
     * JUNIPER_MFR's payload on a bundle as tcpdump's juniper_mfr_if_print: after an AS cookie its LSQ protocol (IPv4,
     * IPv6, MPLS, OSI; nothing for others), else -e's bundle (unless the cookie is 1) and by the protocol bytes an OSI
     * PDU (after 0xfefe, from its second byte), one from the byte before UI (Q.933, IPv4, IPv6), or "unknown protocol".
     */
    void multilinkFrf16(Packet p, int at, int length, StringBuilder out) {
        if (cookieLength == 8) {
            switch (proto) {
                case LSQ_IPV4 -> ip.ipv4(p, at, length, out);
                case LSQ_IPV6 -> ip.ipv6(p, at, length, out);
                case LSQ_MPLS -> mpls.format(p, at, length, out);
                case LSQ_ISO -> osi.format(p, at, length, out);
                default -> { }
            }
            return;
        }
        if (linkHeaders && (cookie(0) << 24 | cookie(1) << 16 | cookie(2) << 8 | cookie(3)) != 1) {
            out.append("Bundle-ID ").append(bundle).append(", ");
        }
        switch (proto) {
            case LLC_SAP_ISONS << 8 | LLC_SAP_ISONS -> {
                if (!p.has(at, 1)) earlyEnd.mark(out, "juniper_mfr");
                else osi.format(p, at + 1, length - 1, out);
            }
            case LLC_UI << 8 | NLPID_Q933, LLC_UI << 8 | NLPID_IP, LLC_UI << 8 | NLPID_IP6 ->
                osi.format(p, at - 1, length + 1, out);
            default -> {
                out.append("unknown protocol 0x");
                Text.hex(out, proto, 4);
                out.append(", length ").append(length);
            }
        }
    }

    /**
     * JUNIPER_ATM1's and JUNIPER_ATM2's payload as tcpdump's juniper_atm1_if_print / juniper_atm2_if_print: an OAM
     * cell when the cookie says so, an LLC PDU after an NLPID or SNAP header (if llc_print decoded it), on ATM2 an
     * outgoing Ethernet frame when the cookie has a gap count, after 0x03 an OSI PDU, on ATM2 a PPP frame with a
     * protocol a Juniper router carries, else IPv4/IPv6 by the first byte.
     */
    void atm(Packet p, int linkType, int at, int length, AtmFormatter atm, LlcFormatter llc, Encapsulated ether,
             StringBuilder out) {
        length += controlWord;   // tcpdump's l2info.length does not leave the control word out
        boolean atm2 = linkType == LinkType.JUNIPER_ATM2;
        if (atm2 ? (cookie(7) & ATM2_PKT_TYPE_MASK) != 0 : cookie(0) == ATM1_OAM) {
            atm.oam(p, at, length, AtmFormatter.NO_HEC, out);
            return;
        }
        if (!p.has(at, 3)) {
            earlyEnd.mark(out, protocol(linkType));
            return;
        }
        int header = p.u24(at);
        if (header == 0xfefe03 || header == 0xaaaa03) {
            if (llc.withoutDefaultPrint(p, at, length, out) > 0 || earlyEnd.happened()) return;
        }
        if (atm2 && !directionIn && (cookie(3) & ATM2_GAP_COUNT_MASK) != 0) {
            ether.print(p, at, length, p.capLen() - at, LinkType.EN10MB, out);   // Ethernet over RFC 1483
            return;
        }
        if (p.u8(at) == LLC_UI) {   // Cisco's NLPID encapsulation
            osi.format(p, at + 1, length - 1, out);
            return;
        }
        if (atm2 && pppProtocol(p.u16(at))) {
            ppp.format(p, at, length, out);
            return;
        }
        ipHeuristic(p, at, length, out);
    }

    /** juniper_ppp_heuristic_guess's PPP protocols. */
    private static boolean pppProtocol(int protocol) {
        return switch (protocol) {
            case 0x0021, 0x0023, 0x0281, 0x0283, 0x8021, 0x8023, 0x8281, 0xc021, 0xc023, 0xc223, 0x003d, 0x0057,
                 0x8057 -> true;
            default -> false;
        };
    }

    private static final int GGSN_NULL = 1, GGSN_IPV4 = 2, GGSN_IPV6 = 6;
    private static final int ES_HEADER = 16;

    /**
     * JUNIPER_ES: a 16-byte IPsec SA header (index, TTL, type, SPI, tunnel addresses); the bundle types (1, 2) have the
     * IP packet right after the first 16 bytes too, the others (3-5) 16 bytes further.
     */
    private void encryptionServices(Packet p, int at, int length, StringBuilder out) {
        if (!p.has(at, ES_HEADER)) {
            earlyEnd.mark(out, "juniper_es");
            return;
        }
        int type = p.u8(at + 3);
        String name = switch (type) {
            case 1 -> "ESP ENCR-AUTH";
            case 2 -> "ESP ENCR-AH AUTH";
            case 3 -> "ESP AUTH";
            case 4 -> "AH AUTH";
            case 5 -> "ESP ENCR";
            default -> null;
        };
        if (name == null) {
            out.append("ES Invalid type ").append(type).append(", length ").append(length);
            return;
        }
        boolean bundle = type <= 2;
        int rewrite = bundle ? 0 : ES_HEADER;
        if (linkHeaders) {
            out.append("ES SA, index ").append(p.u16(at)).append(", ttl ").append(p.u8(at + 2)).append(" type ")
                .append(name).append(" (").append(type).append("), ");
            if (!bundle) {
                out.append("spi ").append(p.u32(at + 4)).append(", Tunnel ");
                Text.ipv4(out, p, at + 8);
                out.append(" > ");
                Text.ipv4(out, p, at + 12);
                out.append(", ");
            }
            out.append("length ").append(length - rewrite).append('\n');
        }
        ip.ipv4(p, at + rewrite, length - rewrite, out);
    }

    /** True for the Juniper link types this printer decodes. */
    static boolean prints(int linkType) {
        return switch (linkType) {
            case LinkType.JUNIPER_ETHER, LinkType.JUNIPER_PPPOE, LinkType.JUNIPER_ES, LinkType.JUNIPER_GGSN,
                 LinkType.JUNIPER_SERVICES, LinkType.JUNIPER_MONITOR, LinkType.JUNIPER_PPP, LinkType.JUNIPER_CHDLC,
                 LinkType.JUNIPER_MLPPP, LinkType.JUNIPER_MLFR, LinkType.JUNIPER_FRELAY, LinkType.JUNIPER_MFR,
                 LinkType.JUNIPER_ATM1, LinkType.JUNIPER_ATM2 -> true;
            default -> false;
        };
    }

    /** The protocol name tcpdump's printer of a Juniper link type gives its truncation marker. */
    static String protocol(int linkType) {
        return switch (linkType) {
            case LinkType.JUNIPER_ETHER -> "juniper_ether";
            case LinkType.JUNIPER_PPPOE -> "juniper_pppoe";
            case LinkType.JUNIPER_ES -> "juniper_es";
            case LinkType.JUNIPER_GGSN -> "juniper_ggsn";
            case LinkType.JUNIPER_SERVICES -> "juniper_services";
            case LinkType.JUNIPER_MONITOR -> "juniper_monitor";
            case LinkType.JUNIPER_PPP -> "juniper_ppp";
            case LinkType.JUNIPER_CHDLC -> "juniper_chdlc";
            case LinkType.JUNIPER_MLPPP -> "juniper_mlppp";
            case LinkType.JUNIPER_MLFR -> "juniper_mlfr";
            case LinkType.JUNIPER_FRELAY -> "juniper_frelay";
            case LinkType.JUNIPER_MFR -> "juniper_mfr";
            case LinkType.JUNIPER_ATM1 -> "juniper_atm1";
            case LinkType.JUNIPER_ATM2 -> "juniper_atm2";
            default -> "juniper";
        };
    }
}
