package dev.fabricscope.print;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Dissector;

/**
 * Link types with a fixed header before an ethertype's or an LLC payload, as tcpdump 4.99 prints them:
 * SYMANTEC_FIREWALL (print-symantec.c: 44 bytes, the ethertype at 6) and APPLE_IP_OVER_IEEE1394 (print-ap1394.c:
 * two EUI-64 addresses and the ethertype); and before an LLC frame ({@link LlcFormatter}): IP_OVER_FC (print-ipfc.c),
 * FDDI (print-fddi.c) and IEEE802, Token Ring (print-token.c). Each method prints the packet and returns the link-level bytes tcpdump
 * counts for -x; a header cut short ends with " [|proto]" through {@link EarlyEnd} (tcpdump's jump: the raw dump
 * then starts at byte 0).
 */
final class LegacyLinkFormatter {
    static final int SYMANTEC_HEADER = Dissector.SYMANTEC_HEADER_LENGTH, SYMANTEC_TYPE = Dissector.SYMANTEC_TYPE_OFFSET;
    static final int AP1394_HEADER = Dissector.AP1394_HEADER_LENGTH, AP1394_ADDRESS = 8;
    private static final int MAX_ETHERNET_LENGTH = 1500;

    private final Verbosity verbosity;
    private final boolean linkHeaders;
    private final boolean defaultPrint;
    private final EarlyEnd earlyEnd;
    private final LlcFormatter.EtherTypes etherTypes;
    private final LlcFormatter llc;

    LegacyLinkFormatter(Verbosity verbosity, boolean linkHeaders, boolean defaultPrint, EarlyEnd earlyEnd,
                        LlcFormatter.EtherTypes etherTypes, LlcFormatter llc) {
        this.verbosity = verbosity;
        this.linkHeaders = linkHeaders;
        this.defaultPrint = defaultPrint;
        this.earlyEnd = earlyEnd;
        this.etherTypes = etherTypes;
        this.llc = llc;
    }

    /**
     * tcpdump's symantec_if_print: with -e the type ("invalid ethertype N" for an 802.3 length) and the length, then
     * the ethertype's payload; a length or a type it cannot decode gets that header (without -e) and the default dump.
     */
    int symantec(Packet p, int length, StringBuilder out) {
        if (!p.has(0, SYMANTEC_HEADER)) {
            earlyEnd.mark(out, "symantec");
            return 0;
        }
        int type = p.u16(SYMANTEC_TYPE);
        if (linkHeaders) symantecHeader(type, length, out);
        if (type > MAX_ETHERNET_LENGTH
                && etherTypes.print(p, type, SYMANTEC_HEADER, length - SYMANTEC_HEADER, out)) {
            return SYMANTEC_HEADER;
        }
        if (!linkHeaders) symantecHeader(type, length, out);
        defaultDump(p, SYMANTEC_HEADER, out);
        return SYMANTEC_HEADER;
    }

    private void symantecHeader(int type, int length, StringBuilder out) {
        if (type <= MAX_ETHERNET_LENGTH) out.append("invalid ethertype ").append(type);
        else etherType(type, out);
        out.append(", length ").append(length).append(": ");
    }

    /**
     * tcpdump's ap1394_if_print: with -e the source and destination EUI-64s, the type and the length, then the
     * ethertype's payload; a type it cannot decode gets that header (without -e) and the default dump.
     */
    int ap1394(Packet p, int length, StringBuilder out) {
        if (!p.has(0, AP1394_HEADER)) {
            earlyEnd.mark(out, "ap1394");
            return 0;
        }
        int type = p.u16(2 * AP1394_ADDRESS);
        if (linkHeaders) ap1394Header(p, type, length, out);
        if (etherTypes.print(p, type, AP1394_HEADER, length - AP1394_HEADER, out)) return AP1394_HEADER;
        if (!linkHeaders) ap1394Header(p, type, length, out);
        defaultDump(p, AP1394_HEADER, out);
        return AP1394_HEADER;
    }

    private void ap1394Header(Packet p, int type, int length, StringBuilder out) {
        Text.linkAddress(out, p, AP1394_ADDRESS, AP1394_ADDRESS);
        out.append(" > ");
        Text.linkAddress(out, p, 0, AP1394_ADDRESS);
        out.append(", ");
        etherType(type, out);
        out.append(", length ").append(length).append(": ");
    }

