package dev.fabricscope.tcp;

/**
 * Fingerprints (64-bit flow hashes) of flows not to look at again: ignored, closed or evicted ones. A
 * 4-way set-associative table with fixed capacity: a full set replaces its least recently hit entry, so
 * memory stays constant and a flow is forgotten only after many newer ones. No allocation after
 * construction.
 */
final class IgnoredFlows {
    private static final int WAYS = 4;
    /** Longs per set: WAYS fingerprints, then each way's last hit time. */
    private static final int SET = 2 * WAYS;
    /**
     * A set's fingerprints and hit times side by side (64 bytes, one cache line or two adjacent ones): a lookup
     * hits a random set of a table larger than the core's cache, and two arrays cost a miss in each (whole SMC
     * benchmark, same-minute A/B of 12 runs: 1.008 -> 0.981 s).
     */
    private final long[] sets;
    private final int setMask;

    IgnoredFlows(int slots) {
        int n = Integer.highestOneBit(Math.max(4096, slots) / WAYS);
        sets = new long[n * SET];
        setMask = n - 1;
    }

    private static long nonZero(long fingerprint) {
        return fingerprint == 0 ? 1 : fingerprint;
    }

    private int base(long fp) {
        return ((int) (fp >>> 20) & setMask) * SET;
    }

    boolean contains(long fingerprint, long now) {
        long fp = nonZero(fingerprint);
        int b = base(fp);
        for (int i = b; i < b + WAYS; i++) {
            if (sets[i] == fp) {
                sets[i + WAYS] = now;
                return true;
            }
        }
        return false;
    }

    /**
     * Takes the first way holding {@code fingerprint} or empty, else the least recently hit one. Every way is
     * scored on every call, without branches on what it holds: a branch that is rarely taken (the set is full,
     * the fingerprint is already there) is one the JIT compiles as a trap, and the first time it is taken costs
     * a deoptimization and a recompile of the callers that inlined this (~20-60 ms of C2 on the benchmark).
     */
    void add(long fingerprint, long now) {
        long fp = nonZero(fingerprint);
        int b = base(fp);
        int victim = b;
        long best = Long.MAX_VALUE;
        for (int i = b; i < b + WAYS; i++) {
            long key = sets[i];
            long free = isZero(key ^ fp) | isZero(key);                              // 1 or 0
            long score = (sets[i + WAYS] & (free - 1)) | (Long.MIN_VALUE & -free);   // free ways first
            if (score < best) {
                best = score;
                victim = i;
            }
        }
        sets[victim] = fp;
        sets[victim + WAYS] = now;
    }

    /** 1 for 0, else 0. */
    private static long isZero(long x) {
        return ((x | -x) >>> 63) ^ 1;
    }

    void remove(long fingerprint) {
        long fp = nonZero(fingerprint);
        int b = base(fp);
        for (int i = b; i < b + WAYS; i++) {
            if (sets[i] == fp) sets[i] = 0;
        }
    }
}
