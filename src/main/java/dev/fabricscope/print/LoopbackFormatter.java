package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * The Ethernet Configuration Testing Protocol ("Loopback", ethertype 0x9000) as tcpdump 4.99's print-loopback.c:
 * "Loopback, skipCount 0, Reply, receipt number 1, data (40 octets)", or a forward-data message's address; little-endian
 * fields, a skip count not a multiple of 8 " (bogus)", lengths that do not fit " (invalid)". tcpdump checks that the
 * rest of the message was captured: when not, " [|loopback]".
 */
final class LoopbackFormatter {
    static final int ETHERTYPE = 0x9000;
    private static final int REPLY = 1, FORWARD_DATA = 2;
    private static final int MAC_LENGTH = 6;

    private final EarlyEnd earlyEnd;

    LoopbackFormatter(EarlyEnd earlyEnd) {
        this.earlyEnd = earlyEnd;
    }

    /** Lengths unsigned, as tcpdump's u_int: a frame carried in a jumbogram's UDP payload passes 2^31. */
    void format(Packet p, int off, int length, StringBuilder out) {
        out.append("Loopback");
        if (!present(p, off, length, 2, out)) return;
        int skip = p.le16(off);
        off += 2;
        length -= 2;
        out.append(", skipCount ").append(skip);
        if (skip % 8 != 0) out.append(" (bogus)");
        if (!present(p, off, length, skip, out)) return;
        message(p, off + skip, length - skip, out);
    }

    private void message(Packet p, int off, int length, StringBuilder out) {
        if (!present(p, off, length, 2, out)) return;
        int function = p.le16(off);
        off += 2;
        length -= 2;
        out.append(", ");
        switch (function) {
            case REPLY -> out.append("Reply");
            case FORWARD_DATA -> out.append("Forward Data");
            default -> out.append(" invalid (").append(function).append(')');
        }
        if (function == REPLY) {
            if (!present(p, off, length, 2, out)) return;
            out.append(", receipt number ").append(p.le16(off));
            off += 2;
            length -= 2;
            out.append(", data (").append(Integer.toUnsignedLong(length)).append(" octets)");
        } else if (function == FORWARD_DATA) {
            if (!present(p, off, length, MAC_LENGTH, out)) return;
            out.append(", forwarding address ");
            Text.linkAddress(out, p, off, MAC_LENGTH);
            off += MAC_LENGTH;
            length -= MAC_LENGTH;
            out.append(", data (").append(Integer.toUnsignedLong(length)).append(" octets)");
        }
        if (!p.has(off, length)) earlyEnd.mark(out, "loopback");
    }

    /**
     * Whether the next {@code n} bytes fit in the message's {@code length} (else " (invalid)") and were captured
     * (else " [|loopback]"); tcpdump checks in that order before each field.
     */
    private boolean present(Packet p, int off, int length, int n, StringBuilder out) {
        if (Integer.compareUnsigned(length, n) < 0) {
            invalid(p, off, length, out);
            return false;
        }
        if (!p.has(off, n)) {
            earlyEnd.mark(out, "loopback");
            return false;
        }
        return true;
    }

    /** tcpdump's nd_print_invalid, then its check that the rest was captured. */
    private void invalid(Packet p, int off, int length, StringBuilder out) {
        out.append(" (invalid)");
        if (!p.has(off, length)) earlyEnd.mark(out, "loopback");
    }

}
