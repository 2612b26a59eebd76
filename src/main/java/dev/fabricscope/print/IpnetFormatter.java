package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * LINKTYPE_IPNET (Solaris ipnet) as tcpdump's ipnet_if_print: a 24-byte header (version, family, hook type, packet
 * length, interface indexes, source and destination zones), then IPv4 or IPv6 by the family (Solaris's 2 and 26);
 * -e prints the zones, family and length first.
 */
final class IpnetFormatter {
    static final int HEADER = 24;
    private static final int AF_INET = 2, AF_INET6 = 26;

    private final Verbosity verbosity;
    private final boolean linkHeaders;
    private final boolean defaultPrint;
    private final EarlyEnd earlyEnd;
    private final IpFormatter ip;

    IpnetFormatter(Verbosity verbosity, boolean linkHeaders, boolean defaultPrint, EarlyEnd earlyEnd, IpFormatter ip) {
        this.verbosity = verbosity;
        this.linkHeaders = linkHeaders;
        this.defaultPrint = defaultPrint;
        this.earlyEnd = earlyEnd;
        this.ip = ip;
    }

    /** Prints the packet ({@code length}: on the wire); -x leaves out the header (a cut one: nothing, as a jump). */
    void format(Packet p, int length, StringBuilder out) {
        if (!p.has(0, HEADER)) {
            earlyEnd.mark(out, "ipnet");   // tcpdump's checked fetch of the whole header jumps out
            return;
        }
        if (linkHeaders) header(p, length, out);
        switch (p.u8(1)) {
            case AF_INET -> ip.ipv4(p, HEADER, length - HEADER, out);
            case AF_INET6 -> ip.ipv6(p, HEADER, length - HEADER, out);
            default -> {
                if (!linkHeaders) header(p, length, out);
                if (defaultPrint) HexDump.hexAndAscii(p, HEADER, p.capLen() - HEADER, "\n\t", out);
            }
        }
    }

    /** ipnet_hdr_print: "ZSRC > ZDST, family NAME (F), length N: " (-q: ", NAME" only). */
    private void header(Packet p, int length, StringBuilder out) {
        int family = p.u8(1);
        out.append(p.u32(16)).append(" > ").append(p.u32(20));
        String name = family == AF_INET ? "IPv4" : family == AF_INET6 ? "IPv6" : null;
        if (verbosity != Verbosity.QUIET) {
            out.append(", family ").append(name == null ? "Unknown" : name).append(" (").append(family).append(')');
        } else if (name != null) {
            out.append(", ").append(name);
        } else {
            out.append(", Unknown Ethertype (0x");   // tcpdump's words for an unknown family
            Text.hex(out, family, 4);
            out.append(')');
        }
        out.append(", length ").append(length).append(": ");
    }
}
