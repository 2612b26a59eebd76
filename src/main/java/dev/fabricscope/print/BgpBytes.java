package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * The bytes of one TCP segment's BGP payload as print-bgp.c reads them, shared by the BGP printers. Reads past the
 * snapshot end jump out ({@link SnapshotBytes.Jump}: tcpdump's GET_ macros), {@link #has} is its test that does not
 * jump (ND_TTEST), and the multi-field printers check their whole field before writing (tcpdump fetches all of a
 * print call's fields before it prints). Prefixes are copied into a scratch buffer and masked, as tcpdump does
 * before it formats them. One per {@link BgpFormatter}, refilled for each packet; allocates nothing.
 */
final class BgpBytes {
    /** tcpdump's ISONSAP_MAX_LENGTH. */
    private static final int NSAP_MAX = 20;

    private final SnapshotBytes.Jump jump = new SnapshotBytes.Jump();
    private final byte[] scratch = new byte[NSAP_MAX];
    private final Packet scratchView = new Packet();
    private Packet packet;
    private int end;

    void set(Packet p, int snapshotEnd) {
        this.packet = p;
        this.end = snapshotEnd;
    }

    void clear() {
        this.packet = null;
    }

    /** tcpdump's snapshot end: the capture clipped to the IP length. */
    int end() {
        return end;
    }

    /** Whether {@code len} bytes from {@code at} were captured (ND_TTEST_LEN: no jump). */
    boolean has(long at, long len) {
        return at >= 0 && len >= 0 && at + len <= end;
    }

    /** As a GET_ macro over {@code len} bytes: jumps unless all were captured. */
    void need(long at, long len) {
        if (!has(at, len)) throw jump;
    }

    int u8(long at) {
        need(at, 1);
        return packet.u8((int) at);
    }

    int u16(long at) {
        need(at, 2);
        return packet.u16((int) at);
    }

    int u24(long at) {
        need(at, 3);
        return packet.u8((int) at) << 16 | packet.u16((int) at + 1);
    }

    long u32(long at) {
        need(at, 4);
        return packet.u32((int) at);
    }

    long u64(long at) {
        need(at, 8);
        return packet.u32((int) at) << 32 | packet.u32((int) at + 4);
    }

    void ip4(StringBuilder out, long at) {
        need(at, 4);
        Text.ipv4(out, packet, (int) at);
    }

    void ip6(StringBuilder out, long at) {
        need(at, 16);
        Text.ipv6(out, packet, (int) at);
    }

    /** tcpdump's isonsap_string over captured bytes (GET_ISONSAP_STRING: jumps unless all were captured). */
    void nsap(StringBuilder out, long at, int len) {
        need(at, len);
        if (len < 1 || len > NSAP_MAX) {
            out.append("isonsap_string: illegal length");
            return;
        }
        for (int i = 0; i < len; i++) scratch[i] = (byte) packet.u8((int) at + i);
        nsapText(out, len);
    }

    /**
     * A prefix of {@code bits} bits at {@code at} into the zeroed scratch buffer, the bits past it in its last byte
     * cleared (GET_CPY_BYTES then the mask); jumps when the prefix's bytes were not all captured.
     */
    void copyPrefix(long at, int bits) {
        int n = (bits + 7) / 8;
        need(at, n);
        java.util.Arrays.fill(scratch, (byte) 0);
        for (int i = 0; i < n; i++) scratch[i] = (byte) packet.u8((int) at + i);
        if (bits % 8 != 0) scratch[n - 1] &= (byte) (0xff00 >> (bits % 8));
    }

    /** The scratch buffer's byte {@code i}. */
    int scratch(int i) {
        return scratch[i] & 0xff;
    }

    void scratchIp4(StringBuilder out) {
        Text.ipv4(out, view(), 0);
    }

    void scratchIp6(StringBuilder out) {
        Text.ipv6(out, view(), 0);
    }

    /** isonsap_string of the scratch buffer's first {@code len} bytes. */
    void scratchNsap(StringBuilder out, int len) {
        if (len < 1 || len > NSAP_MAX) out.append("isonsap_string: illegal length");
        else nsapText(out, len);
    }

    /** Hex pairs, a dot after the first byte and then after every second one. */
    private void nsapText(StringBuilder out, int len) {
        for (int i = 0; i < len; i++) {
            Text.hex(out, scratch[i] & 0xff, 2);
            if ((i & 1) == 0 && i + 1 < len) out.append('.');
        }
    }

    private Packet view() {
        return scratchView.set(scratch, 0, scratch.length, scratch.length, 0, 0, 0, 0);
    }

    /**
     * tcpdump's print_unknown_data: the captured part of {@code len} bytes from {@code at} as hex lines, each
     * starting with {@code indent}; a start past the snapshot end gets tcpdump's complaint instead.
     */
    void unknownData(StringBuilder out, long at, String indent, long len) {
        if (at > end) {
            out.append(indent).append("Dissector error: print_unknown_data called with pointer past end of packet");
            return;
        }
        HexDump.hex(packet, (int) at, (int) Math.min(len, end - at), indent, out);
    }

    /** tcpdump's hex_print: as {@link #unknownData}, then a jump when not all of it was captured. */
    void hexPrint(StringBuilder out, long at, String indent, long len) {
        long captured = Math.max(0, Math.min(len, end - at));
        if (captured > 0) HexDump.hex(packet, (int) at, (int) captured, indent, out);
        if (captured < len) throw jump;
    }

    /** tcpdump's nd_printn: {@code n} bytes as printable characters, each fetched (a jump ends it). */
    void printn(StringBuilder out, long at, int n) {
        for (int i = 0; i < n; i++) Text.printableChar(out, u8(at + i));
    }
}
