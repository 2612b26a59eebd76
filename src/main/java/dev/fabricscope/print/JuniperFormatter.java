package dev.fabricscope.print;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;

/**
 * The pseudo-header Junos puts before every packet it captures ({@code monitor traffic ... write-file}), as tcpdump's
 * juniper_parse_header prints it: the magic "MGC", the flags byte (direction, no-L2, extensions), with -vv the flags
 * and the extension TLVs (interface index, media type, encapsulation, ...), a packet without its layer 2 header
 * guessed as IPv4/IPv6 by its first byte; then for the PIC link types their cookie. What follows the header is the
 * caller's ({@link PacketPrinter}) to print. Allocates nothing.
 */
final class JuniperFormatter {
    /** {@link #header}'s answer when it printed all tcpdump prints of the packet. */
    static final int STOP = -1;

    private static final int MAGIC = 0x4d4743;   // "MGC"
    private static final int FLAG_IN = 0x01, FLAG_NO_L2 = 0x02, FLAG_EXTENSIONS = 0x80;
    private static final int TLV_OVERHEAD = 2;
    private static final int TLV_IFD_NAME = 2, TLV_IFD_MEDIATYPE = 3, TLV_IFL_ENCAPS = 6, TLV_TTP_IFD_MEDIATYPE = 7,
        TLV_TTP_IFL_ENCAPS = 8;
    /** jnx_flag_values, in tcpdump's order. */
    private static final int[] FLAG_BITS = {0x80, 0x40, 0x04, 0x02, 0x01};
    private static final String[] FLAG_NAMES = {"Ext", "Filter", "IIF", "no-L2", "In"};

    private final Verbosity verbosity;
    private final boolean linkHeaders;
    private final EarlyEnd earlyEnd;
    private final IpFormatter ip;
    /** What tcpdump counts as the link-level header of the last packet (l2info.header_len; for -x). */
    private int headerLength;

    JuniperFormatter(Verbosity verbosity, boolean linkHeaders, EarlyEnd earlyEnd, IpFormatter ip) {
        this.verbosity = verbosity;
        this.linkHeaders = linkHeaders;
        this.earlyEnd = earlyEnd;
        this.ip = ip;
    }

    /** tcpdump's l2info.header_len for the last packet: the bytes -x leaves out (before what the payload adds). */
    int headerLength() {
        return headerLength;
    }

    /**
     * Prints the pseudo-header of {@code p} (of link type {@code linkType}, tcpdump's printer named {@code protocol}
     * for its truncation marker) and answers where the link type's payload starts, or {@link #STOP}.
     */
    int header(Packet p, String protocol, StringBuilder out) {
        headerLength = 0;
        int length = p.origLen();
        if (!p.has(0, 4)) {
            earlyEnd.mark(out, protocol);
            return STOP;
        }
        int flags = p.u8(3);
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
        if (linkHeaders) out.append("hlen ").append(headerLength).append(", proto 0x0000, ");
        return headerLength;
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
        if (type == TLV_IFD_NAME || length > 4) return;   // the name: tcpdump's FIXME
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

    /** The protocol name tcpdump's printer of a Juniper link type gives its truncation marker. */
    static String protocol(int linkType) {
        return switch (linkType) {
            case LinkType.JUNIPER_ETHER -> "juniper_ether";
            default -> "juniper";
        };
    }
}
