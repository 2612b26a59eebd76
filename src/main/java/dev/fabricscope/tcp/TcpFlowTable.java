package dev.fabricscope.tcp;

/**
 * Open-addressing hash table of flows (linear probing, backward-shift deletion) plus a list from least to
 * most recently active, for eviction in O(1). Lookups take the 4-tuple as primitives: no key object. The
 * slots start small and double (at most half full) up to twice the cap, so while few flows are tracked
 * (the usual case: most connections are ignored at their SYN) every lookup touches a few cached KiB.
 */
final class TcpFlowTable<A> {
    /** Slots at start: a table sized for the cap would put every lookup in a cold 512 KiB array. */
    private static final int INITIAL_SLOTS = 1024;

    private final int maxSlots;
    private TcpFlow<A>[] slots;
    /**
     * Each slot's flow hash (0 = free; a flow hash of 0 is stored as 1): a lookup probes this array and
     * dereferences a flow only when its hash matches, so a miss (most packets: flows not followed) reads
     * one cache line instead of a flow object per occupied slot.
     */
    private long[] hashes;
    private int mask;
    private int size;
    private TcpFlow<A> oldest;
    private TcpFlow<A> newest;

    TcpFlowTable(int maxFlows) {
        maxSlots = Integer.highestOneBit(Math.max(16, maxFlows) * 2 - 1) << 1;
        allocate(Math.min(INITIAL_SLOTS, maxSlots));
    }

    @SuppressWarnings("unchecked")
    private void allocate(int n) {
        slots = (TcpFlow<A>[]) new TcpFlow<?>[n];
        hashes = new long[n];
        mask = n - 1;
    }

    private static long stored(long hash) {
        return hash == 0 ? 1 : hash;
    }

    int size() { return size; }
    TcpFlow<A> oldest() { return oldest; }

    /** The flow with these endpoints (either direction); {@code dir[0]} receives the packet's direction. */
    TcpFlow<A> find(long hash, boolean v6, long srcHi, long srcLo, int srcPort, long dstHi, long dstLo, int dstPort,
                    int[] dir) {
        long h = stored(hash);
        long[] hs = hashes;
        for (int i = (int) hash & mask; ; i = (i + 1) & mask) {
            long slotHash = hs[i];
            if (slotHash == 0) return null;
            if (slotHash == h) {
                TcpFlow<A> f = slots[i];
                int d = f.direction(v6, srcHi, srcLo, srcPort, dstHi, dstLo, dstPort);
                if (d >= 0) {
                    dir[0] = d;
                    return f;
                }
            }
        }
    }

    void add(TcpFlow<A> f) {
        // at most half full (the cap keeps maxSlots at twice maxFlows or more)
        if ((size + 1) * 2 > slots.length && slots.length < maxSlots) grow();
        insert(f);
        size++;
        linkNewest(f);
    }

    /** Doubles the slots; the activity list is untouched. */
    private void grow() {
        TcpFlow<A>[] old = slots;
        allocate(old.length * 2);
        for (TcpFlow<A> f : old) {
            if (f != null) insert(f);
        }
    }

    private void insert(TcpFlow<A> f) {
        int i = (int) f.hash & mask;
        while (hashes[i] != 0) i = (i + 1) & mask;
        slots[i] = f;
        hashes[i] = stored(f.hash);
    }

    void remove(TcpFlow<A> f) {
        int i = (int) f.hash & mask;
        while (slots[i] != f) {
            if (hashes[i] == 0) return;
            i = (i + 1) & mask;
        }
        slots[i] = null;
        hashes[i] = 0;
        size--;
        // backward shift: move later entries of the probe run into the hole when their home allows it
        int hole = i;
        for (int j = (i + 1) & mask; hashes[j] != 0; j = (j + 1) & mask) {
            int home = (int) slots[j].hash & mask;
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                slots[hole] = slots[j];
                hashes[hole] = hashes[j];
                slots[j] = null;
                hashes[j] = 0;
                hole = j;
            }
        }
        unlink(f);
    }

    /** Marks {@code f} most recently active. */
    void touch(TcpFlow<A> f) {
        if (newest == f) return;
        unlink(f);
        linkNewest(f);
    }

    private void linkNewest(TcpFlow<A> f) {
        f.older = newest;
        f.newer = null;
        if (newest != null) newest.newer = f;
        newest = f;
        if (oldest == null) oldest = f;
    }

    private void unlink(TcpFlow<A> f) {
        if (f.older != null) f.older.newer = f.newer;
        else if (oldest == f) oldest = f.newer;
        if (f.newer != null) f.newer.older = f.older;
        else if (newest == f) newest = f.older;
        f.older = f.newer = null;
    }
}
