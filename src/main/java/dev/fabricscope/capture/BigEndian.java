package dev.fabricscope.capture;

/**
 * Network-order reads from byte arrays. Plain indexed loads on purpose: unlike VarHandle or MemorySegment
 * accessors they are cheap in the interpreter and in C1 code and give C2 tiny inlining trees, which is most
 * of the warm-up of a whole-file run (measured on the 4.5M-packet SMC benchmark). Java's array bounds
 * checks stay on.
 */
public final class BigEndian {
    private BigEndian() { }

    public static int u16(byte[] b, int i) {
        return (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
    }

    /** The 4 bytes at {@code i} as a signed int (eyecatchers, fields compared as bit patterns). */
    public static int i32(byte[] b, int i) {
        return b[i] << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
    }

    public static long u32(byte[] b, int i) {
        return i32(b, i) & 0xffffffffL;
    }
}
