package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * Cisco HDLC's parts that are its own, as tcpdump 4.99's print-chdlc.c prints them: the -e header ("unicast,
 * ethertype IPv4 (0x0800), length 84: ") and SLARP ("SLARP (length: 18), keepalive: mineseen=0x00000001, ..."), its
 * request, reply and keepalive with the optional uptime, other codes with their bytes in hex, trailing bytes counted
 * with -v and dumped with -vv. The payloads (IP, IPv6, MPLS, OSI) are the caller's. Allocates nothing.
 */
final class ChdlcFormatter {
    static final int HEADER_LENGTH = 4;
    static final int UNICAST = 0x0f, BROADCAST = 0x8f;
    static final int TYPE_SLARP = 0x8035;
    private static final int SLARP_MIN_LENGTH = 14, SLARP_MAX_LENGTH = 18;
    private static final int SLARP_REQUEST = 0, SLARP_REPLY = 1, SLARP_KEEPALIVE = 2;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;

    ChdlcFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** -e: the address byte by name, the type by tcpdump's ethertype name, the frame's length; the caller checked 4 bytes. */
    static void header(Packet p, int off, int type, int length, StringBuilder out) {
        int address = p.u8(off);
        if (address == UNICAST) {
            out.append("unicast");
        } else if (address == BROADCAST) {
            out.append("bcast");
        } else {
            out.append("0x");
            Text.hex(out, address, 2);
        }
        String name = EtherTypeNames.of(type);
        out.append(", ethertype ").append(name == null ? "Unknown" : name).append(" (0x");
        Text.hex(out, type, 4);
        out.append("), length ").append(length).append(": ");
    }

    /** Serial Line ARP (Cisco's keepalives) at {@code off}, {@code length} bytes on the wire. */
    void slarp(Packet p, int off, int length, StringBuilder out) {
        out.append("SLARP (length: ").append(length).append("), ");
        if (length < SLARP_MIN_LENGTH || !p.has(off, SLARP_MIN_LENGTH)) {
            out.append(" [|chdlc_slarp]");
            return;
        }
        long code = p.u32(off);
        int cp = off;   // tcpdump moves its pointer past the fixed part to read the uptime, and dumps from there (sic)
        switch ((int) Math.min(code, Integer.MAX_VALUE)) {
            case SLARP_REQUEST -> out.append("request");   // address and mask are zero in requests
            case SLARP_REPLY -> {
                out.append("reply ");
                Text.ipv4(out, p, off + 4);
                out.append('/');
                Text.ipv4(out, p, off + 8);
            }
            case SLARP_KEEPALIVE -> {
                out.append("keepalive: mineseen=0x");
                Text.hex(out, p.u32(off + 4), 8);
                out.append(", yourseen=0x");
                Text.hex(out, p.u32(off + 8), 8);
                out.append(", reliability=0x");
                Text.hex(out, p.u16(off + 12), 4);
                if (length >= SLARP_MAX_LENGTH) {   // the uptime (ms) is optional
                    if (!p.has(off + SLARP_MIN_LENGTH, 4)) {
                        earlyEnd.mark(out, "chdlc_slarp");
                        return;
                    }
                    cp += SLARP_MIN_LENGTH;
                    long sec = p.u32(cp) / 1000;
                    long min = sec / 60;
                    sec -= min * 60;
                    long hrs = min / 60;
                    min -= hrs * 60;
                    long days = hrs / 24;
                    hrs -= days * 24;
                    out.append(", link uptime=").append(days).append('d').append(hrs).append('h').append(min)
                        .append('m').append(sec).append('s');
                }
            }
            default -> {
                out.append("0x");
                Text.hex(out, code, 2);
                out.append(" unknown");
                if (!verbosity.veryVerbose()) unknownData(p, off + 4, length - 4, out);
            }
        }
        if (SLARP_MAX_LENGTH < length && verbosity.verbose()) {
            out.append(", (trailing junk: ").append(length - SLARP_MAX_LENGTH).append(" bytes)");
        }
        if (verbosity.veryVerbose()) unknownData(p, cp + 4, length - 4, out);
    }

    private static void unknownData(Packet p, int at, int length, StringBuilder out) {
        PppOptions.unknownData(p, p.capLen(), at, "\n\t", length & 0xffffffffL, out);
    }
}
