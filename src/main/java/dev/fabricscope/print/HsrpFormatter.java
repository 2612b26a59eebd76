package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * HSRP (RFC 2281; to UDP 1985) as tcpdump 4.99 prints it (print-hsrp.c):
 * {@code HSRPv0-hello 20: state=active group=1 addr=10.0.0.254}, with a nonzero reserved byte shown before the
 * address; -v adds the hello and hold times, the priority and the authentication data (up to its first NUL, as
 * printable characters). Other versions (HSRPv2's TLVs among them) print their version only. Fetches past the capture
 * end the line with " [|hsrp]" ({@link EarlyEnd}).
 */
final class HsrpFormatter {
    static final int PORT = 1985;
    private static final int AUTH = 8, AUTH_SIZE = 8, VIRTUAL_ADDRESS = 16;
    private static final String[] OP_CODES = {"hello", "coup", "resign"};

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    HsrpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** The message at {@code off} of {@code length} bytes (the UDP payload); {@code end} is the snapshot end. */
    void format(Packet packet, int off, int length, int end, StringBuilder out) {
        try (var _ = bytes.reading(packet, end)) {
            message(off, length, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "hsrp");
        }
    }

    private void message(int at, int length, StringBuilder out) {
        int version = bytes.u8(at);
        out.append("HSRPv").append(version);
        if (version != 0) return;
        out.append('-');
        int op = bytes.u8(at + 1);
        if (op < OP_CODES.length) out.append(OP_CODES[op]);
        else out.append("unknown (").append(op).append(')');
        out.append(' ').append(Integer.toUnsignedLong(length)).append(": ");   // unsigned: a jumbogram's passes 2^31
        int state = bytes.u8(at + 2);
        out.append("state=");
        state(out, state);
        out.append(' ');
        int group = bytes.u8(at + 6);
        out.append("group=").append(group).append(' ');
        int reserved = bytes.u8(at + 7);
        if (reserved != 0) out.append("[reserved=").append(reserved).append("!] ");
        bytes.need(at + VIRTUAL_ADDRESS, 4);
        bytes.ip4(out.append("addr="), at + VIRTUAL_ADDRESS);
        if (!verbosity.verbose()) return;
        out.append(" hellotime=");
        Text.relativeTime(out, bytes.u8(at + 3));
        out.append(" holdtime=");
        Text.relativeTime(out, bytes.u8(at + 4));
        int priority = bytes.u8(at + 5);
        out.append(" priority=").append(priority).append(" auth=\"");
        for (int i = 0; i < AUTH_SIZE; i++) {   // nd_printjnp: up to the first NUL
            int c = bytes.u8(at + AUTH + i);
            if (c == 0) break;
            Text.printableChar(out, c);
        }
        out.append('"');
    }

    /** tcpdump's names of the states (RFC 2281 5.1), "Unknown (n)" for others. */
    private static void state(StringBuilder out, int state) {
        String name = switch (state) {
            case 0 -> "initial";
            case 1 -> "learn";
            case 2 -> "listen";
            case 4 -> "speak";
            case 8 -> "standby";
            case 16 -> "active";
            default -> null;
        };
        if (name != null) out.append(name);
        else out.append("Unknown (").append(state).append(')');
    }
}
