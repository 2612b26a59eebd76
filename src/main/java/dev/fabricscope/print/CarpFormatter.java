package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * CARP (OpenBSD's Common Address Redundancy Protocol; IP protocol 112, VRRP's) as tcpdump 4.99 prints it with
 * {@code -T carp} (print-carp.c): {@code CARPv2-advertise 36: vhid=1 advbase=1 advskew=0 authlen=7 counter=N}, the
 * TTL when it is not 255, with -v a bad checksum. Fetches past the capture end the line with " [|carp]".
 */
final class CarpFormatter extends SnapshotFormatter {
    private static final int ADVERTISE = 1;

    CarpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        super(verbosity, earlyEnd, "carp");
    }

    @Override
    void message(Packet p, IpContext ip, int bp, int len, StringBuilder out) {
        int first = bytes.u8(bp);
        int version = first >>> 4, type = first & 0x0f;
        out.append("CARPv").append(version).append(type == ADVERTISE ? "-advertise " : "-unknown ")
            .append(Integer.toUnsignedLong(len))
            .append(": ");
        int ttl = ip.ttl(p);
        if (ttl != 255) out.append("[ttl=").append(ttl).append("!] ");
        if (version != 2 || type != ADVERTISE) return;
        bytes.u8(bp + 5);   // tcpdump fetches the four fields before it prints any of them
        out.append("vhid=").append(bytes.u8(bp + 1)).append(" advbase=").append(bytes.u8(bp + 5))
            .append(" advskew=").append(bytes.u8(bp + 2)).append(" authlen=").append(bytes.u8(bp + 3)).append(' ');
        if (verbosity.verbose() && bp + Integer.toUnsignedLong(len) <= bytes.end()
                && !InternetChecksum.verifies(InternetChecksum.add(0, p, bp, len))) {
            out.append(" (bad carp cksum ");
            Text.hex(out, bytes.u16(bp + 6));
            out.append("!)");
        }
        long counter = bytes.u64(bp + 8);   // fetched before "counter=" is printed
        Text.u64(out.append("counter="), counter);
    }
}
