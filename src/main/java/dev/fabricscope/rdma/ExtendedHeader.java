package dev.fabricscope.rdma;

/**
 * The extended transport headers that may follow the BTH (IBTA vol. 1, 9.3-9.5 and the XRC and
 * FLUSH annexes), in the order they appear in a packet, with their lengths. {@link #bit()} is the
 * flag used in the opcode table's header masks.
 */
public enum ExtendedHeader {
    XRCETH(4),
    RDETH(4),
    DETH(8),
    FETH(4),
    RETH(16),
    ATOMIC_ETH(28),
    AETH(4),
    ATOMIC_ACK_ETH(8),
    IMM_DT(4),
    IETH(4);

    private final int length;

    ExtendedHeader(int length) {
        this.length = length;
    }

    public int length() {
        return length;
    }

    public int bit() {
        return 1 << ordinal();
    }

    public boolean in(int mask) {
        return (mask & bit()) != 0;
    }

    /** Wire order is declaration order. */
    private static final ExtendedHeader[] ALL = values();

    /** Offset of {@code h} from the end of the BTH in a packet with header set {@code mask}, -1 if absent. */
    public static int offsetOf(int mask, ExtendedHeader h) {
        if (!h.in(mask)) return -1;
        int off = 0;
        for (int i = 0; i < h.ordinal(); i++) {
            if (ALL[i].in(mask)) off += ALL[i].length;
        }
        return off;
    }

    /** Total length of the headers in {@code mask}. */
    public static int totalLength(int mask) {
        int len = 0;
        for (ExtendedHeader h : ALL) {
            if (h.in(mask)) len += h.length;
        }
        return len;
    }
}
