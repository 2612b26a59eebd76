package dev.fabricscope.print;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;

/**
 * An MPLS label stack (RFC 3032; ethertypes 0x8847/0x8848, GRE, PPP) as tcpdump 4.99 prints it (print-mpls.c):
 * {@code MPLS (label 100, tc 3, [S], ttl 64)} per entry (with -v each further entry on its own line and the reserved
 * labels named), then what tcpdump guesses follows the bottom of the stack: IPv4 after label 0 or 3, IPv6 after
 * label 2, else by the first byte (0x45-0x4f IPv4, 0x60-0x6f IPv6, 0x81-0x83 OSI: {@link OsiFormatter}); anything
 * else is dumped in hex and ASCII unless -q, -x or -X. tcpdump 4.99 does not look for Ethernet pseudowires: they are
 * dumped too.
 *
 * <p>tcpdump's reads jump out of its printer here: a cut stack ends with " [|mpls]" and the raw dump then starts at
 * byte 0 ({@link EarlyEnd}).
 */
final class MplsFormatter {
    private static final String[] RESERVED_LABELS = {"IPv4 explicit NULL", "router alert", "IPv6 explicit NULL",
        "implicit NULL"};
    private static final int RESERVED = 16;

    private final Verbosity verbosity;
    /** tcpdump's default print of what it cannot decode: off with -q, -x and -X. */
    private final boolean defaultPrint;
    private final EarlyEnd earlyEnd;
    private final Encapsulated inner;

    MplsFormatter(Verbosity verbosity, boolean defaultPrint, EarlyEnd earlyEnd, Encapsulated inner) {
        this.verbosity = verbosity;
        this.defaultPrint = defaultPrint;
        this.earlyEnd = earlyEnd;
        this.inner = inner;
    }

    /** The label stack at {@code off}: {@code length} bytes on the wire, readable up to the packet's captured end. */
    void format(Packet p, int off, int length, StringBuilder out) {
        int end = p.capLen();
        out.append("MPLS");
        int label;
        int depth = 0;
        while (true) {   // terminates: each entry consumes 4 bytes of a bounded length
            if (Integer.compareUnsigned(length, 4) < 0) {   // unsigned: a jumbogram's can pass 2^31
                out.append(" (invalid)");
                if ((long) off + length > end) earlyEnd.mark(out, "mpls");
                return;
            }
            if (off + 4 > end) {
                earlyEnd.mark(out, "mpls");
                return;
            }
            long entry = p.u32(off);
            label = (int) (entry >>> 12);
            out.append(depth > 0 && verbosity.verbose() ? "\n\t" : " ").append("(label ").append(label);
            if (verbosity.verbose() && label < RESERVED) {
                out.append(" (").append(label < RESERVED_LABELS.length ? RESERVED_LABELS[label] : "rsvd").append(')');
            }
            out.append(", tc ").append((entry >>> 9) & 7);
            boolean bottom = (entry & 0x100) != 0;
            if (bottom) out.append(", [S]");
            out.append(", ttl ").append(entry & 0xff).append(')');
            depth++;
            off += 4;
            length -= 4;
            if (bottom) break;
        }
        int linkType;
        switch (label) {
            case 0, 3 -> linkType = LinkType.IPV4;
            case 2 -> linkType = LinkType.IPV6;
            default -> {
                if (length == 0) return;
                if (off >= end) {
                    earlyEnd.mark(out, "mpls");
                    return;
                }
                int first = p.u8(off);
                linkType = first >= 0x45 && first <= 0x4f ? LinkType.IPV4
                    : first >= 0x60 && first <= 0x6f ? LinkType.IPV6
                    : first >= 0x81 && first <= 0x83 ? Encapsulated.OSI : -1;
            }
        }
        if (linkType < 0) {
            if (!defaultPrint) return;
            int captured = Math.max(0, UnsignedLength.min(length, end - off));
            HexDump.hexAndAscii(p, off, captured, "\n\t", out);
            if (Integer.compareUnsigned(captured, length) < 0) earlyEnd.mark(out, "mpls");
            return;
        }
        out.append(verbosity.verbose() ? "\n\t" : " ");
        if (!inner.print(p, off, length, end - off, linkType, out)) out.append(" [|mpls]");
    }
}
