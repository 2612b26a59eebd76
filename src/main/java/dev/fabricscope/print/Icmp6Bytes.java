package dev.fabricscope.print;

/**
 * The bytes of one ICMPv6 message as print-icmp6.c reads them ({@link SnapshotBytes}), with the address printers
 * that write a label only once the whole address was fetched. One per {@link Icmp6Formatter}, refilled for each
 * packet.
 */
final class Icmp6Bytes extends SnapshotBytes {
    /** {@code before}, then the IPv6 address at {@code at}; jumps, writing nothing, when it was not all captured. */
    void ip6(StringBuilder out, String before, int at) {
        need(at, 16);
        ip6(out.append(before), at);
    }

    /** As {@link #ip6} for an IPv4 address. */
    void ip4(StringBuilder out, String before, int at) {
        need(at, 4);
        ip4(out.append(before), at);
    }
}
