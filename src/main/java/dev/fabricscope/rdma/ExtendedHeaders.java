package dev.fabricscope.rdma;

import dev.fabricscope.capture.Packet;

/**
 * The extended transport headers of one packet, each null when the opcode has none (or the packet ends
 * before it: then {@link #truncated} is true and the headers after the cut are null).
 *
 * @param feth the 4-byte FLUSH extended header as a number (selectivity level and placement type), or -1
 */
public record ExtendedHeaders(XrcEth xrcEth, Rdeth rdeth, Deth deth, long feth, Reth reth, AtomicEth atomicEth,
                              Aeth aeth, AtomicAckEth atomicAckEth, ImmDt immDt, Ieth ieth, boolean truncated) {
    public static final ExtendedHeaders NONE =
        new ExtendedHeaders(null, null, null, -1, null, null, null, null, null, null, false);

    /** Reads the headers {@code opcode} announces after the BTH at {@code bth}, up to {@code end} (exclusive). */
    public static ExtendedHeaders read(Packet p, int bth, Opcode opcode, int end) {
        if (opcode.headers() == 0) return NONE;
        int limit = Math.min(end, p.capLen());
        XrcEth xrc = null;
        Rdeth rd = null;
        Deth d = null;
        long f = -1;
        Reth r = null;
        AtomicEth at = null;
        Aeth a = null;
        AtomicAckEth aa = null;
        ImmDt imm = null;
        Ieth ie = null;
        int off = bth + Bth.LENGTH;
        for (ExtendedHeader h : ExtendedHeader.values()) {
            if (!opcode.has(h)) continue;
            if (off + h.length() > limit) {
                return new ExtendedHeaders(xrc, rd, d, f, r, at, a, aa, imm, ie, true);
            }
            switch (h) {
                case XRCETH -> xrc = XrcEth.read(p, off);
                case RDETH -> rd = Rdeth.read(p, off);
                case DETH -> d = Deth.read(p, off);
                case FETH -> f = p.u32(off);
                case RETH -> r = Reth.read(p, off);
                case ATOMIC_ETH -> at = AtomicEth.read(p, off);
                case AETH -> a = Aeth.read(p, off);
                case ATOMIC_ACK_ETH -> aa = AtomicAckEth.read(p, off);
                case IMM_DT -> imm = ImmDt.read(p, off);
                case IETH -> ie = Ieth.read(p, off);
            }
            off += h.length();
        }
        return new ExtendedHeaders(xrc, rd, d, f, r, at, a, aa, imm, ie, false);
    }
}
