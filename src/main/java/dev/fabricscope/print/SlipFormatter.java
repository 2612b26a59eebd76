package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Dissector;

/**
 * LINKTYPE_SLIP and LINKTYPE_SLIP_BSDOS as tcpdump 4.99 prints them (print-sl.c): a 16-byte header (the direction,
 * then the first bytes of the Van Jacobson compressed or uncompressed header as the link received it), then the IP
 * packet. With -e, SLIP's header: "I "/"O ", then "ip LENGTH: ", "utcp CONN: ", the compressed TCP header's changes
 * ("ctcp 3 W+1 A+10 S+100 14 (6): ") or "slip-N!: ". As tcpdump, the lengths of the last packets per direction and
 * connection carry over from packet to packet (for the "*SA+"/"*S+" changes): this printer's state, not static.
 * A read past the capture ends the line with " [|slip]" (tcpdump's jump: the raw dump starts at byte 0).
 */
final class SlipFormatter {
    static final int HEADER = Dissector.SLIP_HEADER_LENGTH;
    private static final int DIRECTION = 0, COMPRESSED_HEADER = 1;
    private static final int TYPE_IP = 0x40, TYPE_UNCOMPRESSED_TCP = 0x70, TYPE_COMPRESSED_TCP = 0x80;
    private static final int NEW_C = 0x40, NEW_I = 0x20, NEW_S = 0x08, NEW_A = 0x04, NEW_W = 0x02, NEW_U = 0x01;
    private static final int SPECIAL_I = NEW_S | NEW_W | NEW_U, SPECIAL_D = NEW_S | NEW_A | NEW_W | NEW_U;
    private static final int SPECIALS_MASK = NEW_S | NEW_A | NEW_W | NEW_U;

    private final boolean linkHeaders;
    private final EarlyEnd earlyEnd;
    private final IpFormatter ip;
    private final SnapshotBytes bytes = new SnapshotBytes();
    /** tcpdump's lastlen[direction][connection] (unsigned 32-bit) and lastconn, kept across packets. */
    private final int[] lastLength = new int[2 * 256];
    private int lastConnection = 255;

    SlipFormatter(boolean linkHeaders, EarlyEnd earlyEnd, IpFormatter ip) {
        this.linkHeaders = linkHeaders;
        this.earlyEnd = earlyEnd;
        this.ip = ip;
    }

    /** tcpdump's sl_if_print: returns the link-level bytes it counts for -x (0 after a jump). */
    int slip(Packet p, int length, StringBuilder out) {
        int version;
        try (var _ = bytes.reading(p, p.capLen())) {
            bytes.need(0, HEADER);
            if (linkHeaders) link(length - HEADER, out);
            version = bytes.u8(HEADER) >>> 4;
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "slip");
            return 0;
        }
        switch (version) {
            case 4 -> ip.ipv4(p, HEADER, length - HEADER, out);
            case 6 -> ip.ipv6(p, HEADER, length - HEADER, out);
            default -> out.append("ip v").append(version);
        }
        return HEADER;
    }

    /** tcpdump's sl_bsdos_if_print: the header skipped (not printed, even with -e), then IPv4 whatever the version. */
    int slipBsdos(Packet p, int length, StringBuilder out) {
        if (!p.has(0, HEADER)) {
            earlyEnd.mark(out, "slip_bsdos");
            return 0;
        }
        ip.ipv4(p, HEADER, length - HEADER, out);
        return HEADER;
    }

    /** tcpdump's sliplink_print; {@code length} is the IP packet's. */
    private void link(int length, StringBuilder out) {
        int direction = bytes.u8(DIRECTION);
        switch (direction) {
            case 0 -> out.append("I ");
            case 1 -> out.append("O ");
            default -> {
                out.append("Invalid direction ").append(direction).append(' ');
                direction = -1;
            }
        }
        int type = bytes.u8(COMPRESSED_HEADER);
        switch (type & 0xf0) {
            case TYPE_IP -> out.append("ip ").append(Integer.toUnsignedLong(length + HEADER)).append(": ");
            case TYPE_UNCOMPRESSED_TCP -> {
                // the connection is in the IP protocol field of the header copy the link kept
                lastConnection = bytes.u8(COMPRESSED_HEADER + 9);
                out.append("utcp ").append(lastConnection).append(": ");
                if (direction < 0) return;
                lastLength[direction * 256 + lastConnection] = length - 4 * tcpipHeaderWords();
            }
            default -> {
                if (direction < 0) return;
                if ((type & TYPE_COMPRESSED_TCP) != 0) {
                    compressed(length, direction, out);
                    out.append(": ");
                } else {
                    out.append("slip-").append(type).append("!: ");
                }
            }
        }
    }

    /** The uncompressed IPv4 and TCP headers' length in 32-bit words, as tcpdump reads them (both must be there). */
    private int tcpipHeaderWords() {
        bytes.need(HEADER, 20);
        int words = bytes.u8(HEADER) & 0x0f;
        int tcp = HEADER + 4 * words;
        bytes.need(tcp, 20);
        return words + (bytes.u8(tcp + 12) >>> 4);
    }

    /** tcpdump's compressed_sl_print: the connection, the changes, the data length and the compressed header's. */
    private void compressed(int length, int direction, StringBuilder out) {
        int at = COMPRESSED_HEADER;
        int flags = bytes.u8(at++);
        if ((flags & NEW_C) != 0) {
            lastConnection = bytes.u8(at++);
            out.append("ctcp ").append(lastConnection);
        } else {
            out.append("ctcp *");
        }
        at += 2;   // the TCP checksum
        switch (flags & SPECIALS_MASK) {
            case SPECIAL_I -> out.append(" *SA+").append(last(direction));
            case SPECIAL_D -> out.append(" *S+").append(last(direction));
            default -> {
                if ((flags & NEW_U) != 0) at = change(" U=", at, out);
                if ((flags & NEW_W) != 0) at = windowChange(at, out);
                if ((flags & NEW_A) != 0) at = change(" A+", at, out);
                if ((flags & NEW_S) != 0) at = change(" S+", at, out);
            }
        }
        if ((flags & NEW_I) != 0) at = change(" I+", at, out);
        lastLength[direction * 256 + lastConnection] = length - 4 * tcpipHeaderWords();
        out.append(' ').append(last(direction)).append(" (").append(at - COMPRESSED_HEADER).append(')');
    }

    private long last(int direction) {
        return Integer.toUnsignedLong(lastLength[direction * 256 + lastConnection]);
    }

    /**
     * A change: one byte, or a zero byte and two more. As tcpdump's print_sl_change, a one-byte change does not move
     * past itself (the next change, and the compressed header's length, read it again).
     */
    private int change(String name, int at, StringBuilder out) {
        int value = bytes.u8(at);
        if (value == 0) {
            value = bytes.u16(at + 1);
            at += 3;
        }
        out.append(name).append(value);
        return at;
    }

    /** The window's change: one byte, or a zero byte and a signed 16-bit change (not moved past either, as above). */
    private int windowChange(int at, StringBuilder out) {
        int value = bytes.u8(at);
        if (value == 0) {
            value = (short) bytes.u16(at + 1);
            at += 3;
        }
        out.append(value >= 0 ? " W+" : " W").append(value);
        return at;
    }
}
