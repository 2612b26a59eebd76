package dev.fabricscope.print;

/** tcpdump's two ways of remarking on a checksum, shared by the formatters that print them. */
final class ChecksumText {
    private ChecksumText() { }

    /** "[udp sum ok] " or "[bad udp cksum 0x1234 -> 0x5678!] " (UDP over IPv6, ICMPv6). */
    static void bracketed(StringBuilder out, String protocol, int stored, long sum) {
        if (InternetChecksum.verifies(sum)) {
            out.append('[').append(protocol).append(" sum ok] ");
            return;
        }
        out.append("[bad ").append(protocol).append(" cksum 0x");
        Text.hex(out, stored, 4);
        out.append(" -> 0x");
        Text.hex(out, InternetChecksum.shouldBe(stored, sum), 4);
        out.append("!] ");
    }

    /** The stored value and what it should be, "0x1234 (->0x5678)!", as IPv4 and ICMP print them. */
    static void correction(StringBuilder out, int stored, long sum) {
        Text.hex(out, stored);
        out.append(" (->");
        Text.hex(out, InternetChecksum.shouldBe(stored, sum));
        out.append(")!");
    }
}
