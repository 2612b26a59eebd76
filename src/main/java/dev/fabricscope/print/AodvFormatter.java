package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * AODV (RFC 3561, and the IPv6 draft's message types 16 to 19) as tcpdump 4.99 prints it (print-aodv.c), under
 * {@code -T aodv}: {@code  aodv rreq 24  hops 2 id 0x00000007} then {@code \n\tdst ... seq ... src ... seq ...}
 * (over IPv6 "v6 rreq" and IPv6 addresses), route replies, errors with their unreachable destinations, acks and
 * a hello extension after a request or reply. tcpdump's quirks kept: the [J][R][G][D][U] and [R][A] flags are
 * tested on the type byte, not the flags byte, so only the draft's types show any. A message the capture or its
 * length cuts short ends with " [|aodv]", which tcpdump prints itself; only a missing type byte jumps out
 * ({@link EarlyEnd}).
 */
final class AodvFormatter {
    static final int PORT = 654;
    private static final int RREQ = 1, RREP = 2, RERR = 3, RREP_ACK = 4;
    private static final int DRAFT_RREQ = 16, DRAFT_RREP = 17, DRAFT_RERR = 18, DRAFT_RREP_ACK = 19;
    private static final int HELLO = 1;

    private final EarlyEnd earlyEnd;

    AodvFormatter(EarlyEnd earlyEnd) {
        this.earlyEnd = earlyEnd;
    }

    /**
     * The message at {@code off}, {@code length} bytes by the UDP header (unsigned, as tcpdump's u_int: an IPv6
     * jumbogram's can pass 2^31), carried by IPv6 or not.
     */
    void format(Packet p, int off, int length, int end, boolean v6, StringBuilder out) {
        if (off + 1 > end) {
            earlyEnd.mark(out, "aodv");
            return;
        }
        int type = p.u8(off);
        out.append(" aodv");
        boolean done = switch (type) {
            case RREQ -> v6 ? request(p, off, length, end, 48, 8, 24, 28, 44, true, "v6 rreq ", out)
                : request(p, off, length, end, 24, 8, 12, 16, 20, false, "rreq ", out);
            case DRAFT_RREQ -> request(p, off, length, end, 48, 16, 8, 32, 12, true, "rreq ", out);
            case RREP -> v6 ? reply(p, off, length, end, 44, 4, 20, 24, true, out)
                : reply(p, off, length, end, 20, 4, 8, 12, false, out);
            case DRAFT_RREP -> reply(p, off, length, end, 44, 8, 4, 24, true, out);
            case RERR -> error(p, off, length, end, v6, out);
            case DRAFT_RERR -> error(p, off, length, end, true, out);
            case RREP_ACK, DRAFT_RREP_ACK -> {
                out.append(" rrep-ack ").append(Integer.toUnsignedLong(length));
                yield true;
            }
            default -> {
                out.append(" type ").append(type).append(' ').append(Integer.toUnsignedLong(length));
                yield true;
            }
        };
        if (!done) out.append(" [|aodv]");
    }

    /** A route request of {@code size} bytes, its addresses and sequence numbers at the offsets given. */
    private static boolean request(Packet p, int ap, int length, int end, int size, int da, int ds, int oa, int os,
                                   boolean v6Addresses, String name, StringBuilder out) {
        if (ap + size > end || Integer.compareUnsigned(length, size) < 0) return false;
        int type = p.u8(ap);
        out.append(' ').append(name).append(Integer.toUnsignedLong(length)).append(' ');
        if ((type & 0x80) != 0) out.append("[J]");
        if ((type & 0x40) != 0) out.append("[R]");
        if ((type & 0x20) != 0) out.append("[G]");
        if ((type & 0x10) != 0) out.append("[D]");
        out.append((type & 0x08) != 0 ? "[U] " : " ");
        out.append("hops ").append(p.u8(ap + 3)).append(" id 0x");
        Text.hex(out, p.u32(ap + 4), 8);
        out.append("\n\tdst ");
        address(p, ap + da, v6Addresses, out);
        out.append(" seq ").append(p.u32(ap + ds)).append(" src ");
        address(p, ap + oa, v6Addresses, out);
        out.append(" seq ").append(p.u32(ap + os));
        return extension(p, ap + size, UnsignedLength.clamped(length - size), end, out);
    }

    /** A route reply of {@code size} bytes; its lifetime ends it. */
    private static boolean reply(Packet p, int ap, int length, int end, int size, int da, int ds, int oa,
                                 boolean v6Addresses, StringBuilder out) {
        if (ap + size > end || Integer.compareUnsigned(length, size) < 0) return false;
        int type = p.u8(ap);
        out.append(" rrep ").append(Integer.toUnsignedLong(length)).append(' ');
        if ((type & 0x80) != 0) out.append("[R]");
        out.append((type & 0x40) != 0 ? "[A] " : " ");
        out.append("prefix ").append(p.u8(ap + 2) & 0x1f).append(" hops ").append(p.u8(ap + 3)).append("\n\tdst ");
        address(p, ap + da, v6Addresses, out);
        out.append(" dseq ").append(p.u32(ap + ds)).append(" src ");
        address(p, ap + oa, v6Addresses, out);
        out.append(' ').append(p.u32(ap + size - 4)).append(" ms");
        return extension(p, ap + size, UnsignedLength.clamped(length - size), end, out);
    }

    /** An extension after a request or reply, when two bytes or more of the length are left. */
    private static boolean extension(Packet p, int ep, int left, int end, StringBuilder out) {
        if (left < 2) return true;
        if (ep + 2 > end) return false;
        int type = p.u8(ep), length = p.u8(ep + 1);
        if (type != HELLO) {
            out.append("\n\text ").append(type).append(' ').append(length);
            return true;
        }
        if (ep + 6 > end || left < 6) return false;
        if (length < 4) out.append("\n\text HELLO - bad length ").append(length);
        else out.append("\n\text HELLO ").append(p.u32(ep + 2)).append(" ms");
        return true;
    }

    /** A route error and its unreachable destinations (address and sequence number). */
    private static boolean error(Packet p, int ap, int length, int end, boolean v6Addresses, StringBuilder out) {
        if (ap + 4 > end || Integer.compareUnsigned(length, 4) < 0) return false;
        int count = p.u8(ap + 3);
        out.append(" rerr ").append((p.u8(ap + 1) & 0x80) != 0 ? "[D]" : "").append(" [items ").append(count)
            .append("] [").append(Integer.toUnsignedLong(length)).append("]:");
        int size = v6Addresses ? 20 : 8;
        long dp = ap + 4;
        for (long left = Integer.toUnsignedLong(length) - 4; count != 0; count--, dp += size, left -= size) {
            if (dp + size > end || left < size) return false;
            out.append(" {");
            address(p, (int) dp, v6Addresses, out);
            out.append("}(").append(p.u32((int) dp + size - 4)).append(')');
        }
        return true;
    }

    private static void address(Packet p, int at, boolean v6, StringBuilder out) {
        if (v6) Text.ipv6(out, p, at);
        else Text.ipv4(out, p, at);
    }
}
