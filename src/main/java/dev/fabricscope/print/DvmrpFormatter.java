package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * DVMRP (RFC 1075, draft-ietf-idmr-dvmrp-v3), IGMP type 0x13, as tcpdump 4.99 prints it after "igmp dvmrp"
 * (print-dvmrp.c): the message type; Neighbors and Neighbors2 lists, Prune (with its timer), Graft and Graft-ACK
 * source and group always; -v adds a Probe's generation ID, -vv its neighbors and a Report's masks and routes.
 * tcpdump's own length checks end the line with its complaint and " (invalid)"; a fetch past the snapshot end ends
 * it with " [|dvmrp]" and counts as an early end.
 */
final class DvmrpFormatter extends SnapshotFormatter {
    private static final int PROBE = 1, REPORT = 2, ASK_NEIGHBORS = 3, NEIGHBORS = 4, ASK_NEIGHBORS2 = 5,
        NEIGHBORS2 = 6, PRUNE = 7, GRAFT = 8, GRAFT_ACK = 9;
    private static final int TUNNEL = 0x01, SOURCE_ROUTE = 0x02, DOWN = 0x10, DISABLED = 0x20, QUERIER = 0x40;
    private static final String INVALID = " (invalid)";

    DvmrpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        super(verbosity, earlyEnd, "dvmrp");
    }

    @Override
    void message(Packet p, IpContext ip, int bp, int len, StringBuilder out) {
        int type = bytes.u8(bp + 1);
        int at = bp + 8;
        len -= 8;   // IGMP hands on at least its 8-byte header
        messageType(typeName(type), type, out);
        switch (type) {
            case PROBE -> {
                if (verbosity.verbose()) probe(at, len, out);
            }
            case REPORT -> {
                if (verbosity.veryVerbose()) report(at, len, out);
            }
            case NEIGHBORS -> neighbors(at, len, out);
            case NEIGHBORS2 -> {
                int major = bytes.u8(bp + 7), minor = bytes.u8(bp + 6);
                neighbors2(at, len, major, minor, out);
            }
            case PRUNE -> {
                sourceAndGroup(at, out);
                out.append(" timer ");
                Text.relativeTime(out, bytes.u32(at + 8));
            }
            case GRAFT, GRAFT_ACK -> sourceAndGroup(at, out);
            default -> { }
        }
    }

    /** tcpdump's name for {@code type}, null for none. */
    private static String typeName(int type) {
        return switch (type) {
            case PROBE -> "Probe";
            case REPORT -> "Report";
            case ASK_NEIGHBORS -> "Ask-neighbors(old)";
            case NEIGHBORS -> "Neighbors(old)";
            case ASK_NEIGHBORS2 -> "Ask-neighbors2";
            case NEIGHBORS2 -> "Neighbors2";
            case PRUNE -> "Prune";
            case GRAFT -> "Graft";
            case GRAFT_ACK -> "Graft-ACK";
            default -> null;
        };
    }

    /** " src S grp G": both addresses are fetched before either is printed. */
    private void sourceAndGroup(int at, StringBuilder out) {
        bytes.need(at, 8);
        bytes.ip4(out.append(" src "), at);
        bytes.ip4(out.append(" grp "), at + 4);
    }

    private void probe(int at, int len, StringBuilder out) {
        if (len < 4) {
            out.append(" [full length ").append(len).append(" < 4]").append(INVALID);
            return;
        }
        out.append(verbosity.veryVerbose() ? "\n\t" : " ");
        long generation = bytes.u32(at);
        Text.u32(out.append("genid "), generation);
        if (!verbosity.veryVerbose()) return;
        for (at += 4, len -= 4; len > 0; at += 4, len -= 4) {
            if (len < 4) {
                out.append("[remaining length ").append(len).append(" < 4]").append(INVALID);
                return;
            }
            bytes.need(at, 4);
            bytes.ip4(out.append("\n\tneighbor "), at);
        }
    }

    /** Routes grouped by mask; the mask's and each origin's leading zero bytes are left out on the wire. */
    private void report(int at, int len, StringBuilder out) {
        while (len > 0) {
            if (len < 3) {
                out.append(" [length ").append(len).append(" < 3]").append(INVALID);
                return;
            }
            int m1 = bytes.u8(at), m2 = bytes.u8(at + 1), m3 = bytes.u8(at + 2);
            int width = m3 != 0 ? 4 : m2 != 0 ? 3 : m1 != 0 ? 2 : 1;
            dottedQuad(out.append("\n\tMask "), 0xff000000L | m1 << 16 | m2 << 8 | m3);
            at += 3;
            len -= 3;
            boolean done;
            do {
                if (len < width + 1) {
                    out.append("\n\t  [Truncated Report]").append(INVALID);
                    return;
                }
                long origin = 0;
                for (int i = 0; i < 4; i++) origin = origin << 8 | (i < width ? bytes.u8(at + i) : 0);
                int metric = bytes.u8(at + width);
                done = (metric & 0x80) != 0;
                dottedQuad(out.append("\n\t  "), origin);
                out.append(" metric ").append(metric & 0x7f);
                at += width + 1;
                len -= width + 1;
            } while (!done);
        }
    }

    private void neighbors(int at, int len, StringBuilder out) {
        while (len > 0) {
            if (len < 7) {
                out.append(" [length ").append(len).append(" < 7]").append(INVALID);
                return;
            }
            int local = at;
            int metric = bytes.u8(at + 4), threshold = bytes.u8(at + 5), count = bytes.u8(at + 6);
            at += 7;
            len -= 7;
            for (; count > 0; count--, at += 4, len -= 4) {
                if (len < 4) {
                    out.append(" [length ").append(len).append(" < 4]").append(INVALID);
                    return;
                }
                bytes.ip4(out.append(" ["), local);
                out.append(" ->");
                bytes.need(at, 4);
                bytes.ip4(out.append(' '), at);
                out.append(", (").append(metric).append('/').append(threshold).append(")]");
            }
        }
    }

    private void neighbors2(int at, int len, int major, int minor, StringBuilder out) {
        out.append(" (v ").append(major).append('.').append(minor).append("):");
        while (len > 0) {
            if (len < 8) {
                out.append(" [length ").append(len).append(" < 8]").append(INVALID);
                return;
            }
            int local = at;
            int metric = bytes.u8(at + 4), threshold = bytes.u8(at + 5), flags = bytes.u8(at + 6),
                count = bytes.u8(at + 7);
            at += 8;
            len -= 8;
            for (; count > 0 && len > 0; count--, at += 4, len -= 4) {
                if (len < 4) {
                    out.append(" [length ").append(len).append(" < 4]").append(INVALID);
                    return;
                }
                bytes.ip4(out.append(" ["), local);
                bytes.ip4(out.append(" -> "), at);
                out.append(" (").append(metric).append('/').append(threshold);
                if ((flags & TUNNEL) != 0) out.append("/tunnel");
                if ((flags & SOURCE_ROUTE) != 0) out.append("/srcrt");
                if ((flags & QUERIER) != 0) out.append("/querier");
                if ((flags & DISABLED) != 0) out.append("/disabled");
                if ((flags & DOWN) != 0) out.append("/down");
                out.append(")]");
            }
            if (count != 0) {
                out.append(" [invalid ncount]").append(INVALID);
                return;
            }
        }
    }

    private static void dottedQuad(StringBuilder out, long address) {
        out.append(address >>> 24 & 0xff).append('.').append(address >>> 16 & 0xff).append('.')
            .append(address >>> 8 & 0xff).append('.').append(address & 0xff);
    }
}
