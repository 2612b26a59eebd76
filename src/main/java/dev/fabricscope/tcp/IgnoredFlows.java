package dev.fabricscope.tcp;

/**
 * Fingerprints (64-bit flow hashes) of flows not to look at again: ignored, closed or evicted ones. A
 * 4-way set-associative table with fixed capacity: a full set replaces its least recently hit entry, so
 * memory stays constant and a flow is forgotten only after many newer ones. No allocation after
 * construction.
 */
final class IgnoredFlows {
    private static final int WAYS = 4;
    private final long[] keys;
    private final long[] lastHit;
    private final int setMask;

    IgnoredFlows(int slots) {
        int sets = Integer.highestOneBit(Math.max(4096, slots) / WAYS);
        keys = new long[sets * WAYS];
        lastHit = new long[sets * WAYS];
        setMask = sets - 1;
    }

    private static long nonZero(long fingerprint) {
        return fingerprint == 0 ? 1 : fingerprint;
    }

    private int base(long fp) {
        return ((int) (fp >>> 20) & setMask) * WAYS;
    }

    boolean contains(long fingerprint, long now) {
        long fp = nonZero(fingerprint);
        int b = base(fp);
        for (int i = b; i < b + WAYS; i++) {
            if (keys[i] == fp) {
                lastHit[i] = now;
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
            long key = keys[i];
            long free = isZero(key ^ fp) | isZero(key);                              // 1 or 0
            long score = (lastHit[i] & (free - 1)) | (Long.MIN_VALUE & -free);      // free ways first
            if (score < best) {
                best = score;
                victim = i;
            }
        }
        keys[victim] = fp;
        lastHit[victim] = now;
    }

    /** 1 for 0, else 0. */
    private static long isZero(long x) {
        return ((x | -x) >>> 63) ^ 1;
    }

    void remove(long fingerprint) {
        long fp = nonZero(fingerprint);
        int b = base(fp);
        for (int i = b; i < b + WAYS; i++) {
            if (keys[i] == fp) keys[i] = 0;
        }
    }
}
