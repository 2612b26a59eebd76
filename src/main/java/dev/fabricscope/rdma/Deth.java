package dev.fabricscope.rdma;

import dev.fabricscope.capture.Packet;

/** Datagram Extended Transport Header (IBTA vol. 1, 9.3.2; 8 bytes): Q_Key, reserved byte, source QP. */
public record Deth(long qKey, int srcQp) {
    public static final int LENGTH = 8;

    public static Deth read(Packet p, int off) {
        return new Deth(p.u32(off), srcQp(p, off));
    }

    public static int srcQp(Packet p, int off) {
        return (int) (p.u32(off + 4) & 0xffffff);
    }
}
