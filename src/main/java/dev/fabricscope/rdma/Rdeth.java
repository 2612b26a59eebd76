package dev.fabricscope.rdma;

import dev.fabricscope.capture.Packet;

/** Reliable Datagram Extended Transport Header (IBTA vol. 1, 9.3.1; 4 bytes): reserved byte, EE-context. */
public record Rdeth(int eeContext) {
    public static final int LENGTH = 4;

    public static Rdeth read(Packet p, int off) {
        return new Rdeth((int) (p.u32(off) & 0xffffff));
    }
}
