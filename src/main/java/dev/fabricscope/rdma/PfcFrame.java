package dev.fabricscope.rdma;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Layers;

/**
 * MAC control frames that pause traffic (ethertype 0x8808): IEEE 802.3 Annex 31B PAUSE (opcode
 * 0x0001, one pause time for the whole link) and IEEE 802.1Qbb priority-based flow control (opcode
 * 0x0101: a class-enable vector whose low 8 bits say which priorities the frame applies to, then 8
 * pause times, priority 0 first). Times are in quanta of 512 bit times; 0 resumes. Read for congestion
 * analysis next to ECN marks and CNPs.
 */
public sealed interface PfcFrame {
    int ETHERTYPE_MAC_CONTROL = 0x8808;
    int OPCODE_PAUSE = 0x0001;
    int OPCODE_PFC = 0x0101;
    int PRIORITIES = 8;

    /** 802.3x PAUSE: every priority stops for {@code quanta}. */
    record LinkPause(int quanta) implements PfcFrame { }

    /** 802.1Qbb PFC: {@code quanta[i]} applies to priority i when bit i of the vector is set. */
    record PriorityPause(int classEnableVector, int[] quanta) implements PfcFrame {
        public PriorityPause {
            quanta = quanta.clone();
        }

        public boolean enabled(int priority) {
            return (classEnableVector & (1 << priority)) != 0;
        }

        @Override
        public int[] quanta() {
            return quanta.clone();
        }

        public int quanta(int priority) {
            return quanta[priority];
        }
    }

    /** Another MAC control opcode (e.g. 0x0002 GATE of EPON): not a pause. */
    record OtherOpcode(int opcode) implements PfcFrame { }

    /** The frame ends before the fields its opcode needs. */
    record Truncated(int opcode, int needed, int available) implements PfcFrame { }

    /** True when the frame is a MAC control frame (the only case {@link #read} applies to). */
    static boolean isMacControl(Layers l) {
        return l.etherType == ETHERTYPE_MAC_CONTROL && l.etherPayloadOffset >= 0;
    }

    /** Opcode of a MAC control frame at the ethertype payload, -1 when truncated. */
    static int opcode(Packet p, Layers l) {
        int off = l.etherPayloadOffset;
        return p.has(off, 2) ? p.u16(off) : -1;
    }

    /** Decodes a MAC control frame; call only when {@link #isMacControl} holds. */
    static PfcFrame read(Packet p, Layers l) {
        int off = l.etherPayloadOffset;
        int available = Math.max(0, p.capLen() - off);
        if (!p.has(off, 2)) return new Truncated(-1, 2, available);
        int opcode = p.u16(off);
        return switch (opcode) {
            case OPCODE_PAUSE -> p.has(off, 4) ? new LinkPause(p.u16(off + 2)) : new Truncated(opcode, 4, available);
            case OPCODE_PFC -> {
                int need = 4 + 2 * PRIORITIES;
                if (!p.has(off, need)) yield new Truncated(opcode, need, available);
                int[] q = new int[PRIORITIES];
                for (int i = 0; i < PRIORITIES; i++) q[i] = p.u16(off + 4 + 2 * i);
                yield new PriorityPause(p.u16(off + 2) & 0xff, q);
            }
            default -> new OtherOpcode(opcode);
        };
    }

    /** Allocation-free: the pause time of {@code priority} in a PFC frame (-1 when not enabled or truncated). */
    static int pfcQuanta(Packet p, Layers l, int priority) {
        int off = l.etherPayloadOffset;
        if (!p.has(off, 4 + 2 * PRIORITIES) || p.u16(off) != OPCODE_PFC) return -1;
        if ((p.u16(off + 2) & (1 << priority)) == 0) return -1;
        return p.u16(off + 4 + 2 * priority);
    }
}
