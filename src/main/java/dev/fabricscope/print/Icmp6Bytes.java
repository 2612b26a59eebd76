package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * The bytes of one ICMPv6 message as print-icmp6.c reads them, shared by the ICMPv6 printers: reads past the
 * snapshot end jump out ({@link SnapshotBytes}), {@link #has} is tcpdump's test that checks without jumping, and the
 * address and raw-data printers check their whole field before they write anything (tcpdump's GET_ macros fetch all
 * of a print call's fields before it prints). One per {@link Icmp6Formatter}, refilled for each packet.
 */
final class Icmp6Bytes {
    private final SnapshotBytes bytes = new SnapshotBytes();
    private Packet packet;
    private int end;

    void set(Packet p, int snapshotEnd) {
        this.packet = p;
        this.end = snapshotEnd;
        bytes.set(p, snapshotEnd);
    }

    void clear() {
        this.packet = null;
        bytes.clear();
    }

    Packet packet() {
        return packet;
    }

    /** The jumping reader itself, for printers shared with other protocols ({@link DomainNames}). */
    SnapshotBytes snapshot() {
        return bytes;
    }

    /** tcpdump's snapshot end: the capture clipped to the IP length. */
    int end() {
        return end;
    }

    int u8(int at) {
        return bytes.u8(at);
    }

    int u16(int at) {
        return bytes.u16(at);
    }

    long u32(int at) {
        return bytes.u32(at);
    }

    /** Whether {@code len} bytes from {@code at} were captured (tcpdump's ND_TTEST_LEN: no jump). */
    boolean has(int at, long len) {
        return at >= 0 && len >= 0 && at + len <= end;
    }

    /** {@code before}, then the IPv6 address at {@code at}; jumps, writing nothing, when it was not all captured. */
    void ip6(StringBuilder out, String before, int at) {
        bytes.u8(at);
        bytes.u8(at + 15);
        out.append(before);
        Text.ipv6(out, packet, at);
    }

    /** As {@link #ip6} for an IPv4 address. */
    void ip4(StringBuilder out, String before, int at) {
        bytes.u8(at);
        bytes.u8(at + 3);
        out.append(before);
        Text.ipv4(out, packet, at);
    }

    /**
     * tcpdump's print_unknown_data: the captured part of {@code len} bytes from {@code at} as hex lines, each
     * starting with {@code indent}; a start past the snapshot end gets tcpdump's complaint instead.
     */
    void unknownData(StringBuilder out, int at, String indent, long len) {
        if (at > end) {
            out.append(indent).append("Dissector error: print_unknown_data called with pointer past end of packet");
            return;
        }
        HexDump.hex(packet, at, (int) Math.min(len, end - at), indent, out);
    }
}
