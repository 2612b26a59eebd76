package dev.fabricscope.rdma;

import dev.fabricscope.capture.Packet;

/** Atomic Acknowledge Extended Transport Header (IBTA vol. 1, 9.5.3; 8 bytes): original remote data. */
public record AtomicAckEth(long originalRemoteData) {
    public static final int LENGTH = 8;

    public static AtomicAckEth read(Packet p, int off) {
        return new AtomicAckEth(AtomicEth.u64(p, off));
    }
}
