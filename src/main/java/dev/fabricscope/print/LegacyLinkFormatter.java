package dev.fabricscope.print;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;

/**
 * Link types with a fixed header before an ethertype's or an LLC payload, as tcpdump 4.99 prints them:
 * SYMANTEC_FIREWALL (print-symantec.c: 44 bytes, the ethertype at 6) and APPLE_IP_OVER_IEEE1394 (print-ap1394.c:
 * two EUI-64 addresses and the ethertype). Each method prints the packet and returns the link-level bytes tcpdump
 * counts for -x; a header cut short ends with " [|proto]" through {@link EarlyEnd} (tcpdump's jump: the raw dump
 * then starts at byte 0).
 */
final class LegacyLinkFormatter {
    static final int SYMANTEC_HEADER = 44, SYMANTEC_TYPE = 6;
    static final int AP1394_HEADER = 18, AP1394_ADDRESS = 8;
    private static final int MAX_ETHERNET_LENGTH = 1500;

    private final Verbosity verbosity;
    private final boolean linkHeaders;
    private final boolean defaultPrint;
    private final EarlyEnd earlyEnd;
    private final LlcFormatter.EtherTypes etherTypes;

    LegacyLinkFormatter(Verbosity verbosity, boolean linkHeaders, boolean defaultPrint, EarlyEnd earlyEnd,
                        LlcFormatter.EtherTypes etherTypes) {
        this.verbosity = verbosity;
        this.linkHeaders = linkHeaders;
        this.defaultPrint = defaultPrint;
        this.earlyEnd = earlyEnd;
        this.etherTypes = etherTypes;
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

    /** True for the link types printed here. */
    static boolean prints(int linkType) {
        return linkType == LinkType.SYMANTEC_FIREWALL || linkType == LinkType.APPLE_IP_OVER_IEEE1394;
    }
}
