package dev.fabricscope.print;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;

/**
 * Broadcom's lawful-intercept shim (UDP from port 49152) as tcpdump 4.99 prints it (print-bcm-li.c): direction,
 * packet type and subtype, LI ID; with -v on lines of their own, followed by the carried IPv4, IPv6 or Ethernet
 * packet. tcpdump's checks jump out of its printer here: a cut shim ends with " [|bcm_li]" and the raw dump starts
 * at byte 0 ({@link EarlyEnd}).
 */
final class BcmLiFormatter {
    private static final int SHIM = 4;
    private static final int UNDECIDED = 4, IPV4 = 5, IPV6 = 6, ETHERNET = 7;
    private static final String[] DIRECTIONS = {null, "unused", "egress", "ingress"};
    private static final String[] TYPES = {null, null, null, null, "undecided", "ipv4", "ipv6", "ethernet"};
    private static final String[] SUBTYPES = {null, "single VLAN tag", "double VLAN tag", "untagged"};

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final Encapsulated inner;

    BcmLiFormatter(Verbosity verbosity, EarlyEnd earlyEnd, Encapsulated inner) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
        this.inner = inner;
    }

    /**
     * The payload at {@code off} of {@code length} bytes, tcpdump's u_int (an IPv6 jumbogram's passes 2^31: the carried
     * Ethernet frame's and IPv6 packet's printers see it whole); {@code end} is the snapshot end.
     */
    void format(Packet p, int off, int length, int end, StringBuilder out) {
        if (Integer.compareUnsigned(length, SHIM) < 0) {
            out.append(" (length ").append(length).append(" < ").append(SHIM).append(") (invalid)");
            return;
        }
        if (off + SHIM > end) {
            earlyEnd.mark(out, "bcm_li");
            return;
        }
        long shim = p.u32(off);
        int type = (int) (shim >>> 25) & 0xf;
        boolean verbose = verbosity.verbose();
        if (verbose) out.append("\n    ");
        out.append("BCM-LI-SHIM: direction ");
        name(out, DIRECTIONS, (int) (shim >>> 29) & 7);
        out.append(", pkt-type ");
        name(out, TYPES, type);
        out.append(", pkt-subtype ");
        name(out, SUBTYPES, (int) (shim >>> 22) & 7);
        out.append(", li-id ").append(shim & 0x3fffff);
        if (verbose) out.append("\n    ");
        off += SHIM;
        length -= SHIM;
        if (!verbose) {
            if (off + Integer.toUnsignedLong(length) > end) earlyEnd.mark(out, "bcm_li");
            return;
        }
        int capLen = end - off;
        switch (type) {
            case ETHERNET -> carried(p, off, length, capLen, LinkType.EN10MB, out);
            case IPV4 -> carried(p, off, length, capLen, LinkType.IPV4, out);
            case IPV6 -> carried(p, off, length, capLen, LinkType.IPV6, out);
            case UNDECIDED -> {
                if (off >= end) {
                    earlyEnd.mark(out, "bcm_li");
                    return;
                }
                int version = p.u8(off) >>> 4;
                if (version == 4) carried(p, off, length, capLen, LinkType.IPV4, out);
                else if (version == 6) carried(p, off, length, capLen, LinkType.IPV6, out);
                else out.append("unknown payload");
            }
            default -> out.append(" (invalid)");
        }
    }

    private void carried(Packet p, int off, int length, int capLen, int linkType, StringBuilder out) {
        if (!inner.print(p, off, length, capLen, linkType, out)) out.append(" [|bcm_li]");
    }

    private static void name(StringBuilder out, String[] names, int value) {
        String name = value < names.length ? names[value] : null;
        out.append(name == null ? "unknown" : name);
    }
}
