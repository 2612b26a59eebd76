package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * AppleTalk as tcpdump 4.99 prints it (print-atalk.c): DDP (ethertype 0x809b, and in SNAP with Apple's OUI 08-00-07)
 * as {@code AT 1.2.253 > 3.4.2: nbp-lkup 7: "=:LaserWriter@*"} ("AT " only without -e), AARP (ethertype 0x80f3) as
 * {@code aarp who-has 1.2 tell 1.3}, and LocalTalk's LLAP header (LINKTYPE_LTALK) in front of a short or long DDP
 * header ({@code 0.5.253 > 0.9.2: nbp-lkup ...}: net 0, the nodes LLAP's). By DDP type:
 * NBP (lookups, broadcast requests, replies with their tuples and tcpdump's anomaly notes), ATP (request, response,
 * release: control flags, bitmap, transaction id, user data), EIGRP ({@link EigrpFormatter}), and for the others
 * (RTMP, echo, ZIP, ...) tcpdump's "at-rtmp 20" name and length: tcpdump 4.99 decodes no further.
 *
 * <p>Addresses are numeric ("net.node", "net" for node 255), sockets too, as tcpdump -n prints them. tcpdump checks
 * each header's capture itself, so a cut packet ends the line with its marker ("[|ddp]", "[|atalk]", "[|llap]") but never
 * jumps: the link-level header still counts for -x. Appends to the caller's builder; allocates nothing.
 */
final class AtalkFormatter {
    static final int ETHERTYPE = 0x809b, ETHERTYPE_AARP = 0x80f3;
    private static final int DDP = 13, SHORT_DDP = 5, LAP = 3, AARP = 28, ATP = 8, NBP_HEADER = 2, NBP_TUPLE = 5;
    private static final int LAP_SHORT_DDP = 1, LAP_DDP = 2;
    private static final int DDP_RTMP = 1, DDP_NBP = 2, DDP_ATP = 3, DDP_ECHO = 4, DDP_RTMP_REQUEST = 5, DDP_IP = 22,
        DDP_ARP = 23, DDP_EIGRP = 88, DDP_KLAP = 0x4b;
    private static final int ATP_REQUEST = 0x40, ATP_RESPONSE = 0x80, ATP_RELEASE = 0xc0, ATP_XO = 0x20,
        ATP_EOM = 0x10, ATP_STS = 0x08;
    private static final int NBP_BROADCAST_REQUEST = 0x10, NBP_LOOKUP = 0x20, NBP_LOOKUP_REPLY = 0x30;

    private final boolean linkHeaders;
    private final EigrpFormatter eigrp;
    /** tcpdump's ndo_protocol, which its truncation marks name: the entry point's ("atalk" or "llap"). */
    private String protocol;
    /** tcpdump's snapshot end for the packet being printed: the capture's, or the IP length's for KIP. */
    private int end;

    AtalkFormatter(Verbosity verbosity, boolean linkHeaders, EarlyEnd earlyEnd) {
        this.linkHeaders = linkHeaders;
        this.eigrp = new EigrpFormatter(verbosity, earlyEnd);
    }

    /**
     * tcpdump's atalk_print: the long DDP header at {@code off} and its payload; {@code length} from the link, taken
     * unsigned as tcpdump's u_int (a frame an IPv6 jumbogram carries passes 2^31), as in all below it.
     */
    void ddp(Packet p, int off, int length, StringBuilder out) {
        protocol = "atalk";
        end = p.capLen();
        if (!linkHeaders) out.append("AT ");
        if (Integer.compareUnsigned(length, DDP) < 0) {
            out.append(" [|ddp ").append(length).append(']');
            return;
        }
        if (!has(off, DDP)) {
            out.append(" [|ddp]");
            return;
        }
        int net = p.u16(off + 6);
        address(net, p.u8(off + 9), out);
        out.append('.').append(p.u8(off + 11)).append(" > ");
        address(p.u16(off + 4), p.u8(off + 8), out);
        out.append('.').append(p.u8(off + 10)).append(": ");
        payload(p, off + DDP, length - DDP, p.u8(off + 12), net, p.u8(off + 9), p.u8(off + 11), out);
    }

    /**
     * tcpdump's llap_print: LocalTalk's header (destination, source, type) then a short or long DDP header; returns
     * the bytes tcpdump counts as link-level header, 0 where the capture ends inside them.
     */
    int llap(Packet p, int off, int length, StringBuilder out) {
        return llap(p, off, length, p.capLen(), out);
    }

    /** {@link #llap} with the snapshot ending at {@code end} (UDP's KIP: the IP length's). */
    int llap(Packet p, int off, int length, int end, StringBuilder out) {
        protocol = "llap";
        this.end = Math.min(end, p.capLen());
        if (length < LAP) {
            out.append(" [|llap ").append(length).append(']');
            return length;
        }
        if (!has(off, LAP)) {
            out.append(" [|llap]");
            return 0;
        }
        int dst = p.u8(off), src = p.u8(off + 1), type = p.u8(off + 2);
        int bp = off + LAP;
        length -= LAP;
        switch (type) {
            case LAP_SHORT_DDP -> {
                if (length < SHORT_DDP) {
                    out.append(" [|sddp ").append(length).append(']');
                    return length;
                }
                if (!has(bp, SHORT_DDP)) {
                    out.append(" [|sddp]");
                    return 0;
                }
                address(0, src, out);
                out.append('.').append(p.u8(bp + 3)).append(" > ");
                address(0, dst, out);
                out.append('.').append(p.u8(bp + 2)).append(':');
                payload(p, bp + SHORT_DDP, length - SHORT_DDP, p.u8(bp + 4), 0, src, p.u8(bp + 3), out);
                return LAP + SHORT_DDP;
            }
            case LAP_DDP -> {
                if (length < DDP) {
                    out.append(" [|ddp ").append(length).append(']');
                    return length;
                }
                if (!has(bp, DDP)) {
                    out.append(" [|ddp]");
                    return 0;
                }
                int net = p.u16(bp + 6);
                address(net, p.u8(bp + 9), out);
                out.append('.').append(p.u8(bp + 11)).append(" > ");
                address(p.u16(bp + 4), p.u8(bp + 8), out);
                out.append('.').append(p.u8(bp + 10)).append(':');
                payload(p, bp + DDP, length - DDP, p.u8(bp + 12), net, p.u8(bp + 9), p.u8(bp + 11), out);
                return LAP + DDP;
            }
            default -> {
                out.append(src).append(" > ").append(dst).append(" at-lap#").append(type).append(' ').append(length);
                return LAP;
            }
        }
    }

    /** tcpdump's aarp_print: requests, replies and probes for Ethernet/AppleTalk, else the header's fields. */
    void aarp(Packet p, int off, int length, StringBuilder out) {
        end = p.capLen();
        out.append("aarp ");
        if (!has(off, AARP)) {
            out.append(" [|aarp]");
            return;
        }
        if (Integer.compareUnsigned(length, AARP) < 0) {   // unsigned: a jumbogram's carried frame's
            out.append(" [|aarp ").append(length).append(']');
            return;
        }
        int hardware = p.u16(off), protocol = p.u16(off + 2), op = p.u16(off + 6);
        if (hardware == 1 && protocol == ETHERTYPE && p.u8(off + 4) == 6 && p.u8(off + 5) == 4) {
            switch (op) {
                case 1, 3 -> {
                    out.append(op == 1 ? "who-has " : "probe ");
                    aarpAddress(p, off + 24, out);
                    out.append(" tell ");
                    aarpAddress(p, off + 14, out);
                    return;
                }
                case 2 -> {
                    out.append("reply ");
                    aarpAddress(p, off + 14, out);
                    out.append(" is-at ");
                    Text.linkAddress(out, p, off + 8, 6);
                    return;
                }
                default -> { }
            }
        }
        out.append("len ").append(Integer.toUnsignedLong(length)).append(" op ").append(op).append(" htype ").append(hardware)
            .append(" ptype ");
        if (protocol != 0) out.append("0x");   // C's %#x: a bare 0
        Text.hex(out, protocol);
        out.append(" halen ").append(p.u8(off + 4)).append(" palen ").append(p.u8(off + 5));
    }

    /** Whether {@code len} bytes at {@code off} are before the snapshot end (tcpdump's ND_TTEST_LEN). */
    private boolean has(int off, int len) {
        return off >= 0 && len >= 0 && (long) off + len <= end;
    }

    /** An AARP protocol address: its first byte is padding, then net and node. */
    private static void aarpAddress(Packet p, int at, StringBuilder out) {
        address(p.u16(at + 1), p.u8(at + 3), out);
    }

    /** tcpdump's ataddr_string with -n. */
    private static void address(int net, int node, StringBuilder out) {
        out.append(net);
        if (node != 255) out.append('.').append(node);
    }

    /** tcpdump's ddp_print: the DDP payload by type. */
    private void payload(Packet p, int bp, int length, int type, int net, int node, int socket, StringBuilder out) {
        switch (type) {
            case DDP_NBP -> nbp(p, bp, length, net, node, socket, out);
            case DDP_ATP -> atp(p, bp, length, out);
            case DDP_EIGRP -> eigrp.format(p, bp, length, end, out);
            default -> {
                out.append(" at-");
                switch (type) {
                    case DDP_RTMP -> out.append("rtmp");
                    case DDP_RTMP_REQUEST -> out.append("rtmpReq");
                    case DDP_ECHO -> out.append("echo");
                    case DDP_IP -> out.append("IP");
                    case DDP_ARP -> out.append("ARP");
                    case DDP_KLAP -> out.append("KLAP");
                    default -> out.append('#').append(type);
                }
                out.append(' ').append(Integer.toUnsignedLong(length));
            }
        }
    }

    private void atp(Packet p, int bp, int length, StringBuilder out) {
        if (!has(bp, ATP)) {
            out.append(" [|").append(protocol).append(']');
            return;
        }
        if (Integer.compareUnsigned(length, ATP) < 0) {
            out.append(" [|atp ").append(length).append(']');
            return;
        }
        length -= ATP;
        int control = p.u8(bp), bitmap = p.u8(bp + 1), transaction = p.u16(bp + 2);
        switch (control & 0xc0) {
            case ATP_REQUEST -> {
                out.append(" atp-req").append((control & ATP_XO) != 0 ? " " : "*").append(' ').append(transaction);
                bitmap(bitmap, out);
                if (length != 0) out.append(" [len=").append(Integer.toUnsignedLong(length)).append(']');
                switch (control & (ATP_EOM | ATP_STS)) {
                    case ATP_EOM -> out.append(" [EOM]");
                    case ATP_STS -> out.append(" [STS]");
                    case ATP_EOM | ATP_STS -> out.append(" [EOM,STS]");
                    default -> { }
                }
            }
            case ATP_RESPONSE -> {
                out.append(" atp-resp").append((control & ATP_EOM) != 0 ? "*" : " ").append(transaction).append(':')
                    .append(bitmap).append(" (").append(Integer.toUnsignedLong(length)).append(')');
                switch (control & (ATP_XO | ATP_STS)) {
                    case ATP_XO -> out.append(" [XO]");
                    case ATP_STS -> out.append(" [STS]");
                    case ATP_XO | ATP_STS -> out.append(" [XO,STS]");
                    default -> { }
                }
            }
            case ATP_RELEASE -> {
                out.append(" atp-rel  ").append(transaction);
                bitmap(bitmap, out);
                if (length != 0) out.append(" [len=").append(Integer.toUnsignedLong(length)).append(']');
                if ((control & (ATP_XO | ATP_EOM | ATP_STS)) != 0) {
                    char c = '[';
                    if ((control & ATP_XO) != 0) {
                        out.append(c).append("XO");
                        c = ',';
                    }
                    if ((control & ATP_EOM) != 0) {
                        out.append(c).append("EOM");
                        c = ',';
                    }
                    if ((control & ATP_STS) != 0) out.append(c).append("STS");
                    out.append(']');
                }
            }
            default -> {
                out.append(" atp-0x");
                Text.hex(out, control);
                out.append("  ").append(transaction).append(" (").append(Integer.toUnsignedLong(length)).append(')');
            }
        }
        long data = p.u32(bp + 4);
        if (data != 0) {
            out.append(" 0x");
            Text.hex(out, data);
        }
    }

    /** tcpdump's atp_bitmap_print: a run from bit 0 as "<0-n>", else the set bits listed. */
    private static void bitmap(int bm, StringBuilder out) {
        if (((bm + 1) & bm) != 0) {
            char c = '<';
            for (int i = 0; bm != 0; i++, bm >>>= 1) {
                if ((bm & 1) != 0) {
                    out.append(c).append(i);
                    c = ',';
                }
            }
            out.append('>');
        } else {
            int i = 0;
            for (; bm != 0; i++) bm >>>= 1;
            if (i > 1) out.append("<0-").append(i - 1).append('>');
            else out.append("<0>");
        }
    }

    private void nbp(Packet p, int np, int length, int net, int node, int socket, StringBuilder out) {
        if (Integer.compareUnsigned(length, NBP_HEADER) < 0) {
            out.append(" truncated-nbp ").append(length);
            return;
        }
        length -= NBP_HEADER;
        if (Integer.compareUnsigned(length, 8) < 0) {   // room for at least one tuple
            out.append(" truncated-nbp ").append(length + NBP_HEADER);
            return;
        }
                int tp = np + NBP_HEADER;
        if (tp > end) {
            out.append(" [|").append(protocol).append(']');
            return;
        }
        int control = p.u8(np), id = p.u8(np + 1);
        int kind = control & 0xf0;
        switch (kind) {
            case NBP_BROADCAST_REQUEST, NBP_LOOKUP -> {
                out.append(kind == NBP_LOOKUP ? " nbp-lkup " : " nbp-brRq ").append(id).append(':');
                if (tp + NBP_TUPLE > end) {
                    out.append(" [|").append(protocol).append(']');
                    return;
                }
                name(p, tp, end, out);
                // the spec's one tuple, with the sender's address and enumerator 0: tcpdump notes anomalies
                if ((control & 0xf) != 1) out.append(" [ntup=").append(control & 0xf).append(']');
                int enumerator = p.u8(tp + 4);
                if (enumerator != 0) out.append(" [enum=").append(enumerator).append(']');
                int tupleNet = p.u16(tp), tupleNode = p.u8(tp + 2), tupleSocket = p.u8(tp + 3);
                if (tupleNet != net || tupleNode != node || tupleSocket != socket) {
                    out.append(" [addr=");
                    address(tupleNet, tupleNode, out);
                    out.append('.').append(tupleSocket).append(']');
                }
            }
            case NBP_LOOKUP_REPLY -> {
                out.append(" nbp-reply ").append(id).append(':');
                for (int i = control & 0xf; i != 0 && tp >= 0; i--) tp = tuple(p, tp, end, net, node, socket, out);
            }
            default -> {
                out.append(" nbp-0x");
                Text.hex(out, control);
                out.append("  ").append(id).append(" (").append(Integer.toUnsignedLong(length)).append(')');
            }
        }
    }

    /** tcpdump's nbp_tuple_print: the next tuple's offset, -1 where it stopped. */
    private int tuple(Packet p, int tp, int end, int net, int node, int socket, StringBuilder out) {
        if (tp + NBP_TUPLE > end) {
            out.append(" [|").append(protocol).append(']');
            return -1;
        }
        int next = name(p, tp, end, out);
        int enumerator = p.u8(tp + 4);
        if (enumerator != 1) out.append('(').append(enumerator).append(')');
        int tupleSocket = p.u8(tp + 3);
        if (tupleSocket != socket) out.append(' ').append(tupleSocket);
        int tupleNet = p.u16(tp), tupleNode = p.u8(tp + 2);
        if (tupleNet != net || tupleNode != node) {
            out.append(" [addr=");
            address(tupleNet, tupleNode, out);
            out.append(']');
        }
        return next;
    }

    /** tcpdump's nbp_name_print: "object:type@zone"; returns the offset after the zone, -1 where it stopped. */
    private int name(Packet p, int tp, int end, StringBuilder out) {
        out.append(" \"");
        int cp = countedString(p, tp + NBP_TUPLE, end, out);
        if (cp < 0) return -1;
        out.append(':');
        cp = countedString(p, cp, end, out);
        if (cp < 0) return -1;
        out.append('@');
        cp = countedString(p, cp, end, out);
        if (cp < 0) return -1;
        out.append('"');
        return cp;
    }

    /** tcpdump's print_cstring: a length byte (at most 32) and that many characters; -1 where it stopped. */
    private int countedString(Packet p, int cp, int end, StringBuilder out) {
        if (cp >= end) {
            out.append(" [|").append(protocol).append(']');
            return -1;
        }
        int length = p.u8(cp++);
        if (length > 32) {
            out.append("[len=").append(length).append(']');
            return -1;
        }
        for (; length != 0; length--) {
            if (cp >= end) {
                out.append(" [|").append(protocol).append(']');
                return -1;
            }
            Text.printableChar(out, p.u8(cp++));
        }
        return cp;
    }
}
