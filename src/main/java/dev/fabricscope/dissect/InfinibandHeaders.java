package dev.fabricscope.dissect;

import dev.fabricscope.capture.Packet;

/** InfiniBand route/transport header sizes (IBTA spec vol. 1, ch. 5 and 9) and their location. */
final class InfinibandHeaders {
    private InfinibandHeaders() { }

    static final int LRH_LENGTH = 8;
    static final int GRH_LENGTH = 40;
    static final int BTH_LENGTH = 12;
    /** LRH link next header values. */
    static final int LNH_IP_NON_IBA = 1;
    static final int LNH_IBA_LOCAL = 2;
    static final int LNH_IBA_GLOBAL = 3;
    /** GRH next header meaning "IBA transport (BTH) follows". */
    static final int GRH_NEXT_HEADER_BTH = 0x1b;

    /** A GRH (next header at byte 6) and, when it announces one, the BTH after it. */
    static void grhThenBth(Packet p, Layers l, int off) {
        l.rareGroupsSet = true;
        if (!p.has(off, GRH_LENGTH)) {
            l.fail(Malformed.TRUNCATED_IB_GRH, off);
            return;
        }
        l.ibGrhOffset = off;
        if (p.u8(off + 6) == GRH_NEXT_HEADER_BTH) bth(p, l, off + GRH_LENGTH);
    }

    static void bth(Packet p, Layers l, int off) {
        l.rareGroupsSet = true;
        if (!p.has(off, BTH_LENGTH)) {
            l.fail(Malformed.TRUNCATED_IB_BTH, off);
            return;
        }
        l.ibBthOffset = off;
    }
}
