package dev.fabricscope.print;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;

/**
 * Cisco's Overlay Transport Virtualization (draft-hasmit-otv, UDP 8472) as tcpdump 4.99 prints it (print-otv.c):
 * {@code OTV, flags [I] (0x08), overlay 0, instance 100}, a newline, then the carried Ethernet frame's own line,
 * printed like any frame (as {@link VxlanFormatter}'s). tcpdump's reads jump out of its printer here: a cut header
 * ends with " [|otv]" and the raw dump starts at byte 0 ({@link EarlyEnd}).
 */
final class OtvFormatter {
    private static final int HEADER = 8;
    private static final int FLAG_INSTANCE = 0x08;

    private final EarlyEnd earlyEnd;
    private final Encapsulated inner;

    OtvFormatter(EarlyEnd earlyEnd, Encapsulated inner) {
        this.earlyEnd = earlyEnd;
        this.inner = inner;
    }

    /** The OTV header of the UDP payload at {@code off} ({@code length} bytes), {@code end} the snapshot end. */
    void format(Packet p, int off, int length, int end, StringBuilder out) {
        out.append("OTV, ");
        if (Integer.compareUnsigned(length, HEADER) < 0) {   // unsigned: a jumbogram's can pass 2^31
            out.append("[length ").append(length).append(" < ").append(HEADER).append("] (invalid)");
            if ((long) off + length > end) earlyEnd.mark(out, "otv");   // tcpdump still checks that the short datagram is there
            return;
        }
        if (off + 1 > end) {
            earlyEnd.mark(out, "otv");
            return;
        }
        int flags = p.u8(off);
        out.append("flags [").append((flags & FLAG_INSTANCE) != 0 ? "I" : ".").append("] (0x");
        Text.hex(out, flags, 2);
        out.append("), ");
        if (off + 4 > end) {
            earlyEnd.mark(out, "otv");
            return;
        }
        out.append("overlay ").append(p.u24(off + 1)).append(", ");
        if (off + 7 > end) {
            earlyEnd.mark(out, "otv");
            return;
        }
        out.append("instance ").append(p.u24(off + 4)).append('\n');
        if (off + HEADER > end) {   // the reserved byte
            earlyEnd.mark(out, "otv");
            return;
        }
        int frame = off + HEADER;
        if (!inner.print(p, frame, length - HEADER, end - frame, LinkType.EN10MB, out)) out.append(" [|otv]");
    }
}
