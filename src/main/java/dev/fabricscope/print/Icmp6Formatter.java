package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * ICMPv6 as tcpdump prints it (print-icmp6.c). Echo request/reply print as tcpdump prints them; other types
 * print their type and code by number (tcpdump names them and decodes their bodies: a known difference).
 */
final class Icmp6Formatter {
    private static final int ECHO6_REQUEST = 128, ECHO6_REPLY = 129;
    private static final int ICMPV6 = 58;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;

    Icmp6Formatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** @param length ICMPv6 length per the IPv6 header */
    void icmp6(Packet p, IpContext ip, int off, int length, StringBuilder out) {
        int type = off + 1 > ip.end ? -1 : p.u8(off);
        String echo = type == ECHO6_REQUEST ? "echo request" : type == ECHO6_REPLY ? "echo reply" : null;
        if (echo != null && off + 8 > ip.end) {
            earlyEnd.mark();   // ... and the echo's id and sequence number
            out.append("ICMP6, ").append(echo).append(" [|icmp6]");
            return;
        }
        if (off + 2 > ip.end) {
            earlyEnd.mark();   // print-icmp6.c fetches type and code
            out.append(" [|icmp6]");
            return;
        }
        if (verbosity.verbose() && !ip.fragmented && off + length <= ip.end && length >= 4) {
            long sum = InternetChecksum.add(ip.pseudoHeaderSum(p, ICMPV6, length), p, off, length);
            ChecksumText.bracketed(out, "icmp6", p.u16(off + 2), sum);
        }
        if (echo != null) {
            out.append("ICMP6, ").append(echo).append(", id ").append(p.u16(off + 4)).append(", seq ").append(p.u16(off + 6));
            if (!verbosity.verbose()) out.append(", length ").append(length);
        } else {
            out.append("ICMP6, type ").append(type).append(", code ").append(p.u8(off + 1)).append(", length ").append(length);
        }
    }
}
