package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * ICMP (IPv4) as tcpdump prints it (print-icmp.c). Echo request/reply print as tcpdump prints them; other
 * types print tcpdump's "type-#N" (tcpdump names them and decodes their bodies: a known difference).
 */
final class IcmpFormatter {
    private static final int ECHO_REPLY = 0, ECHO = 8;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;

    IcmpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** @param length ICMP length per the IP header */
    void icmp(Packet p, IpContext ip, int off, int length, StringBuilder out) {
        if (off + 2 > ip.end) {
            earlyEnd.mark();   // print-icmp.c fetches type and code
            out.append(" [|icmp]");
            return;
        }
        int type = p.u8(off);
        out.append("ICMP ");
        if (type == ECHO || type == ECHO_REPLY) {
            if (off + 8 > ip.end) {
                out.setLength(out.length() - 5);
                earlyEnd.mark();
                out.append(" [|icmp]");
                return;
            }
            out.append(type == ECHO ? "echo request" : "echo reply")
                    .append(", id ").append(p.u16(off + 4)).append(", seq ").append(p.u16(off + 6));
        } else {
            out.append("type-#").append(type);   // tcpdump's words for a type it does not know (it names the others)
        }
        out.append(", length ").append(length);
        if (verbosity.verbose() && !ip.fragmented && off + length <= ip.end) {
            long sum = InternetChecksum.add(0, p, off, length);
            if (!InternetChecksum.verifies(sum)) {
                if (off + 4 > ip.end) {
                    earlyEnd.mark();   // tcpdump fetches the checksum field to print it
                    out.append(" [|icmp]");
                } else {
                    out.append(" (wrong icmp cksum ");
                    ChecksumText.correction(out, p.u16(off + 2), sum);
                    out.append(')');
                }
            }
        }
    }
}
