package dev.fabricscope.print;

/**
 * An Rx ack as print-rx.c prints it: (-vvv the buffer space and skew) the first packet, the serial that prompted it
 * and the reason; the packets acked and not acked, runs collapsed to ranges; from -vv the optional trailer words as
 * far as captured.
 */
final class RxAcks {
    private static final int ACK_FIELDS = 18, ACKED = 1, NACKED = 0;
    private static final String[] TRAILER = {" ifmtu", " maxmtu", " rwind", " maxpackets"};

    private RxAcks() { }

    /** The reader stands at the Rx header. */
    static void format(RxReader r, int length, Verbosity verbosity) {
        if (length < RxCalls.HEADER) return;
        int at = r.pos + RxCalls.HEADER;
        if (ACK_FIELDS > r.end - at) {
            r.out.append(" [|ack]");
            return;
        }
        StringBuilder out = r.out;
        if (verbosity.mostVerbose()) {
            out.append(" bufspace ").append(r.p.u16(at)).append(" maxskew ").append(r.p.u16(at + 2));
        }
        long first = r.p.u32(at + 4);
        Text.u32(out.append(" first "), first);
        Text.u32(out.append(" serial "), r.p.u32(at + 12));
        out.append(" reason ");
        int reason = r.p.u8(at + 16);
        String name = RxNames.ackReason(reason);
        if (name != null) out.append(name);
        else out.append('#').append(reason);
        int count = r.p.u8(at + 17);
        at += ACK_FIELDS;
        if (count != 0) {
            if (count > r.end - at) {
                out.append(" [|ack]");
                return;
            }
            runs(r, at, count, first, ACKED, " acked ");
            runs(r, at, count, first, NACKED, " nacked ");
            at += count;
        }
        at += 3;   // padding
        if (!verbosity.veryVerbose()) return;
        r.pos = at;
        for (String field : TRAILER) {
            if (r.end - r.pos <= 3) return;
            out.append(field);
            r.unsigned();
        }
    }

    /** The packets whose byte is {@code kind}: the first named, later ones after a comma, runs as first-last. */
    private static void runs(RxReader r, int at, int count, long first, int kind, String label) {
        StringBuilder out = r.out;
        int start = -2, last = -2, i;
        for (i = 0; i < count; i++) {
            if (r.p.u8(at + i) == kind) {
                if (last == -2) {
                    Text.u32(out.append(label), first + i);
                    start = i;
                } else if (last != i - 1) {
                    Text.u32(out.append(','), first + i);
                    start = i;
                }
                last = i;
            } else if (last == i - 1 && start != last) {
                Text.u32(out.append('-'), first + i - 1);
            }
        }
        if (last == i - 1 && start != last) Text.u32(out.append('-'), first + i - 1);
    }
}
