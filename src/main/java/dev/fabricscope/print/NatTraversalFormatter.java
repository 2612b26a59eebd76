package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * UDP port 4500 (IPsec NAT traversal, RFC 3948) as tcpdump 4.99's isakmp_rfc3948_print: a one-byte 0xff datagram is
 * "isakmp-nat-keep-alive", one that starts with a zero non-ESP marker carries IKE ("NONESP-encap: " and the IKE
 * message, {@link IkeFormatter}), anything
 * else is ESP: "UDP-encap: ESP(spi=0x..,seq=0x..), length N" ({@link IpsecFormatter}). A datagram too short for the
 * marker ends with " [|isakmp_rfc3948]", also where tcpdump's fetch of it jumps out ({@link EarlyEnd}).
 */
final class NatTraversalFormatter {
    static final int PORT = 4500;
    private static final String TRUNCATED = " [|isakmp_rfc3948]";
    private static final int KEEPALIVE = 0xff, MARKER = 4;

    private final EarlyEnd earlyEnd;
    private final IpsecFormatter ipsec;
    private final IkeFormatter ike;

    NatTraversalFormatter(EarlyEnd earlyEnd, IpsecFormatter ipsec, IkeFormatter ike) {
        this.earlyEnd = earlyEnd;
        this.ipsec = ipsec;
        this.ike = ike;
    }

    /**
     * The datagram's payload at {@code off}, {@code length} bytes by the UDP header, captured up to {@code end}, in
     * the IP packet {@code ip}.
     */
    void format(Packet p, IpContext ip, int off, int length, int end, StringBuilder out) {
        if (length == 1) {
            if (off >= end) {
                earlyEnd.mark(out, "isakmp_rfc3948");
                return;
            }
            if (p.u8(off) == KEEPALIVE) {
                out.append("isakmp-nat-keep-alive");
                return;
            }
        }
        // length is unsigned, as tcpdump's u_int: an IPv6 jumbogram's UDP payload can pass 2^31
        if (Integer.compareUnsigned(length, MARKER) < 0) {   // checked, not fetched: no jump
            out.append(TRUNCATED);
            return;
        }
        if (off + MARKER > end) {
            earlyEnd.mark(out, "isakmp_rfc3948");
            return;
        }
        if (p.u32(off) == 0) {
            out.append("NONESP-encap: ");
            ike.format(p, ip, off + MARKER, length < 0 ? Integer.MAX_VALUE : length - MARKER, end, out);
            return;
        }
        out.append("UDP-encap: ");
        ipsec.esp(p, ip, off, Integer.toUnsignedLong(length), end, out);
    }
}
