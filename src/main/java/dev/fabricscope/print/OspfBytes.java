package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * The reads the OSPF (v2 and v3) and PIM printers share, each as tcpdump's GET_ macros behave: past the snapshot end
 * they jump ({@link SnapshotBytes.Jump}), and the printer ends the line with its marker. One per printer.
 */
final class OspfBytes {
    /** tcpdump's "goto trunc" after its own length checks: the printer's marker, but no early end. */
    static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    final SnapshotBytes bytes = new SnapshotBytes();
    private Packet p;

    void set(Packet packet, int snapshotEnd) {
        this.p = packet;
        bytes.set(packet, snapshotEnd);
    }

    void clear() {
        bytes.clear();
        p = null;
    }

    int end() {
        return bytes.end();
    }

    /** Whether {@code len} bytes at {@code at} were captured (tcpdump's ND_TTEST_LEN). */
    boolean has(long at, long len) {
        return at >= 0 && len >= 0 && at + len <= bytes.end();
    }

    /** tcpdump's ND_TCHECK_LEN inside a printer whose "trunc" label jumps out too. */
    void check(long at, long len) {
        if (!has(at, len)) bytes.u8(Integer.MAX_VALUE);
    }

    int u8(int at) {
        return bytes.u8(at);
    }

    int u16(int at) {
        return bytes.u16(at);
    }

    int u24(int at) {
        return bytes.u8(at) << 16 | bytes.u16(at + 1);
    }

    long u32(int at) {
        return bytes.u32(at);
    }

    /** The IPv4 address at {@code at} (GET_IPADDR_STRING). */
    void ipv4(StringBuilder out, int at) {
        bytes.u8(at + 3);
        bytes.u8(at);
        Text.ipv4(out, p, at);
    }

    /** The IPv6 address at {@code at} (GET_IP6ADDR_STRING). */
    void ipv6(StringBuilder out, int at) {
        bytes.u8(at + 15);
        bytes.u8(at);
        Text.ipv6(out, p, at);
    }

    /** Fetches the 4 bytes an IPv4 address takes, for a print that needs them before it writes anything. */
    void fetch(int at, int len) {
        bytes.u8(at);
        bytes.u8(at + len - 1);
    }

    /**
     * tcpdump's print_unknown_data: {@code len} bytes at {@code at} as hex_print writes them, each line starting with
     * {@code indent}; only the captured part, without a marker. False (after a message) when {@code at} is
     * already past the snapshot end.
     */
    boolean unknownData(int at, int len, String indent, StringBuilder out) {
        if (at > bytes.end()) {
            out.append(indent).append("Dissector error: print_unknown_data called with pointer past end of packet");
            return false;
        }
        long captured = Math.min(Integer.toUnsignedLong(len), bytes.end() - (long) at);
        HexDump.hex(p, at, (int) captured, indent, out);
        return true;
    }
}
