package dev.fabricscope.rdma;

import dev.fabricscope.capture.Packet;

/** Immediate Data Extended Transport Header (IBTA vol. 1, 9.3.4; 4 bytes), opaque to the transport. */
public record ImmDt(long immediateData) {
    public static final int LENGTH = 4;

    public static ImmDt read(Packet p, int off) {
        return new ImmDt(p.u32(off));
    }
}
