package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * DECnet Phase IV (ethertype 0x6003) as tcpdump 4.99 prints it (print-decnet.c, built without libdnet: addresses as
 * "area.node"): the routing layer's padding ("[pad:N] " with -v), control messages (init, verification, test,
 * level 1 and 2 routing with their route ranges, router and endnode hellos), short and long data headers
 * ({@code 1.1 > 1.2 34 }, -v adds the RQR/RTS/IE flags and the hop count) and the NSP message behind them (data,
 * interrupts, link service, acks, connect and disconnect with tcpdump's reason names). Future-version, unknown and
 * reserved messages are dumped in hex and ASCII as tcpdump's default print does (whatever -x says). Broken lengths
 * print " (invalid)"; fetches past the capture end the line with " [|decnet]" ({@link EarlyEnd}). All fields are
 * little-endian.
 */
final class DecnetFormatter {
    static final int ETHERTYPE = 0x6003;
    private static final int SHORT_HEADER = 6, LONG_HEADER = 21;
    private static final int RMF_MASK = 7, RMF_SHORT = 2, RMF_LONG = 6, RMF_RQR = 0x08, RMF_RTS = 0x10, RMF_IE = 0x20,
        RMF_FVER = 0x40, RMF_PAD = 0x80, RMF_CTLMSG = 1;
    private static final int INIT = 12, VERIFICATION = 4, ROUTING = 4, ROUTER_HELLO = 18,
        ENDNODE_HELLO = 32;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    DecnetFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** tcpdump's decnet_print: the message at {@code off}, {@code length} bytes on the wire (the link's payload). */
    void format(Packet p, int off, int length, StringBuilder out) {
        try (var _ = bytes.reading(p, p.capLen())) {
            if (!routing(p, off, length, out)) out.append(" (invalid)");
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "decnet");
        }
    }

    /** False where tcpdump goes to its "invalid" label. */
    private boolean routing(Packet p, int ap, int length, StringBuilder out) {
        int caplen = p.capLen() - ap;
        if (length < SHORT_HEADER) {
            out.append(" (length ").append(length).append(" < 6)");
            return false;
        }
        int pktlen = bytes.le16(ap);
        if (pktlen < SHORT_HEADER) {
            out.append(" (pktlen ").append(pktlen).append(" < 6)");
            return false;
        }
        if (pktlen > length) {
            out.append(" (pktlen ").append(pktlen).append(" > ").append(length).append(')');
            return false;
        }
        length = pktlen;
        int flags = bytes.u8(ap + 2);
        if ((flags & RMF_PAD) != 0) {
            int padlen = flags & 0x7f;
            if (verbosity.verbose()) out.append("[pad:").append(padlen).append("] ");
            if (length < padlen + 2) {
                out.append(" (length ").append(length).append(" < ").append(padlen + 2).append(')');
                return false;
            }
            bytes.need(ap + 2, padlen);
            ap += padlen;
            length -= padlen;
            caplen -= padlen;
            flags = bytes.u8(ap + 2);
        }
        int rh = ap + 2;
        if ((flags & RMF_FVER) != 0) {
            out.append("future-version-decnet");
            defaultPrint(ap, Math.min(length, caplen), out);
            return true;
        }
        if ((flags & RMF_CTLMSG) != 0) return control(rh, flags, length, caplen, out);
        int dst, src, hops, nsp, nsplen;
        switch (flags & RMF_MASK) {
            case RMF_LONG -> {
                if (length < LONG_HEADER) {
                    out.append(" (length ").append(length).append(" < 21)");
                    return false;
                }
                bytes.need(rh, LONG_HEADER);
                dst = bytes.le16(rh + 7);
                src = bytes.le16(rh + 15);
                hops = bytes.u8(rh + 18);
                nsp = rh + LONG_HEADER;
                nsplen = length - LONG_HEADER;
            }
            case RMF_SHORT -> {
                dst = bytes.le16(rh + 1);
                src = bytes.le16(rh + 3);
                hops = (bytes.u8(rh + 5) & 0x3f) + 1;
                nsp = rh + SHORT_HEADER;
                nsplen = length - SHORT_HEADER;
            }
            default -> {
                out.append("unknown message flags under mask");
                defaultPrint(ap, Math.min(length, caplen), out);
                return true;
            }
        }
        address(src, out);
        out.append(" > ");
        address(dst, out);
        out.append(' ').append(pktlen).append(' ');
        if (verbosity.verbose()) {
            if ((flags & RMF_RQR) != 0) out.append("RQR ");
            if ((flags & RMF_RTS) != 0) out.append("RTS ");
            if ((flags & RMF_IE) != 0) out.append("IE ");
            out.append(hops).append(" hops ");
        }
        return DecnetNsp.message(bytes, nsp, nsplen, out);
    }

    /** print_decnet_ctlmsg: each message's fields are all fetched before any is printed. */
    private boolean control(int rh, int flags, int length, int caplen, StringBuilder out) {
        switch (flags & 0x0f) {
            case 1 -> {
                out.append("init ");
                if (length < INIT) return false;
                bytes.need(rh, INIT);
                int src = bytes.le16(rh + 1), info = bytes.u8(rh + 3), blksize = bytes.le16(rh + 4), vers = bytes.u8(rh + 6),
                    eco = bytes.u8(rh + 7), ueco = bytes.u8(rh + 8), hello = bytes.le16(rh + 9);
                nodeType(info, out);
                if ((info & 0x04) != 0) out.append("verif ");
                if ((info & 0x08) != 0) out.append("blo ");
                out.append("src ");
                address(src, out);
                out.append("blksize ").append(blksize).append(" vers ").append(vers).append(" eco ").append(eco)
                    .append(" ueco ").append(ueco).append(" hello ").append(hello);
            }
            case 3, 5 -> {
                boolean verification = (flags & 0x0f) == 3;
                out.append(verification ? "verification " : "test ");
                if (length < VERIFICATION) return false;   // a test message is as long
                int src = bytes.le16(rh + 1), other = bytes.u8(rh + 3);
                out.append("src ");
                address(src, out);
                out.append(verification ? " fcnval " : " data ");
                octal(other, out);
            }
            case 7, 9 -> {
                boolean level1 = (flags & 0x0f) == 7;
                out.append(level1 ? "lev-1-routing " : "lev-2-routing ");
                if (length < ROUTING) return false;
                bytes.need(rh, ROUTING);
                int src = bytes.le16(rh + 1);
                out.append("src ");
                address(src, out);
                out.append(' ');
                routes(rh + ROUTING, length - ROUTING, level1 ? "{ids " : "{areas ", out);
            }
            case 11 -> {
                out.append("router-hello ");
                if (length < ROUTER_HELLO) return false;
                bytes.need(rh, ROUTER_HELLO);
                int vers = bytes.u8(rh + 1), eco = bytes.u8(rh + 2), ueco = bytes.u8(rh + 3), src = bytes.le16(rh + 8),
                    info = bytes.u8(rh + 10), blksize = bytes.le16(rh + 11), priority = bytes.u8(rh + 13),
                    hello = bytes.le16(rh + 15);
                helloInfo(info, out);
                out.append("vers ").append(vers).append(" eco ").append(eco).append(" ueco ").append(ueco)
                    .append(" src ");
                address(src, out);
                out.append(" blksize ").append(blksize).append(" pri ").append(priority).append(" hello ")
                    .append(hello);
            }
            case 13 -> {
                out.append("endnode-hello ");
                if (length < ENDNODE_HELLO) return false;
                int vers = bytes.u8(rh + 1), eco = bytes.u8(rh + 2), ueco = bytes.u8(rh + 3), src = bytes.le16(rh + 8),
                    info = bytes.u8(rh + 10), blksize = bytes.le16(rh + 11), router = bytes.le16(rh + 26),
                    hello = bytes.le16(rh + 28), data = bytes.u8(rh + 31);
                helloInfo(info, out);
                out.append("vers ").append(vers).append(" eco ").append(eco).append(" ueco ").append(ueco)
                    .append(" src ");
                address(src, out);
                out.append(" blksize ").append(blksize).append(" rtr ");
                address(router, out);
                out.append(" hello ").append(hello).append(" data ");
                octal(data, out);
            }
            default -> {
                out.append("unknown control message");
                defaultPrint(rh, Math.min(length, caplen), out);
            }
        }
        return true;
    }

    /** print_l1_routes and print_l2_routes: (count, first id or area, cost and hops) triples; the last word is a checksum. */
    private void routes(int rp, int len, String what, StringBuilder out) {
        while (len > 6) {
            bytes.need(rp, 6);
            int count = bytes.le16(rp);
            if (count > 1024) return;   // tcpdump takes the rest for bogus
            int id = bytes.le16(rp + 2), info = bytes.le16(rp + 4);
            rp += 6;
            len -= 6;
            out.append(what).append(id).append('-').append(id + count).append(" cost ").append(info & 0x1ff)
                .append(" hops ").append(info >>> 10 & 0x1f).append("} ");
        }
    }

    private static void nodeType(int info, StringBuilder out) {
        out.append(switch (info & 3) {
            case 0 -> "reserved-ntype? ";
            case 1 -> "l2rout ";
            case 2 -> "l1rout ";
            default -> "endnode ";
        });
    }

    private static void helloInfo(int info, StringBuilder out) {
        nodeType(info, out);
        if ((info & 0x04) != 0) out.append("verif ");
        if ((info & 0x20) != 0) out.append("nomcast ");
        if ((info & 0x40) != 0) out.append("blo ");
    }

    /** A byte in octal, as %o. */
    private static void octal(int value, StringBuilder out) {
        if (value >= 64) out.append((char) ('0' + (value >>> 6)));
        if (value >= 8) out.append((char) ('0' + (value >>> 3 & 7)));
        out.append((char) ('0' + (value & 7)));
    }

    /** dnnum_string: the area in the top 6 bits, the node in the low 10. */
    static void address(int address, StringBuilder out) {
        out.append(address >>> 10 & 0x3f).append('.').append(address & 0x3ff);
    }

    /**
     * ND_DEFAULTPRINT, which print-decnet.c calls whatever the flags: hex and ASCII of {@code len} bytes at {@code at};
     * where the capture ends first, what was captured, then the jump.
     */
    private void defaultPrint(int at, int len, StringBuilder out) {
        int captured = Math.max(0, bytes.end() - at);
        HexDump.hexAndAscii(bytes.packet(), at, Math.min(len, captured), "\n\t", out);
        if (len > captured) bytes.need(at, len);
    }
}
