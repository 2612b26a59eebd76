package dev.fabricscope.rdma;

import dev.fabricscope.capture.Packet;

/** XRC Extended Transport Header (IBTA XRC annex; 4 bytes): reserved byte, XRC shared receive queue. */
public record XrcEth(int xrcSrq) {
    public static final int LENGTH = 4;

    public static XrcEth read(Packet p, int off) {
        return new XrcEth((int) (p.u32(off) & 0xffffff));
    }
}
