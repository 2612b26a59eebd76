package dev.fabricscope.rdma;

import dev.fabricscope.capture.Packet;

/** RDMA Extended Transport Header (IBTA vol. 1, 9.3.3; 16 bytes): virtual address, R_Key, DMA length. */
public record Reth(long virtualAddress, long rKey, long dmaLength) {
    public static final int LENGTH = 16;

    public static Reth read(Packet p, int off) {
        return new Reth(virtualAddress(p, off), p.u32(off + 8), p.u32(off + 12));
    }

    public static long virtualAddress(Packet p, int off) {
        return (p.u32(off) << 32) | p.u32(off + 4);
    }

    public static long dmaLength(Packet p, int off) {
        return p.u32(off + 12);
    }
}
