package dev.fabricscope.rdma.cm;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.rdma.Bth;
import dev.fabricscope.rdma.Opcode;

/**
 * Finds a MAD inside a dissected packet without allocating: a UD SEND-only (BTH opcode 0x64) to QP 0
 * or 1, whose MAD follows BTH (12) + DETH (8). Also says where the IB transport payload ends (ICRC
 * excluded) for RoCEv2 (UDP length), RoCEv1 (GRH payload length) and native IB (LRH packet length).
 */
public final class MadLocator {
    private MadLocator() { }

    static final int BTH_LENGTH = Bth.LENGTH;
    static final int DETH_LENGTH = 8;
    static final int ICRC_LENGTH = 4;

    /** Where the MAD starts, or -1 when this packet is not a UD SEND to QP 0/1. */
    public static int madOffset(Packet p, Layers l) {
        int bth = l.ibBthOffset;
        if (bth < 0 || !p.has(bth, BTH_LENGTH)) return -1;
        if (Bth.opcode(p, bth) != Opcode.UD_SEND_ONLY) return -1;
        int qp = Bth.destQp(p, bth);
        if (qp != 0 && qp != 1) return -1;
        return bth + BTH_LENGTH + DETH_LENGTH;
    }

    /** End of the IB transport payload (exclusive; ICRC and VCRC excluded), clipped to caplen. */
    public static int payloadEnd(Packet p, Layers l) {
        int end = p.capLen();
        if (l.roceVersion == 2 && l.transportOffset >= 0 && l.udpLength > 0) {
            end = Math.min(end, l.transportOffset + l.udpLength - ICRC_LENGTH);
        } else if (l.roceVersion == 1 && l.ibGrhOffset >= 0) {
            end = Math.min(end, l.ibGrhOffset + 40 + p.u16(l.ibGrhOffset + 4) - ICRC_LENGTH);
        } else if (l.ibLrhOffset >= 0 && p.has(l.ibLrhOffset, 8)) {
            end = Math.min(end, l.ibLrhOffset + 4 * (p.u16(l.ibLrhOffset + 4) & 0x7ff) - ICRC_LENGTH);
        } else {
            end -= ICRC_LENGTH;
        }
        return end;
    }

    /** Bytes of MAD available at {@code madOffset}: never negative. */
    public static int madAvailable(Packet p, Layers l, int madOffset) {
        return Math.max(0, payloadEnd(p, l) - madOffset);
    }
}
