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

    void add(long fingerprint, long now) {
        long fp = nonZero(fingerprint);
        int b = base(fp);
        int victim = b;
        for (int i = b; i < b + WAYS; i++) {
            if (keys[i] == fp || keys[i] == 0) {
                victim = i;
                break;
            }
            if (lastHit[i] < lastHit[victim]) victim = i;
        }
        keys[victim] = fp;
        lastHit[victim] = now;
    }

    void remove(long fingerprint) {
        long fp = nonZero(fingerprint);
        int b = base(fp);
        for (int i = b; i < b + WAYS; i++) {
            if (keys[i] == fp) keys[i] = 0;
        }
    }
}