    /**
     * tcpdump's ipfc_if_print (RFC 2625): two 8-byte network addresses whose low 6 bytes are MAC addresses (printed
     * with -e, and by LLC where it prints addresses), then an LLC frame.
     */
    int ipfc(Packet p, int length, StringBuilder out) {
        if (!p.has(0, IPFC_HEADER)) {
            earlyEnd.mark(out, "ipfc");
            return 0;
        }
        if (linkHeaders) addresses(p, IPFC_SOURCE, IPFC_DESTINATION, 0xff, length, out);
        int header = llc.format(p, IPFC_SOURCE, IPFC_DESTINATION, IPFC_HEADER, length - IPFC_HEADER, out);
        return IPFC_HEADER + Math.abs(header);
    }

    static final int IPFC_HEADER = 16, IPFC_DESTINATION = 2, IPFC_SOURCE = 10;
    static final int FDDI_HEADER = 13, FDDI_DESTINATION = 1, FDDI_SOURCE = 7;
    private static final int FDDI_CLASS_FORMAT = 0xf0, FDDI_LLC_ASYNC = 0x50, FDDI_SMT = 0x40;

    /**
     * tcpdump's fddi_if_print (as built on Linux, where it does not bit-swap the addresses): with -e the frame control
     * (not with -q), the addresses and the length; asynchronous LLC frames' LLC, SMT frames' placeholder, the others'
     * header (without -e) and default dump. A cut header ends with " [|fddi]", not a jump: -x dumps nothing.
     */
    int fddi(Packet p, int length, StringBuilder out) {
        if (p.capLen() < FDDI_HEADER) {
            out.append(" [|fddi]");
            return p.capLen();
        }
        int fc = p.u8(0);
        if (linkHeaders) fddiHeader(fc, p, length, out);
        switch (fc & FDDI_CLASS_FORMAT) {
            case FDDI_LLC_ASYNC -> {
                int header = llc.format(p, FDDI_SOURCE, FDDI_DESTINATION, FDDI_HEADER, length - FDDI_HEADER, out);
                return FDDI_HEADER + Math.abs(header);
            }
            case FDDI_SMT -> out.append("<SMT printer not yet implemented>");
            default -> {
                if (!linkHeaders) fddiHeader(fc, p, length, out);
                defaultDump(p, FDDI_HEADER, out);
            }
        }
        return FDDI_HEADER;
    }

    private void fddiHeader(int fc, Packet p, int length, StringBuilder out) {
        if (verbosity != Verbosity.QUIET) frameControl(fc, out);
        addresses(p, FDDI_SOURCE, FDDI_DESTINATION, 0xff, length, out);
    }

    /** tcpdump's print_fddi_fc: the frame control's name and a space. */
    private static void frameControl(int fc, StringBuilder out) {
        String name = switch (fc) {
            case 0x40 -> "void ";
            case 0x80 -> "nrt ";
            case 0xc0 -> "rt ";
            case 0x41 -> "info ";
            case 0x4f -> "nsa ";
            case 0xc2 -> "beacon ";
            case 0xc3 -> "claim ";
            default -> switch (fc & FDDI_CLASS_FORMAT) {
                case 0xc0 -> "mac";
                case 0x40 -> "smt";
                case 0x50 -> "async";
                case 0xd0 -> "sync";
                case 0x60 -> "imp_async";
                case 0xe0 -> "imp_sync";
                default -> null;
            };
        };
        if (name == null) {
            Text.hex(out, fc, 2);
            out.append(' ');
        } else if (name.endsWith(" ")) {
            out.append(name);
        } else {
            out.append(name).append(Character.forDigit(fc & 0x0f, 16)).append(' ');
        }
    }

    static final int TOKEN_HEADER = 14, TOKEN_DESTINATION = 2, TOKEN_SOURCE = 8, TOKEN_ROUTE_CONTROL = 14;
    private static final String[] TOKEN_BROADCAST = {"Non-Broadcast", "Non-Broadcast", "Non-Broadcast",
        "Non-Broadcast", "All-routes", "All-routes", "Single-route", "Single-route"};
    private static final String[] TOKEN_LARGEST_FRAME = {"516", "1500", "2052", "4472", "8144", "11407", "17800", "??"};

