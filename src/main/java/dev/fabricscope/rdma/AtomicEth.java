package dev.fabricscope.rdma;

import dev.fabricscope.capture.Packet;

/**
 * Atomic Extended Transport Header (IBTA vol. 1, 9.3.5; 28 bytes): virtual address, R_Key,
 * swap (CmpSwap) or add (FetchAdd) data, compare data.
 */
public record AtomicEth(long virtualAddress, long rKey, long swapOrAddData, long compareData) {
    public static final int LENGTH = 28;

    public static AtomicEth read(Packet p, int off) {
        return new AtomicEth(u64(p, off), p.u32(off + 8), u64(p, off + 12), u64(p, off + 20));
    }

    static long u64(Packet p, int off) {
        return (p.u32(off) << 32) | p.u32(off + 4);
    }
}
