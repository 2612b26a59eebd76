package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * Minimal encapsulation within IP (RFC 2004, IP protocol 55) as tcpdump 4.99 prints it (print-mobile.c):
 * {@code mobile: [S] } when the original source is present, else {@code mobile: [] }; -v adds that source, the
 * original destination and protocol; a wrong header checksum is " (bad checksum N)". The carried packet is not
 * printed. A header not all captured (12 bytes, what tcpdump checks, even without the source) is " [|mobile]".
 */
final class MobileFormatter {
    static final int PROTOCOL = 55;
    private static final int HEADER = 8, WITH_SOURCE = 12, SOURCE_PRESENT = 0x0080;

    private final Verbosity verbosity;

    MobileFormatter(Verbosity verbosity) {
        this.verbosity = verbosity;
    }

    /** The header at {@code off}, {@code length} bytes of IP payload; {@code end} is the snapshot end. */
    void format(Packet p, int off, int length, int end, StringBuilder out) {
        if (length < HEADER || off + WITH_SOURCE > end) {
            out.append(" [|mobile]");   // tcpdump checks first: no jump
            return;
        }
        out.append("mobile: ");
        int protocol = p.u16(off), checksum = p.u16(off + 2);
        boolean source = (protocol & SOURCE_PRESENT) != 0;
        if (source) {
            out.append("[S] ");
            if (verbosity.verbose()) Text.ipv4(out, p, off + 8);
            if (verbosity.verbose()) out.append(' ');
        } else {
            out.append("[] ");
        }
        if (verbosity.verbose()) {
            out.append("> ");
            Text.ipv4(out, p, off + 4);
            out.append(" (oproto=").append(protocol >>> 8).append(')');
        }
        if (!InternetChecksum.verifies(InternetChecksum.add(0, p, off, source ? WITH_SOURCE : HEADER))) {
            out.append(" (bad checksum ").append(checksum).append(')');
        }
    }
}