    /**
     * tcpdump's token_if_print (IEEE 802.5): with -e access and frame control (not with -q), the addresses (the source
     * without its routing bit) and the length; a source-routed frame's routing information (with -v the broadcast
     * type, direction and ring:bridge segments, else the raw words) and largest frame; LLC frames' LLC, the others'
     * header (without -e) and default dump. A cut header ends with " [|token-ring]", not a jump.
     */
    int tokenRing(Packet p, int length, StringBuilder out) {
        int capLen = p.capLen();
        if (capLen < TOKEN_HEADER) {
            out.append(" [|token-ring]");
            return TOKEN_HEADER;
        }
        boolean routed = (p.u8(TOKEN_SOURCE) & 0x80) != 0;
        int sourceMask = routed ? 0x7f : 0xff;
        if (linkHeaders) tokenHeader(p, sourceMask, length, out);
        int header = TOKEN_HEADER;
        if (routed) {
            if (capLen < TOKEN_HEADER + 2) {
                out.append(" [|token-ring]");
                return header;
            }
            int control = p.u16(TOKEN_ROUTE_CONTROL);
            int routeLength = (control & 0x1f00) >> 8;
            header += routeLength;
            if (capLen < header) {
                out.append(" [|token-ring]");
                return header;
            }
            int segments = (routeLength - 2) / 2;
            if (verbosity.verbose()) {
                out.append(TOKEN_BROADCAST[(control & 0xe000) >> 13]).append(' ')
                    .append((control & 0x80) == 0 ? "Forward" : "Backward");
                for (int i = 0; i < segments; i++) {
                    int segment = p.u16(TOKEN_ROUTE_CONTROL + 2 + 2 * i);
                    out.append(" [").append(segment >>> 4).append(':').append(segment & 0xf).append(']');
                }
            } else {
                out.append("rt = ");
                Text.hex(out, control);
                for (int i = 0; i < segments; i++) {
                    out.append(':');
                    Text.hex(out, p.u16(TOKEN_ROUTE_CONTROL + 2 + 2 * i));
                }
            }
            out.append(" (").append(TOKEN_LARGEST_FRAME[(control & 0x70) >> 4]).append(") ");
        }
        if ((p.u8(1) & 0xc0) >> 6 == 1) {   // an LLC frame
            int llcHeader = routed
                ? llc.formatSourceRouted(p, TOKEN_SOURCE, TOKEN_DESTINATION, header, length - header, out)
                : llc.format(p, TOKEN_SOURCE, TOKEN_DESTINATION, header, length - header, out);
            return header + Math.abs(llcHeader);
        }
        if (!linkHeaders) tokenHeader(p, sourceMask, length, out);
        defaultDump(p, header, out);
        return header;
    }

    private void tokenHeader(Packet p, int sourceMask, int length, StringBuilder out) {
        if (verbosity != Verbosity.QUIET) {
            Text.hex(out, p.u8(0), 2);
            out.append(' ');
            Text.hex(out, p.u8(1), 2);
            out.append(' ');
        }
        addresses(p, TOKEN_SOURCE, TOKEN_DESTINATION, sourceMask, length, out);
    }

    /** "SRC > DST, length N: ", the 6-byte addresses at {@code src} and {@code dst} ({@code mask} on src's first). */
    private static void addresses(Packet p, int src, int dst, int mask, int length, StringBuilder out) {
        Text.hex(out, p.u8(src) & mask, 2);
        for (int i = 1; i < 6; i++) {
            out.append(':');
            Text.hex(out, p.u8(src + i), 2);
        }
        out.append(" > ");
        Text.linkAddress(out, p, dst, 6);
        out.append(", length ").append(length).append(": ");
    }

    /** "ethertype NAME (0xNNNN)", "Unknown" unnamed; with -q the name alone or "Unknown Ethertype (0xNNNN)". */
    private void etherType(int type, StringBuilder out) {
        String name = EtherTypeNames.of(type);
        if (verbosity == Verbosity.QUIET && name != null) {
            out.append(name);
            return;
        }
        if (verbosity == Verbosity.QUIET) out.append("Unknown Ethertype (0x");
        else out.append("ethertype ").append(name == null ? "Unknown" : name).append(" (0x");
        Text.hex(out, type, 4);
        out.append(')');
    }

    /** tcpdump's ND_DEFAULTPRINT of what follows the header (nothing with -q, -x or -X, or when nothing follows). */
    private void defaultDump(Packet p, int from, StringBuilder out) {
        if (defaultPrint && p.capLen() > from) HexDump.hexAndAscii(p, from, p.capLen() - from, "\n\t", out);
    }

    /** True for the link types printed here, and SLIP's ({@link SlipFormatter}) BSD/OS PPP's (nothing printed) and
     * ARCNET's (PacketPrinter's: they print IP, ARP and IPX themselves). */
    static boolean prints(int linkType) {
        return linkType == LinkType.SYMANTEC_FIREWALL || linkType == LinkType.APPLE_IP_OVER_IEEE1394
            || linkType == LinkType.IP_OVER_FC || linkType == LinkType.FDDI || linkType == LinkType.IEEE802
            || linkType == LinkType.SLIP || linkType == LinkType.SLIP_BSDOS || linkType == LinkType.SLIP_BSDOS_15
            || linkType == LinkType.PPP_BSDOS || linkType == LinkType.PPP_BSDOS_16 || linkType == LinkType.ARCNET
            || linkType == LinkType.ARCNET_LINUX;
    }
}
