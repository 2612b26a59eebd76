package dev.fabricscope.tcp;

/**
 * Open-addressing hash table of flows (linear probing, backward-shift deletion) plus a list from least to
 * most recently active, for eviction in O(1). Lookups take the 4-tuple as primitives: no key object.
 */
final class TcpFlowTable<A> {
    private final TcpFlow<A>[] slots;
    private final int mask;
    private int size;
    private TcpFlow<A> oldest;
    private TcpFlow<A> newest;

    @SuppressWarnings("unchecked")
    TcpFlowTable(int maxFlows) {
        int cap = Integer.highestOneBit(Math.max(16, maxFlows) * 2 - 1) << 1;
        slots = (TcpFlow<A>[]) new TcpFlow<?>[cap];
        mask = cap - 1;
    }

    int size() { return size; }
    TcpFlow<A> oldest() { return oldest; }

    /** The flow with these endpoints (either direction); {@code dir[0]} receives the packet's direction. */
    TcpFlow<A> find(long hash, boolean v6, long srcHi, long srcLo, int srcPort, long dstHi, long dstLo, int dstPort,
                    int[] dir) {
        for (int i = (int) hash & mask; ; i = (i + 1) & mask) {
            TcpFlow<A> f = slots[i];
            if (f == null) return null;
            if (f.hash == hash) {
                int d = f.direction(v6, srcHi, srcLo, srcPort, dstHi, dstLo, dstPort);
                if (d >= 0) {
                    dir[0] = d;
                    return f;
                }
            }
        }
    }

    void add(TcpFlow<A> f) {
        int i = (int) f.hash & mask;
        while (slots[i] != null) i = (i + 1) & mask;
        slots[i] = f;
        size++;
        linkNewest(f);
    }

    void remove(TcpFlow<A> f) {
        int i = (int) f.hash & mask;
        while (slots[i] != f) {
            if (slots[i] == null) return;
            i = (i + 1) & mask;
        }
        slots[i] = null;
        size--;
        // backward shift: move later entries of the probe run into the hole when their home allows it
        int hole = i;
        for (int j = (i + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
            int home = (int) slots[j].hash & mask;
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                slots[hole] = slots[j];
                slots[j] = null;
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
