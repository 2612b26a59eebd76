package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * Reads of a protocol printer that behave as tcpdump's GET_ macros: past the snapshot end (the capture clipped to
 * the IP length) they jump out of the printer, which then prints its truncation marker and marks {@link EarlyEnd}.
 * One per printer; {@link #set} before each packet.
 */
final class SnapshotBytes {
    /** The jump; one instance per reader, without a stack trace. */
    static final class Jump extends RuntimeException {
        Jump() {
            super(null, null, false, false);
        }
    }

    private final Jump jump = new Jump();
    private Packet packet;
    private int end;

    void set(Packet p, int snapshotEnd) {
        this.packet = p;
        this.end = snapshotEnd;
    }

    /** tcpdump's snapshot end: reads at or past it jump. */
    int end() {
        return end;
    }

    void clear() {
        this.packet = null;
    }

    int u8(int at) {
        if (at < 0 || at >= end) throw jump;
        return packet.u8(at);
    }

    int u16(int at) {
        return u8(at) << 8 | u8(at + 1);
    }

    long u32(int at) {
        return (long) u16(at) << 16 | u16(at + 2);
    }
}
