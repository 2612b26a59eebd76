package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Layers;

/**
 * Native InfiniBand (LINKTYPE_INFINIBAND, ERF type 21): {@code IB LRH dlid N slid N, BTH opcode N
 * dqpn N, length N}, from the headers the dissector located (IBTA vol. 1: LRH DLID at bytes 2-3,
 * SLID at 6-7; BTH opcode at byte 0, destination QP in bytes 5-7). tcpdump has no printer for these
 * link types (it prints "UNSUPPORTED" and a hex dump): our own format, a known difference. IP over IB follows
 * it ({@link PacketPrinter}).
 */
final class InfinibandFormatter {
    void format(Packet p, Layers l, StringBuilder out) {
        int lrh = l.ibLrhOffset;
        if (lrh < 0) {
            out.append("IB [|lrh]");
            return;
        }
        out.append("IB LRH dlid ").append(p.u16(lrh + 2)).append(" slid ").append(p.u16(lrh + 6));
        int bth = l.ibBthOffset;
        if (bth >= 0) {
            out.append(", BTH opcode ").append(p.u8(bth)).append(" dqpn ").append(p.u32(bth + 4) & 0xffffff);
        } else if (l.isMalformed()) {
            out.append(" [|ib]");
            return;
        }
        out.append(", length ").append(Math.max(0, p.origLen() - lrh));
    }
}
