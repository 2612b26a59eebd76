package dev.fabricscope.print;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;

/**
 * VXLAN (RFC 7348) as tcpdump 4.99 prints it (print-vxlan.c): {@code VXLAN, flags [I] (0x08), vni 100}, a newline,
 * then the encapsulated Ethernet frame's own line, printed like any frame (with -e its MAC header, with -v its IP
 * header details). tcpdump's checked reads jump out of its printer here: a cut header ends with " [|vxlan]" and
 * the raw dump starts at byte 0 ({@link EarlyEnd}).
 */
final class VxlanFormatter {
    private static final int HEADER = 8;
    private static final int FLAG_VNI = 0x08;

    private final EarlyEnd earlyEnd;
    private final Encapsulated inner;

    VxlanFormatter(EarlyEnd earlyEnd, Encapsulated inner) {
        this.earlyEnd = earlyEnd;
        this.inner = inner;
    }

    /** The VXLAN header of the UDP payload at {@code off} ({@code length} bytes), {@code end} the snapshot end. */
    void format(Packet p, int off, int length, int end, StringBuilder out) {
        out.append("VXLAN");
        if (Integer.compareUnsigned(length, HEADER) < 0) {   // unsigned: a jumbogram's can pass 2^31
            out.append(" (invalid)");
            return;
        }
        if (off + 1 > end) {
            earlyEnd.mark(out, "vxlan");
            return;
        }
        int flags = p.u8(off);
        out.append(", flags [").append((flags & FLAG_VNI) != 0 ? "I" : "invalid").append("] (0x");
        Text.hex(out, flags, 2);
        out.append("), ");
        if (off + 7 > end) {
            earlyEnd.mark(out, "vxlan");
            return;
        }
        out.append("vni ").append(p.u24(off + 4)).append('\n');
        if (off + 8 > end) {
            earlyEnd.mark(out, "vxlan");
            return;
        }
        int frame = off + HEADER;
        if (!inner.print(p, frame, length - HEADER, end - frame, LinkType.EN10MB, out)) out.append(" [|vxlan]");
    }
}
