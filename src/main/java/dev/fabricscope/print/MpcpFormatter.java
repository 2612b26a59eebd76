package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * Ethertype 0x8808 (MAC control) as tcpdump 4.99's print-mpcp.c, which reads every such frame as EPON's Multi-Point
 * Control Protocol: "MPCP, Opcode Gate, Timestamp N ticks, length N"; -v adds the Gate, Report and registration
 * fields. tcpdump knows opcode 1 only as "Pause" (no timestamp, no fields) and prints others (802.1Qbb PFC's 0x0101
 * among them) as "Unknown (N)", their timestamp, and with -v the message in hex. The flag names are tcpdump's
 * bittok2str of them: a token needs all of its bits (Register's 3 "ACK" follows bits 1 and 2), Register-ACK's
 * zero-valued "NACK" never shows ("Reserved").
 * Fields are fetched with jumping checks, each line's at once: " [|mpcp]" replaces the line that does not fit.
 */
final class MpcpFormatter {
    static final int ETHERTYPE = 0x8808;
    private static final int HEADER = 6;
    private static final int PAUSE = 1, GATE = 2, REPORT = 3, REGISTER_REQUEST = 4, REGISTER = 5, REGISTER_ACK = 6;
    private static final int GRANT_NUMBER_MASK = 0x7;
    private static final String[] GRANT_FLAGS = {"Discovery", "Force Grant #1", "Force Grant #2", "Force Grant #3",
        "Force Grant #4"};

    /** tcpdump's flag tokens: a name is printed when all of its value's bits are set (3 needs both). */
    private static final int[] REGISTER_REQUEST_FLAGS = {1, 3}, REGISTER_FLAGS = {1, 2, 3, 4};
    private static final String[] REGISTER_REQUEST_NAMES = {"Register", "De-Register"},
        REGISTER_NAMES = {"Re-Register", "De-Register", "ACK", "NACK"};

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;

    MpcpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** @param length bytes on the wire from {@code off} */
    void format(Packet p, int off, int length, StringBuilder out) {
        if (!p.has(off, HEADER)) {
            earlyEnd.mark(out, "mpcp");
            return;
        }
        int opcode = p.u16(off);
        out.append("MPCP, Opcode ");
        switch (opcode) {
            case PAUSE -> out.append("Pause");
            case GATE -> out.append("Gate");
            case REPORT -> out.append("Report");
            case REGISTER_REQUEST -> out.append("Register Request");
            case REGISTER -> out.append("Register");
            case REGISTER_ACK -> out.append("Register ACK");
            default -> out.append("Unknown (").append(opcode).append(')');
        }
        if (opcode != PAUSE) out.append(", Timestamp ").append(p.u32(off + 2)).append(" ticks");
        out.append(", length ").append(Integer.toUnsignedLong(length));   // tcpdump's u_int (a jumbogram's frame)
        if (!verbosity.verbose()) return;
        int at = off + HEADER;
        switch (opcode) {
            case PAUSE -> { }
            case GATE -> gate(p, at, out);
            case REPORT -> report(p, at, out);
            case REGISTER_REQUEST -> {
                if (!p.has(at, 2)) {
                    earlyEnd.mark(out, "mpcp");
                    return;
                }
                out.append("\n\tFlags [ ");
                LldpText.bits(out, p.u8(at), REGISTER_REQUEST_FLAGS, REGISTER_REQUEST_NAMES, "Reserved");
                out.append(" ], Pending-Grants ").append(p.u8(at + 1));
            }
            case REGISTER -> {
                if (!p.has(at, 6)) {
                    earlyEnd.mark(out, "mpcp");
                    return;
                }
                out.append("\n\tAssigned-Port ").append(p.u16(at)).append(", Flags [ ");
                LldpText.bits(out, p.u8(at + 2), REGISTER_FLAGS, REGISTER_NAMES, "Reserved");
                out.append(" ]\n\tSync-Time ").append(p.u16(at + 3)).append(" ticks, Echoed-Pending-Grants ")
                    .append(p.u8(at + 5));
            }
            case REGISTER_ACK -> {
                if (!p.has(at, 5)) {
                    earlyEnd.mark(out, "mpcp");
                    return;
                }
                out.append("\n\tEchoed-Assigned-Port ").append(p.u16(at + 1)).append(", Flags [ ")
                    .append((p.u8(at) & 1) != 0 ? "ACK" : "Reserved").append(" ]\n\tEchoed-Sync-Time ")
                    .append(p.u16(at + 3)).append(" ticks");
            }
            // tcpdump's print_unknown_data of the message
            default -> HexDump.hex(p, off, UnsignedLength.clamped(length), "\n\t", out);
        }
    }

    private void gate(Packet p, int at, StringBuilder out) {
        if (!p.has(at, 1)) {
            earlyEnd.mark(out, "mpcp");
            return;
        }
        int grants = p.u8(at) & GRANT_NUMBER_MASK;
        out.append("\n\tGrant Numbers ").append(grants).append(", Flags [ ");
        int flags = p.u8(at) >> 3;
        if (flags == 0) out.append('?');
        for (int bit = 0, n = 0; bit < GRANT_FLAGS.length; bit++) {
            if ((flags & 1 << bit) == 0) continue;
            if (n++ > 0) out.append(", ");
            out.append(GRANT_FLAGS[bit]);
        }
        out.append(" ]");
        at++;
        for (int grant = 1; grant <= grants; grant++, at += 6) {
            if (!p.has(at, 6)) {
                earlyEnd.mark(out, "mpcp");
                return;
            }
            out.append("\n\tGrant #").append(grant).append(", Start-Time ").append(p.u32(at))
                .append(" ticks, duration ").append(p.u16(at + 4)).append(" ticks");
        }
        if (!p.has(at, 2)) {
            earlyEnd.mark(out, "mpcp");
            return;
        }
        out.append("\n\tSync-Time ").append(p.u16(at)).append(" ticks");
    }

    /** tcpdump walks one queue set fewer than the count and labels each with the count. */
    private void report(Packet p, int at, StringBuilder out) {
        if (!p.has(at, 1)) {
            earlyEnd.mark(out, "mpcp");
            return;
        }
        int sets = p.u8(at++);
        out.append("\n\tTotal Queue-Sets ").append(sets);
        for (int set = 1; set < sets; set++) {
            if (!p.has(at, 1)) {
                earlyEnd.mark(out, "mpcp");
                return;
            }
            int bitmap = p.u8(at++);
            out.append("\n\t  Queue-Set #").append(sets).append(", Report-Bitmap [ ");
            if (bitmap == 0) out.append("Unknown");
            for (int bit = 0, n = 0; bit < 8; bit++) {
                if ((bitmap & 1 << bit) == 0) continue;
                if (n++ > 0) out.append(", ");
                out.append('Q').append(bit);
            }
            out.append(" ]");
            for (int report = 1; bitmap != 0; report++, bitmap >>= 1) {
                if ((bitmap & 1) == 0) continue;
                if (!p.has(at, 2)) {
                    earlyEnd.mark(out, "mpcp");
                    return;
                }
                out.append("\n\t    Q").append(report).append(" Report, Duration ").append(p.u16(at))
                    .append(" ticks");
                at += 2;
            }
        }
    }
}
