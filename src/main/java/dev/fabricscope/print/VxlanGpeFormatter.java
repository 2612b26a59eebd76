package dev.fabricscope.print;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;

/**
 * VXLAN's Generic Protocol Extension (draft-ietf-nvo3-vxlan-gpe, UDP 4790) as tcpdump 4.99 prints it
 * (print-vxlan-gpe.c): {@code VXLAN-GPE, flags [IP], vni 100: } (with -v a new line instead of ": ") then the carried
 * IPv4, IPv6, Ethernet or NSH ({@link NshFormatter}) packet, printed like any. tcpdump 4.99 decodes no other next
 * protocol (MPLS, 5, included): those print {@code ERROR: unknown-next-protocol (invalid)}, as here. tcpdump's reads
 * jump out of its printer: a cut header ends with " [|vxlan_gpe]" and the raw dump starts at byte 0 ({@link EarlyEnd}).
 */
final class VxlanGpeFormatter {
    private static final int HEADER = 8;
    private static final int IPV4 = 1, IPV6 = 2, ETHERNET = 3, NSH = 4;
    /** print-vxlan-gpe.c's flag table, in its order (names run together). */
    private static final int[] FLAG_BITS = {0x08, 0x04, 0x02, 0x01};
    private static final String[] FLAG_NAMES = {"I", "P", "B", "O"};

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final Encapsulated inner;
    private final NshFormatter nsh;

    VxlanGpeFormatter(Verbosity verbosity, EarlyEnd earlyEnd, Encapsulated inner, NshFormatter nsh) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
        this.inner = inner;
        this.nsh = nsh;
    }

    /** The UDP payload at {@code off} ({@code length} bytes), {@code end} the snapshot end. */
    void format(Packet p, int off, int length, int end, StringBuilder out) {
        out.append("VXLAN-GPE, ");
        if (Integer.compareUnsigned(length, HEADER) < 0) {   // unsigned: a jumbogram's can pass 2^31
            out.append(" (len ").append(length).append(" < ").append(HEADER).append(") (invalid)");
            return;
        }
        if (off + 1 > end) {
            earlyEnd.mark(out, "vxlan_gpe");
            return;
        }
        int flags = p.u8(off);
        out.append("flags [");
        boolean any = false;
        for (int i = 0; i < FLAG_BITS.length; i++) {
            if ((flags & FLAG_BITS[i]) == 0) continue;
            out.append(FLAG_NAMES[i]);
            any = true;
        }
        out.append(any ? "], " : "none], ");
        if (off + HEADER > end) {   // next protocol, VNI and the reserved byte are all read before anything prints
            earlyEnd.mark(out, "vxlan_gpe");
            return;
        }
        int nextProtocol = p.u8(off + 3);
        out.append("vni ").append(p.u24(off + 4)).append(verbosity.verbose() ? "\n    " : ": ");
        int payload = off + HEADER;
        length -= HEADER;
        // tcpdump's u_int (a jumbogram's passes 2^31), as the carried packet's printer takes it
        switch (nextProtocol) {
            case IPV4 -> carried(p, payload, length, end, LinkType.IPV4, out);
            case IPV6 -> carried(p, payload, length, end, LinkType.IPV6, out);
            case ETHERNET -> carried(p, payload, length, end, LinkType.EN10MB, out);
            case NSH -> nsh.format(p, payload, length, end, out);
            default -> out.append("ERROR: unknown-next-protocol (invalid)");
        }
    }

    private void carried(Packet p, int off, int length, int end, int linkType, StringBuilder out) {
        if (!inner.print(p, off, length, end - off, linkType, out)) out.append(" [|vxlan_gpe]");
    }
}
