package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * UDP port 4500 (IPsec NAT traversal, RFC 3948) as tcpdump 4.99's isakmp_rfc3948_print: a one-byte 0xff datagram is
 * "isakmp-nat-keep-alive", one that starts with a zero non-ESP marker carries IKE ("NONESP-encap: " and the IKE
 * message, which this printer does not decode: the caller prints the plain UDP line, a known difference), anything
 * else is ESP: "UDP-encap: ESP(spi=0x..,seq=0x..), length N" ({@link IpsecFormatter}). A datagram too short for the
 * marker ends with " [|isakmp_rfc3948]", also where tcpdump's fetch of it jumps out ({@link EarlyEnd}).
 */
final class NatTraversalFormatter {
    static final int PORT = 4500;
    private static final String TRUNCATED = " [|isakmp_rfc3948]";
    private static final int KEEPALIVE = 0xff, MARKER = 4;

    private final EarlyEnd earlyEnd;
    private final IpsecFormatter ipsec;

    NatTraversalFormatter(EarlyEnd earlyEnd, IpsecFormatter ipsec) {
        this.earlyEnd = earlyEnd;
        this.ipsec = ipsec;
    }

    /**
     * The datagram's payload at {@code off}, {@code length} bytes by the UDP header, captured up to {@code end}.
     *
     * @return false for IKE (a zero non-ESP marker), which is left to the caller
     */
    boolean format(Packet p, int off, int length, int end, StringBuilder out) {
        if (length == 1) {
            if (off >= end) {
                earlyEnd.mark(out, "isakmp_rfc3948");
                return true;
            }
            if (p.u8(off) == KEEPALIVE) {
                out.append("isakmp-nat-keep-alive");
                return true;
            }
        }
        if (length < MARKER) {   // checked, not fetched: no jump
            out.append(TRUNCATED);
            return true;
        }
        if (off + MARKER > end) {
            earlyEnd.mark(out, "isakmp_rfc3948");
            return true;
        }
        if (p.u32(off) == 0) return false;
        out.append("UDP-encap: ");
        ipsec.esp(p, off, length, end, out);
        return true;
    }
}
