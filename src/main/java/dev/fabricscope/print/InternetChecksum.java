package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * RFC 1071 ones'-complement sums over packet bytes and the TCP/UDP pseudo-headers (RFC 793, RFC 8200
 * section 8.1), and the "should be" value tcpdump reports for a wrong checksum (RFC 1624 arithmetic).
 */
final class InternetChecksum {
    private InternetChecksum() { }

    /** Adds {@code len} bytes at {@code off} (odd length padded with a zero byte) to {@code sum}, unfolded. */
    static long add(long sum, Packet p, int off, int len) {
        int i = 0;
        for (; i + 1 < len; i += 2) sum += p.u16(off + i);
        if (i < len) sum += p.u8(off + i) << 8;
        return sum;
    }

    static int fold(long sum) {
        while ((sum >>> 16) != 0) sum = (sum & 0xffff) + (sum >>> 16);
        return (int) sum;
    }

    /** The pseudo-header sum for IPv4: source, destination, protocol, transport length. */
    static long ipv4Pseudo(Packet p, int srcOff, int dstOff, int protocol, int length) {
        long sum = add(0, p, srcOff, 4);
        sum = add(sum, p, dstOff, 4);
        return sum + protocol + (length & 0xffff);
    }

    /** The pseudo-header sum for IPv6: source, destination, 32-bit upper-layer length, next header. */
    static long ipv6Pseudo(Packet p, int srcOff, int dstOff, int nextHeader, long length) {
        long sum = add(0, p, srcOff, 16);
        sum = add(sum, p, dstOff, 16);
        return sum + (length >>> 16) + (length & 0xffff) + nextHeader;
    }

    /** True when a sum over data that includes its checksum field verifies. */
    static boolean verifies(long sum) {
        return fold(sum) == 0xffff;
    }

    /** The value the checksum field should hold, given the stored one and the sum that includes it. */
    static int shouldBe(int stored, long sum) {
        int computed = ~fold(sum) & 0xffff;
        return fold((long) stored + computed);
    }
}
