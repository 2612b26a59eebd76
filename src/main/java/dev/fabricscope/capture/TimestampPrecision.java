package dev.fabricscope.capture;

/**
 * Timestamp resolution of a classic pcap file: {@link #MICRO} (magic 0xa1b2c3d4, what {@code tcpdump -w}
 * writes) or {@link #NANO} (magic 0xa1b23c4d, {@code tcpdump --time-stamp-precision=nano -w}).
 */
public enum TimestampPrecision {
    MICRO(0xa1b2c3d4, 1_000),
    NANO(0xa1b23c4d, 1);

    private final int magic;
    private final long nanosPerUnit;

    TimestampPrecision(int magic, long nanosPerUnit) {
        this.magic = magic;
        this.nanosPerUnit = nanosPerUnit;
    }

    /** The pcap file magic for this precision. */
    public int magic() { return magic; }

    /** Nanoseconds per unit of the sub-second timestamp field. */
    public long nanosPerUnit() { return nanosPerUnit; }
}
