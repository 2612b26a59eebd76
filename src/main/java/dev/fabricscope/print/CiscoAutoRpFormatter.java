package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * Cisco's auto-RP announcements and mappings on UDP 496 as tcpdump 4.99 prints them (print-pim.c's
 * cisco_autorp_print): {@code auto-rp}, the type, the hold time, then each RP with its PIM versions and its groups
 * ({@code !} for a negative entry, {@code bidir}, reserved bits). The lengths come from the UDP header; where they run
 * out tcpdump prints " [|cisco_autorp]" itself, where the capture does first its fetch jumps out ({@link EarlyEnd}).
 */
final class CiscoAutoRpFormatter {
    static final int PORT = 496;
    private static final String PROTOCOL = "cisco_autorp";
    private static final String TRUNC = " [|" + PROTOCOL + "]";

    private final EarlyEnd earlyEnd;

    CiscoAutoRpFormatter(EarlyEnd earlyEnd) {
        this.earlyEnd = earlyEnd;
    }

    /** The datagram at {@code off}, {@code len} bytes by the UDP header, captured to {@code end}. */
    void format(Packet p, int off, int len, int end, StringBuilder out) {
        if (len < 8) {
            out.append(TRUNC);
            return;
        }
        out.append(" auto-rp ");
        if (off + 2 > end) {
            if (off < end) type(p.u8(off), out);
            earlyEnd.mark(out, PROTOCOL);
            return;
        }
        type(p.u8(off), out);
        int rps = p.u8(off + 1);
        out.append(" Hold ");
        if (off + 4 > end) {
            earlyEnd.mark(out, PROTOCOL);
            return;
        }
        int hold = p.u16(off + 2);
        if (hold != 0) Text.relativeTime(out, hold);
        else out.append("FOREVER");
        int bp = off + 8;   // four reserved bytes
        len -= 8;
        for (; rps != 0; rps--) {
            if (cut(bp, len, 4, end, out)) return;
            out.append(" RP ");
            Text.ipv4(out, p, bp);
            bp += 4;
            len -= 4;
            if (cut(bp, len, 1, end, out)) return;
            int versions = p.u8(bp);
            out.append(switch (versions & 3) {
                case 0 -> " PIMv?";
                case 1 -> " PIMv1";
                case 2 -> " PIMv2";
                default -> " PIMv1+2";
            });
            if ((versions & 0xfc) != 0) {
                out.append(" [rsvd=0x");
                Text.hex(out, versions & 0xfc, 2);
                out.append(']');
            }
            bp++;
            len--;
            if (cut(bp, len, 1, end, out)) return;
            int entries = p.u8(bp);
            bp++;
            len--;
            for (char s = ' '; entries != 0; entries--, s = ',') {
                if (cut(bp, len, 6, end, out)) return;   // the entry's fields are all fetched before any is printed
                int flags = p.u8(bp);
                out.append(s);
                if ((flags & 1) != 0) out.append('!');
                Text.ipv4(out, p, bp + 2);
                out.append('/').append(p.u8(bp + 1));
                if ((flags & 2) != 0) out.append(" bidir");
                if ((flags & 0xfc) != 0) {
                    out.append("[rsvd=0x");
                    Text.hex(out, flags & 0xfc, 2);
                    out.append(']');
                }
                bp += 6;
                len -= 6;
            }
        }
    }

    /**
     * tcpdump's two checks before each field: " [|autorp]" when the datagram's length has fewer than {@code need}
     * bytes left, its truncation marker when the capture has; true when either ended the line.
     */
    private boolean cut(int bp, int len, int need, int end, StringBuilder out) {
        if (len < need) {
            out.append(TRUNC);
            return true;
        }
        if (bp + need > end) {
            earlyEnd.mark(out, PROTOCOL);
            return true;
        }
        return false;
    }

    private static void type(int type, StringBuilder out) {
        switch (type) {
            case 0x11 -> out.append("candidate-advert");
            case 0x12 -> out.append("mapping");
            default -> {
                out.append("type-0x");
                Text.hex(out, type, 2);
            }
        }
    }
}
