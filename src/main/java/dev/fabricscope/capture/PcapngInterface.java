package dev.fabricscope.capture;

/**
 * What the pcapng reader keeps per interface of the current section: where it lives in the global
 * interface list and how to turn its timestamp units into nanoseconds.
 *
 * @param globalId    index into {@link PacketSource#interfaces()}
 * @param tsResol     if_tsresol byte: bit 7 set = 2^-(low bits) s, else 10^-value s (default 6)
 * @param offsetNanos if_tsoffset in nanoseconds, added to every timestamp
 */
record PcapngInterface(int globalId, int linkType, long snapLen, int tsResol, long offsetNanos) {
    static final int DEFAULT_TSRESOL = 6;
    private static final long NANOS = 1_000_000_000L;
    private static final long[] POW10 = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, NANOS,
        10 * NANOS, 100 * NANOS, 1_000 * NANOS, 10_000 * NANOS, 100_000 * NANOS, 1_000_000 * NANOS,
        10_000_000 * NANOS, 100_000_000 * NANOS, NANOS * NANOS,
    };

    /** Nanoseconds since the epoch for an unsigned 64-bit count of this interface's units (truncated, as tshark does). */
    long nanos(long units) {
        return toNanos(units, tsResol) + offsetNanos;
    }

    static long toNanos(long units, int tsResol) {
        int e = tsResol & 0x7f;
        if ((tsResol & 0x80) == 0) {
            if (e <= 9) return units * POW10[9 - e];
            if (e - 9 < POW10.length) return Long.divideUnsigned(units, POW10[e - 9]);
            return 0;
        }
        if (e == 0) return units * NANOS;
        if (e >= 64) return e >= 128 ? 0 : Math.unsignedMultiplyHigh(units, NANOS) >>> (e - 64);
        long seconds = units >>> e;
        long fraction = units << (64 - e); // the fraction as a 64-bit binary fraction of a second
        return seconds * NANOS + Math.unsignedMultiplyHigh(fraction, NANOS);
    }

    /** Nanoseconds per unit for {@link CaptureInterface#tsResolutionNanos()}: 1 when a unit is finer than 1 ns. */
    static long nanosPerUnit(int tsResol) {
        return Math.max(1, toNanos(1, tsResol));
    }
}
