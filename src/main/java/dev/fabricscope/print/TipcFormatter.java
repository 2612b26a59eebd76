package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * TIPC (Transparent Inter-Process Communication, ethertype 0x88ca; Linux cluster messaging) as tcpdump 4.99's
 * print-tipc.c: by the header's user, a data message's addresses and ports ("TIPC v2.0 1.1.10:12345 > 1.1.20:6789,
 * headerlength 40 bytes, ..."), an internal message's nodes and second word, a neighbour discovery message's
 * node and domain; -v adds a line of link-level counters. Users tcpdump does not list print nothing. Fetches past
 * the capture end the line with " [|tipc]" ({@link EarlyEnd}).
 */
final class TipcFormatter {
    static final int ETHERTYPE = 0x88ca;
    private static final int LINK_CONFIG = 13;
    /** By user: 1 a data message's header, 2 an internal one's, 3 neighbour discovery's, 0 not printed. */
    private static final int[] KINDS = {1, 1, 1, 1, 0, 2, 2, 2, 1, 0, 2, 1, 2, 3, 0, 0};
    private static final String[] USERS = {"Low Importance Data payload", "Medium Importance Data payload",
        "High Importance Data payload", "Critical Importance Data payload", null, "Broadcast Link Protocol internal",
        "Message Bundler Protocol internal", "Link State Protocol internal", "Connection Manager internal", null,
        "Link Changeover Protocol internal", "Name Table Update Protocol internal",
        "Message Fragmentation Protocol internal", "Neighbor Detection Protocol internal", null, null};
    /** tcpdump's table swaps the names of types 1 and 3. */
    private static final String[] MESSAGE_TYPES = {"CONN_MSG", "MCAST_MSG", "NAMED_MSG", "DIRECT_MSG"};
    private static final String[] LINK_CONFIG_TYPES = {"Link request", "Link response"};

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;

    TipcFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    void format(Packet p, int off, StringBuilder out) {
        if (!p.has(off, 4)) {
            earlyEnd.mark(out, "tipc");
            return;
        }
        int user = (int) (p.u32(off) >>> 25) & 0x0f;
        switch (KINDS[user]) {
            case 1 -> payload(p, off, out);
            case 2 -> internal(p, off, out);
            case 3 -> linkConfig(p, off, out);
            default -> { }
        }
    }

    /** Each group of fields is fetched before any of it is printed: a group cut short prints only the marker. */
    private boolean need(Packet p, int off, int end, StringBuilder out) {
        if (p.has(off, end)) return true;
        earlyEnd.mark(out, "tipc");
        return false;
    }

    private void payload(Packet p, int off, StringBuilder out) {
        long w0 = p.u32(off);
        int hsize = (int) (w0 >>> 21) & 0x0f;
        if (!need(p, off, hsize <= 6 ? 24 : 32, out)) return;
        long w1 = p.u32(off + 4), prevNode = p.u32(off + 12);
        version(w0, out);
        if (hsize <= 6) {
            node(prevNode, out);
            out.append(':').append(p.u32(off + 16)).append(" > ").append(p.u32(off + 20));
        } else {
            node(p.u32(off + 24), out);
            out.append(':').append(p.u32(off + 16)).append(" > ");
            node(p.u32(off + 28), out);
            out.append(':').append(p.u32(off + 20));
        }
        sizes(w0, out);
        messageType(w1, MESSAGE_TYPES, out);
        if (hsize <= 6 || !verbosity.verbose()) return;
        if (!need(p, off, 12, out)) return;
        long w2 = p.u32(off + 8);
        out.append("\n\tPrevious Node ");
        node(prevNode, out);
        out.append(", Broadcast Ack ").append(w1 & 0xffff).append(", Link Ack ").append(w2 >>> 16)
            .append(", Link Sequence ").append(w2 & 0xffff);
    }

    private void internal(Packet p, int off, StringBuilder out) {
        if (!need(p, off, 32, out)) return;
        long w0 = p.u32(off), w1 = p.u32(off + 4);
        nodesAndType(w0, w1, p.u32(off + 24), p.u32(off + 28), MESSAGE_TYPES, out);
        out.append(" (0x");
        Text.hex(out, w1, 8);
        out.append(')');
        if (!verbosity.verbose() || !need(p, off, 40, out)) return;
        long w2 = p.u32(off + 8), w4 = p.u32(off + 16), w9 = p.u32(off + 36);
        out.append("\n\tPrevious Node ");
        node(p.u32(off + 12), out);
        out.append(", Session No. ").append(p.u32(off + 20) >>> 16).append(", Broadcast Ack ").append(w1 & 0xffff)
            .append(", Sequence Gap ").append((w1 >>> 16) & 0x1fff).append(",  Broadcast Gap After ").append(w2 >>> 16)
            .append(", Broadcast Gap To ").append(w2 & 0xffff).append(", Last Sent Packet No. ").append(w4 >>> 16)
            .append(", Next sent Packet No. ").append(w4 & 0xffff).append(", Transport Sequence ")
            .append(p.u32(off + 32)).append(", msg_count ").append(w9 >>> 16).append(", Link Tolerance ")
            .append(w9 & 0xffff);
    }

    private void linkConfig(Packet p, int off, StringBuilder out) {
        if (!need(p, off, 16, out)) return;
        long w0 = p.u32(off), w1 = p.u32(off + 4);
        nodesAndType(w0, w1, p.u32(off + 12), p.u32(off + 8), LINK_CONFIG_TYPES, out);
        if (!verbosity.verbose() || !need(p, off, 24, out)) return;
        out.append("\n\tNodeSignature ").append(w1 & 0xffff).append(", network_id ").append(p.u32(off + 16))
            .append(", media_id ").append(p.u32(off + 20) & 0xff);
    }

    /** What internal and link configuration messages begin with: version, "from > to", sizes, message type. */
    private void nodesAndType(long w0, long w1, long from, long to, String[] types, StringBuilder out) {
        version(w0, out);
        node(from, out);
        out.append(" > ");
        node(to, out);
        sizes(w0, out);
        messageType(w1, types, out);
    }

    private static void version(long w0, StringBuilder out) {
        out.append("TIPC v").append(w0 >>> 29).append(".0 ");
    }

    /** A TIPC address as zone.cluster.node. */
    private static void node(long address, StringBuilder out) {
        out.append(address >>> 24).append('.').append((address >>> 12) & 0xfff).append('.').append(address & 0xfff);
    }

    private static void sizes(long w0, StringBuilder out) {
        int user = (int) (w0 >>> 25) & 0x0f;
        out.append(", headerlength ").append(((w0 >>> 21) & 0x0f) * 4).append(" bytes, MessageSize ")
            .append(w0 & 0x1ffff).append(" bytes, ").append(USERS[user]).append(", messageType ");
    }

    private static void messageType(long w1, String[] names, StringBuilder out) {
        int type = (int) (w1 >>> 29);
        out.append(type < names.length ? names[type] : "Unknown");
    }
}
