package dev.fabricscope.rdma;

import dev.fabricscope.capture.Packet;

/** Invalidate Extended Transport Header (IBTA vol. 1, 9.3.7; 4 bytes): the R_Key to invalidate. */
public record Ieth(long rKey) {
    public static final int LENGTH = 4;

    public static Ieth read(Packet p, int off) {
        return new Ieth(p.u32(off));
    }
}
