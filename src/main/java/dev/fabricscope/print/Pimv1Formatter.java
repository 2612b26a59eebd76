package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * PIM version 1, IGMP type 0x14, as tcpdump 4.99 prints it after "igmp pimv1" (print-pim.c's pimv1_print; tcpdump
 * sends only IGMP there, IP protocol 103 version 1 gets PimFormatter's "PIMv1, length N"): the message type; a
 * Query's mode, Register and Register-Stop source and destination, an Assert's source, group, preference and metric
 * always; -v adds a Query's hold time, RP-reachability group, RP and hold time, and a Join/Prune, Graft or Graft-ACK
 * on one line when it holds one group and one source, else its upstream neighbor and hold time, which -vv puts on
 * lines of their own, followed by every group and source; then " [vN]" unless the version field says 1. Where
 * tcpdump's own length checks stop it the line says " [|pimv1]" (and may go on); a fetch past the snapshot end ends
 * the line with " [|pimv1]" and counts as an early end.
 */
final class Pimv1Formatter extends SnapshotFormatter {
    private static final int QUERY = 0, REGISTER = 1, REGISTER_STOP = 2, JOIN_PRUNE = 3, RP_REACHABLE = 4,
        ASSERT = 5, GRAFT = 6, GRAFT_ACK = 7;
    private static final String TRUNCATED = " [|pimv1]";
    private static final long ALL_ONES = 0xffffffffL;
    private static final int DEFAULT_HOLD_TIME = 180;

    Pimv1Formatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        super(verbosity, earlyEnd, "pimv1");
    }

    @Override
    void message(Packet p, IpContext ip, int bp, int len, StringBuilder out) {
        int type = bytes.u8(bp + 1);
        messageType(typeName(type), type, out);
        switch (type) {
            case QUERY -> {
                if (bytes.has(bp + 8, 1)) mode(bytes.u8(bp + 8) >>> 4, out);
                if (verbosity.verbose()) {
                    out.append(" (Hold-time ");
                    Text.relativeTime(out, bytes.u16(bp + 10));
                    out.append(')');
                }
            }
            case REGISTER -> {
                if (!bytes.has(bp + 8, 20)) {     // the carried IP header
                    out.append(TRUNCATED);
                    return;
                }
                addressPair(bp + 20, bp + 24, out);
            }
            case REGISTER_STOP -> addressPair(bp + 8, bp + 12, out);
            case RP_REACHABLE -> {
                if (verbosity.verbose()) {
                    bytes.need(bp + 8, 4);
                    bytes.ip4(out.append(" group "), bp + 8);
                    mask(bp + 12, out);
                    bytes.need(bp + 16, 4);
                    bytes.ip4(out.append(" RP "), bp + 16);
                    out.append(" hold ");
                    Text.relativeTime(out, bytes.u16(bp + 22));
                }
            }
            case ASSERT -> {
                addressPair(bp + 16, bp + 8, out);
                mask(bp + 12, out);
                bytes.need(bp + 20, 8);
                out.append((bytes.u8(bp + 20) & 0x80) != 0 ? " RP-tree" : " SPT").append(" pref ")
                    .append(bytes.u32(bp + 20) & 0x7fffffff).append(" metric ");
                Text.u32(out, bytes.u32(bp + 24));
            }
            case JOIN_PRUNE, GRAFT, GRAFT_ACK -> {
                if (verbosity.verbose()) {
                    if (len < 8) {
                        out.append(TRUNCATED);
                        return;
                    }
                    joinPrune(bp + 8, len - 8, out);
                }
            }
            default -> { }
        }
        int version = bytes.u8(bp + 4) >>> 4;
        if (version != 1) out.append(" [v").append(version).append(']');
    }

    /** tcpdump's name for {@code type}, null for none. */
    private static String typeName(int type) {
        return switch (type) {
            case QUERY -> "Query";
            case REGISTER -> "Register";
            case REGISTER_STOP -> "Register-Stop";
            case JOIN_PRUNE -> "Join/Prune";
            case RP_REACHABLE -> "RP-reachable";
            case ASSERT -> "Assert";
            case GRAFT -> "Graft";
            case GRAFT_ACK -> "Graft-ACK";
            default -> null;
        };
    }

    private static void mode(int mode, StringBuilder out) {
        switch (mode) {
            case 0 -> out.append(" Dense-mode");
            case 1 -> out.append(" Sparse-mode");
            case 2 -> out.append(" Sparse-Dense-mode");
            default -> out.append(" mode-").append(mode);
        }
    }

    /** " for S > D": both addresses are fetched before either is printed. */
    private void addressPair(int source, int destination, StringBuilder out) {
        bytes.need(source, 4);
        bytes.need(destination, 4);
        bytes.ip4(out.append(" for "), source);
        bytes.ip4(out.append(" > "), destination);
    }

    /** "/M" unless the mask at {@code at} is all ones. */
    private void mask(int at, StringBuilder out) {
        if (bytes.u32(at) != ALL_ONES) bytes.ip4(out.append('/'), at);
    }

    private void joinPrune(int bp, int len, StringBuilder out) {
        if (bytes.has(bp, 30) && bytes.u8(bp + 11) == 1 && bytes.u16(bp + 20) + bytes.u16(bp + 22) == 1) {
            oneLine(bp, bytes.u16(bp + 20) != 0, out);
            return;
        }
        boolean lines = verbosity.veryVerbose();
        if (len < 4) {
            out.append(TRUNCATED);
            return;
        }
        if (lines) out.append('\n');
        bytes.need(bp, 4);
        bytes.ip4(out.append(" Upstream Nbr: "), bp);
        bp += 4;
        len -= 4;
        if (len < 4) {
            out.append(TRUNCATED);
            return;
        }
        if (lines) out.append('\n');
        out.append(" Hold time: ");
        Text.relativeTime(out, bytes.u16(bp + 2));
        if (!lines) return;
        bp += 4;
        len -= 4;
        if (len < 4) {
            out.append(TRUNCATED);
            return;
        }
        int groups = bytes.u8(bp + 3);
        bp += 4;
        len -= 4;
        for (; groups > 0; groups--) {
            if (len < 4) {
                out.append(TRUNCATED);
                return;
            }
            bytes.need(bp, 4);
            bytes.ip4(out.append("\n\tGroup: "), bp);
            bp += 4;
            len -= 4;
            if (len < 4) {
                out.append(TRUNCATED);
                return;
            }
            mask(bp, out);
            bp += 4;
            len -= 4;
            if (len < 4) {
                out.append(TRUNCATED);
                return;
            }
            int joined = bytes.u16(bp), pruned = bytes.u16(bp + 2);
            out.append(" joined: ").append(joined).append(" pruned: ").append(pruned);
            bp += 4;
            len -= 4;
            for (int i = 0; i < joined + pruned; i++, bp += 6, len -= 6) {
                if (len < 6) {
                    out.append(TRUNCATED);
                    return;
                }
                bytes.need(bp, 6);
                out.append("\n\t").append(i < joined ? "Join " : "Prune");
                source(bp, out);
            }
        }
    }

    /** A single group with a single source, on the message's line. */
    private void oneLine(int bp, boolean join, StringBuilder out) {
        bytes.ip4(out.append(" RPF "), bp);
        out.append(' ');
        int hold = bytes.u16(bp + 6);
        if (hold != DEFAULT_HOLD_TIME) {
            out.append("Hold ");
            Text.relativeTime(out, hold);
        }
        int flags = bytes.u8(bp + 25);
        bytes.ip4(out.append(join ? "Join" : "Prune").append(" ("), bp + 26);
        out.append('/').append(flags & 0x3f).append(", ");
        bytes.ip4(out, bp + 12);
        mask(bp + 16, out);
        out.append(") ").append((bytes.u8(bp + 24) & 0x01) != 0 ? "Sparse" : "Dense")
            .append((flags & 0x80) != 0 ? " WC" : "").append(' ').append((flags & 0x40) != 0 ? "RP" : "SPT");
    }

    /** A joined or pruned source: its mode, wildcard and RP-tree bits, address and mask length (all captured). */
    private void source(int at, StringBuilder out) {
        int flags = bytes.u8(at + 1);
        out.append(' ').append((bytes.u8(at) & 0x01) != 0 ? "Sparse " : "Dense ")
            .append((flags & 0x80) != 0 ? "WC " : "").append((flags & 0x40) != 0 ? "RP " : "SPT ");
        bytes.ip4(out, at + 2);
        out.append('/').append(flags & 0x3f);
    }
}
