package dev.fabricscope.rdma;

/**
 * Mutable per-QP counters of {@link QpStatsTable}: one instance per (source, destination, destination QP)
 * row, reused after eviction. Package-private fields: only the table writes them; readers get a
 * {@link QpSummary} snapshot.
 */
final class QpStats {
    static final int OPCODE_SLOTS = 8;
    /** PSN history kept below the next expected PSN, for telling late (out-of-order) from duplicate. */
    static final int PSN_WINDOW = 64;

    // key: source and destination as two longs each (IPv4 in the low 32 bits), QPN | kind << 24
    long srcHi, srcLo, dstHi, dstLo, qpKind;

    long packets, bytes;
    final int[] opcodes = new int[OPCODE_SLOTS];
    final long[] opcodeCounts = new long[OPCODE_SLOTS];
    int opcodeUsed;
    long otherOpcodes;

    // request PSN sequence
    boolean psnKnown;
    boolean psnResync; // after an RDMA READ request the next request PSN jumps by the response count
    int expectedPsn;
    long seenWindow; // bit i: PSN expectedPsn-1-i was seen
    long psnGaps, psnSkipped, duplicates, outOfOrder;

    long acks, naks, rnrNaks;
    final long[] nakCodes = new long[5]; // PSN sequence error, invalid request, remote access, remote operational, invalid RD request
    long ceMarks, cnps;
    long dscpMask;
    int lastPriority = -1;
    long firstNanos, lastNanos;

    // current timeline interval
    int intervalCe, intervalCnp;
    boolean intervalTouched;

    void reset() {
        packets = bytes = 0;
        java.util.Arrays.fill(opcodeCounts, 0);
        opcodeUsed = 0;
        otherOpcodes = 0;
        psnKnown = psnResync = false;
        expectedPsn = 0;
        seenWindow = 0;
        psnGaps = psnSkipped = duplicates = outOfOrder = 0;
        acks = naks = rnrNaks = 0;
        java.util.Arrays.fill(nakCodes, 0);
        ceMarks = cnps = 0;
        dscpMask = 0;
        lastPriority = -1;
        firstNanos = lastNanos = 0;
        intervalCe = intervalCnp = 0;
        intervalTouched = false;
    }

    void countOpcode(int opcode) {
        for (int i = 0; i < opcodeUsed; i++) {
            if (opcodes[i] == opcode) {
                opcodeCounts[i]++;
                return;
            }
        }
        if (opcodeUsed < OPCODE_SLOTS) {
            opcodes[opcodeUsed] = opcode;
            opcodeCounts[opcodeUsed++] = 1;
        } else {
            otherOpcodes++;
        }
    }

    /**
     * One request PSN (24 bits). In order: the expected one. Ahead: a gap (the PSNs skipped are counted).
     * Behind, within the window: a late packet filling a gap (out of order) if not seen before, else a
     * duplicate (retransmission); further behind: a duplicate.
     */
    void requestPsn(int psn, boolean consumesUnknownPsns) {
        if (!psnKnown || psnResync) {
            int delta = psnKnown ? signed24(psn - expectedPsn) : 0;
            if (!psnKnown || delta >= 0) {
                advance(psn, delta);
                psnKnown = true;
                psnResync = consumesUnknownPsns;
                return;
            }
        }
        int delta = signed24(psn - expectedPsn);
        if (delta == 0) {
            advance(psn, 0);
        } else if (delta > 0) {
            psnGaps++;
            psnSkipped += delta;
            advance(psn, delta);
        } else {
            int back = -delta - 1; // 0 = the PSN just before the expected one
            if (back < PSN_WINDOW && (seenWindow & (1L << back)) == 0) {
                outOfOrder++;
                seenWindow |= 1L << back;
            } else {
                duplicates++;
            }
        }
        if (consumesUnknownPsns) psnResync = true;
    }

    private void advance(int psn, int skipped) {
        int shift = skipped + 1;
        seenWindow = shift >= PSN_WINDOW ? 1 : (seenWindow << shift) | 1;
        expectedPsn = (psn + 1) & 0xFFFFFF;
    }

    static int signed24(int v) {
        return (v << 8) >> 8;
    }

    /** Worst-first sort key: see {@link QpSummary#score()}. */
    long score() {
        return 1000 * (naks + rnrNaks) + 100 * (psnGaps + duplicates + outOfOrder) + 10 * cnps + ceMarks;
    }
}
