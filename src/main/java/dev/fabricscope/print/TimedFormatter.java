package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * The BSD time synchronisation protocol (timed's TSP, UDP port 525) as tcpdump 4.99 prints it (print-timed.c):
 * {@code TSP_MASTERUP vers 1 seq 3 name host}, with a loop packet's hop count or the time a set/adjust message
 * carries. The name is read up to its NUL whatever the UDP length says. Fetches past the capture end the line with
 * " [|timed]".
 */
final class TimedFormatter {
    static final int PORT = 525;
    private static final int ADJTIME = 1, SETTIME = 5, SETDATE = 22, SETDATEREQ = 23, LOOP = 24, NAME = 256;
    private static final String[] TYPES = {"TSP_ANY", "TSP_ADJTIME", "TSP_ACK", "TSP_MASTERREQ", "TSP_MASTERACK",
        "TSP_SETTIME", "TSP_MASTERUP", "TSP_SLAVEUP", "TSP_ELECTION", "TSP_ACCEPT", "TSP_REFUSE", "TSP_CONFLICT",
        "TSP_RESOLVE", "TSP_QUIT", "TSP_DATE", "TSP_DATEREQ", "TSP_DATEACK", "TSP_TRACEON", "TSP_TRACEOFF",
        "TSP_MSITE", "TSP_MSITEREQ", "TSP_TEST", "TSP_SETDATE", "TSP_SETDATEREQ", "TSP_LOOP"};

    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    TimedFormatter(EarlyEnd earlyEnd) {
        this.earlyEnd = earlyEnd;
    }

    /** The message at {@code off}; {@code end} is the snapshot end. */
    void format(Packet p, int off, int end, StringBuilder out) {
        try (var _ = bytes.reading(p, end)) {
            message(off, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "timed");
        }
    }

    private void message(int bp, StringBuilder out) {
        int type = bytes.u8(bp);
        if (type < TYPES.length) {
            out.append(TYPES[type]);
        } else {
            out.append("(tsp_type 0x");
            Text.hex(out, type);
            out.append(')');
        }
        int version = bytes.u8(bp + 1);
        out.append(" vers ").append(version);
        int seq = bytes.u16(bp + 2);
        out.append(" seq ").append(seq);
        switch (type) {
            case LOOP -> {
                int hops = bytes.u8(bp + 4);
                out.append(" hopcnt ").append(hops);
            }
            case SETTIME, ADJTIME, SETDATE, SETDATEREQ -> {
                int sec = (int) bytes.u32(bp + 4), usec = (int) bytes.u32(bp + 8);
                if (usec < 0) return;   // tcpdump skips the rest
                out.append(" time ");
                if (sec < 0 && usec != 0) {
                    sec++;
                    if (sec == 0) out.append('-');
                    usec = 1000000 - usec;
                }
                out.append(sec).append('.');
                if (usec >= 0) {
                    Text.zeroPadded(out, usec, 6);
                } else {   // %06d of a negative: the sign counts in the width
                    out.append('-');
                    Text.zeroPadded(out, -(long) usec, 5);
                }
            }
            default -> { }
        }
        out.append(" name ");
        LldpText.untilNul(bytes, bp + 12, NAME, out);
    }
}
