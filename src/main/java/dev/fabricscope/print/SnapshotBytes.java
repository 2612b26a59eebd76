package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * Reads of a protocol printer that behave as tcpdump's GET_ macros: past the snapshot end (the capture clipped to
 * the IP length) they jump out of the printer, which then prints its truncation marker and marks {@link EarlyEnd}.
 * {@link #has} is tcpdump's test that does not jump (ND_TTEST), {@link #need} its check that does (ND_TCHECK in the
 * printers whose checks jump); the address printers fetch their whole field before writing, as tcpdump's fetch all
 * of a print call's fields first. One per printer (printers with more to share extend it), the one place the
 * printer keeps the packet and its snapshot end: {@link #set} before each packet and {@link #clear} after it, or
 * {@code try (var _ = bytes.reading(packet, end)) { ... } catch (SnapshotBytes.Jump j) { ... }}, which clears it
 * (before the catch runs) without allocating.
 */
class SnapshotBytes implements AutoCloseable {
    /** The jump; one instance per reader, without a stack trace. */
    static final class Jump extends RuntimeException {
        Jump() {
            super(null, null, false, false);
        }
    }

    private final Jump jump = new Jump();
    private Packet packet;
    private int end;

    final void set(Packet p, int snapshotEnd) {
        this.packet = p;
        this.end = snapshotEnd;
    }

    final void clear() {
        this.packet = null;
    }

    /** {@link #set} for a try-with-resources whose {@link #close} clears: this reader, not a new object. */
    final SnapshotBytes reading(Packet p, int snapshotEnd) {
        set(p, snapshotEnd);
        return this;
    }

    /** {@link #clear}. */
    @Override
    public final void close() {
        clear();
    }

    /** The packet being read (valid between {@link #set} and {@link #clear}). */
    final Packet packet() {
        return packet;
    }

    /** tcpdump's snapshot end: reads at or past it jump. */
    final int end() {
        return end;
    }

    /** Whether {@code len} bytes from {@code at} were captured (ND_TTEST_LEN: no jump). */
    final boolean has(long at, long len) {
        return at >= 0 && len >= 0 && at + len <= end;
    }

    /** As a GET_ macro over {@code len} bytes: jumps unless all were captured. */
    final void need(long at, long len) {
        if (!has(at, len)) throw jump;
    }

    /**
     * tcpdump's ND_TCHECK_LEN as the CDP, DTP, UDLD and VTP printers use it: jumps unless the last of {@code len} bytes
     * from {@code at} was captured; nothing for a length of 0 or less.
     */
    final void needLast(long at, long len) {
        if (len > 0) u8(at + len - 1);
    }

    /**
     * tcpdump's nd_print_invalid, then its ND_TCHECK_LEN of the rest ({@link #needLast}), as the CDP, DTP, UDLD and VTP
     * printers end a PDU that does not add up.
     */
    final void invalid(StringBuilder out, long at, long len) {
        out.append(" (invalid)");
        needLast(at, len);
    }

    final int u8(long at) {
        need(at, 1);
        return packet.u8((int) at);
    }

    final int u16(long at) {
        need(at, 2);
        return packet.u16((int) at);
    }

    final int u24(long at) {
        need(at, 3);
        return packet.u24((int) at);
    }

    final long u32(long at) {
        need(at, 4);
        return packet.u32((int) at);
    }

    final int le16(long at) {
        need(at, 2);
        return packet.le16((int) at);
    }

    final long le32(long at) {
        need(at, 4);
        return packet.le32((int) at);
    }

    final long u64(long at) {
        need(at, 8);
        return packet.u32((int) at) << 32 | packet.u32((int) at + 4);
    }

    /** The IPv4 address at {@code at} (GET_IPADDR_STRING). */
    final void ip4(StringBuilder out, long at) {
        need(at, 4);
        Text.ipv4(out, packet, (int) at);
    }

    /** The IPv6 address at {@code at} (GET_IP6ADDR_STRING). */
    final void ip6(StringBuilder out, long at) {
        need(at, 16);
        Text.ipv6(out, packet, (int) at);
    }

    /**
     * tcpdump's print_unknown_data: the captured part of {@code len} bytes from {@code at} as hex lines, each
     * starting with {@code indent}; a start past the snapshot end gets tcpdump's complaint instead.
     */
    final void unknownData(StringBuilder out, long at, String indent, long len) {
        if (at > end) {
            out.append(indent).append("Dissector error: print_unknown_data called with pointer past end of packet");
            return;
        }
        HexDump.hex(packet, (int) at, (int) Math.min(len, end - at), indent, out);
    }

    /** tcpdump's hex_print: as {@link #unknownData}, then a jump when not all of it was captured. */
    final void hexPrint(StringBuilder out, long at, String indent, long len) {
        hexPrint(out, at, indent, len, 0);
    }

    /** tcpdump's hex_print_with_offset: as the one above with the offsets counted from {@code base}. */
    final void hexPrint(StringBuilder out, long at, String indent, long len, int base) {
        long captured = Math.max(0, Math.min(len, end - at));
        if (captured > 0) HexDump.hex(packet, (int) at, (int) captured, indent, base, out);
        if (captured < len) throw jump;
    }

    /** tcpdump's nd_printn: {@code n} bytes as printable characters, each fetched (a jump ends it). */
    final void printn(StringBuilder out, long at, int n) {
        for (int i = 0; i < n; i++) Text.printableChar(out, u8(at + i));
    }
}
