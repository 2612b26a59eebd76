package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * Cisco NetFlow export v1, v5 and v6 (tcpdump's {@code -T cnfp} only; print-cnfp.c):
 * {@code NetFlow v5, 12.345 uptime, 1700000000.000000001, #7,  2 recs}, then per flow record its start and last
 * times, {@code src/mask:as:port > dst/mask:as:port >> nexthop} (v1 without mask and AS), the IP protocol (TCP's
 * flags after it), ToS, packets and octets (v6 its encapsulation sizes). As tcpdump, the record count is read 32 bits
 * wide (count and the top of the uptime), so the records run on until the capture ends them: a header or record cut
 * short ends the text with " [|cnfp]", which tcpdump prints itself; only a missing version jumps out
 * ({@link EarlyEnd}). Other versions print just {@code NetFlow vN}. Protocols are numbers (fabricscope is always -n).
 */
final class CnfpFormatter {
    /** v1's record; tcpdump's v5 and v6 records are 52 bytes (with a peer next hop after the 48 Cisco sends). */
    private static final int RECORD_V1 = 48, RECORD = 52;
    private static final int TCP = 6;

    private final EarlyEnd earlyEnd;

    CnfpFormatter(EarlyEnd earlyEnd) {
        this.earlyEnd = earlyEnd;
    }

    /** The export at {@code off}; tcpdump gives its printer no length, only the snapshot end {@code end}. */
    void format(Packet p, int off, int end, StringBuilder out) {
        if (off + 2 > end) {
            earlyEnd.mark(out, "cnfp");
            return;
        }
        int version = p.u16(off);
        if (version != 1 && version != 5 && version != 6) {
            out.append("NetFlow v");
            Text.hex(out, version);
            return;
        }
        int header = version == 1 ? 16 : 24;
        if (off + header > end) {   // checked before anything is printed
            trunc(out);
            return;
        }
        long uptime = p.u32(off + 4);
        out.append("NetFlow v").append(version).append(", ");
        millis(out, uptime);
        out.append(" uptime, ");
        Text.u32(out, p.u32(off + 8));
        out.append('.');
        Text.zeroPadded(out, p.u32(off + 12), 9);
        out.append(", ");
        if (version != 1) out.append('#').append(p.u32(off + 16)).append(", ");
        long records = p.u32(off + 2);
        Text.rightAligned(out, records, 2);
        out.append(" recs");
        int size = version == 1 ? RECORD_V1 : RECORD;
        for (long r = off + header; records != 0; r += size, records--) {
            if (r + size > end) {
                trunc(out);
                return;
            }
            record(p, (int) r, version, out);
        }
    }

    private static void record(Packet p, int r, int version, StringBuilder out) {
        out.append("\n  started ");
        millis(out, p.u32(r + 24));
        out.append(", last ");
        millis(out, p.u32(r + 28));
        out.append("\n    ");
        endpoint(p, r, r + 32, r + 44, r + 40, version, out);
        out.append("> ");
        endpoint(p, r + 4, r + 34, r + 45, r + 42, version, out);
        out.append(">> ");
        Text.ipv4(out, p, r + 8);
        out.append("\n    ");
        int proto = p.u8(r + 38), tos = p.u8(r + 39);
        int flags = p.u8(version == 1 ? r + 40 : r + 37);   // v1's TCP flags follow the ToS, v5's and v6's precede the protocol
        out.append(proto).append(' ');
        if (proto == TCP) {
            if ((flags & 0x01) != 0) out.append('F');
            if ((flags & 0x02) != 0) out.append('S');
            if ((flags & 0x04) != 0) out.append('R');
            if ((flags & 0x08) != 0) out.append('P');
            if ((flags & 0x10) != 0) out.append('A');
            if ((flags & 0x20) != 0) out.append('U');
            if (flags != 0) out.append(' ');
        }
        out.append("tos ").append(tos).append(", ").append(p.u32(r + 16)).append(" (").append(p.u32(r + 20))
            .append(" octets) ");
        if (version == 6) {
            out.append('(').append(p.u8(r + 46)).append("<>").append(p.u8(r + 47)).append(" encaps)");
        }
    }

    /** An address, v5's and v6's mask and AS after it, and the port. */
    private static void endpoint(Packet p, int address, int port, int mask, int as, int version, StringBuilder out) {
        Text.ipv4(out, p, address);
        if (version != 1) out.append('/').append(p.u8(mask)).append(':').append(p.u16(as));
        out.append(':').append(p.u16(port)).append(' ');
    }

    /** Milliseconds as tcpdump's "%u.%03u". */
    private static void millis(StringBuilder out, long ms) {
        out.append(ms / 1000).append('.');
        Text.zeroPadded(out, ms % 1000, 3);
    }

    private static void trunc(StringBuilder out) {
        out.append(" [|cnfp]");
    }
}
