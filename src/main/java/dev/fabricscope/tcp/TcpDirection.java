package dev.fabricscope.tcp;

/**
 * Stream state of one direction: the next expected sequence number and the out-of-order segments held
 * until the bytes before them arrive. Sequence numbers are 32-bit and compared by signed difference, so
 * wraparound needs no special case. The buffer is one byte array (allocated on the first out-of-order
 * segment, released when it empties) plus parallel arrays sorted by sequence number.
 */
final class TcpDirection {
    private static final int MIN_ARENA = 2048;

    boolean started;
    int nextSeq;
    boolean fin;
    /** The last acknowledgment number this direction sent (a position in the other direction's stream). */
    boolean ackSeen;
    int lastAck;

    byte[] arena;
    private int arenaUsed;
    int[] segSeq;
    int[] segOff;
    int[] segLen;
    int segCount;
    private int segBytes;

    void start(int seq) {
        started = true;
        nextSeq = seq;
    }

    int arenaCapacity() {
        return arena == null ? 0 : arena.length;
    }

    /**
     * Buffers {@code len} bytes of sequence {@code seq} (ahead of nextSeq). Returns the bytes newly
     * allocated (0 when none; also 0 for an exact duplicate, which is dropped), or -1 when the bounds do
     * not allow it (nothing changed then).
     */
    int store(int seq, byte[] src, int srcOff, int len, int maxBytes, int maxSegments, long totalRoom) {
        int rel = seq - nextSeq;
        int pos = segCount;
        for (int i = 0; i < segCount; i++) {
            int r = segSeq[i] - nextSeq;
            if (segSeq[i] == seq && segLen[i] == len) return 0;
            if (r > rel) {
                pos = i;
                break;
            }
        }
        if (segCount >= maxSegments || (long) segBytes + len > maxBytes) return -1;
        int grown = 0;
        if (arena == null || arenaUsed + len > arena.length) {
            int needed = segBytes + len;
            int oldCap = arenaCapacity();
            int newCap = oldCap;
            if (needed > oldCap) newCap = (int) Math.min(maxBytes, Math.max((long) needed, Math.max(MIN_ARENA, 2L * oldCap)));
            if (newCap - oldCap > totalRoom) {
                newCap = needed;
                if (newCap - oldCap > totalRoom) return -1;
            }
            compactInto(new byte[Math.max(newCap, needed)]);
            grown = arena.length - oldCap;
        }
        if (segSeq == null || segCount == segSeq.length) {
            int n = segSeq == null ? 8 : Math.min(maxSegments, segSeq.length * 2);
            segSeq = grow(segSeq, n);
            segOff = grow(segOff, n);
            segLen = grow(segLen, n);
        }
        System.arraycopy(segSeq, pos, segSeq, pos + 1, segCount - pos);
        System.arraycopy(segOff, pos, segOff, pos + 1, segCount - pos);
        System.arraycopy(segLen, pos, segLen, pos + 1, segCount - pos);
        System.arraycopy(src, srcOff, arena, arenaUsed, len);
        segSeq[pos] = seq;
        segOff[pos] = arenaUsed;
        segLen[pos] = len;
        arenaUsed += len;
        segBytes += len;
        segCount++;
        return grown;
    }

    /** Drops the first buffered segment; returns the arena bytes released (all of it when now empty). */
    int removeFirst() {
        segBytes -= segLen[0];
        segCount--;
        System.arraycopy(segSeq, 1, segSeq, 0, segCount);
        System.arraycopy(segOff, 1, segOff, 0, segCount);
        System.arraycopy(segLen, 1, segLen, 0, segCount);
        if (segCount == 0) return release();
        return 0;
    }

    /** Forgets every buffered segment; returns the arena bytes released. */
    int release() {
        int cap = arenaCapacity();
        arena = null;
        arenaUsed = 0;
        segBytes = 0;
        segCount = 0;
        segSeq = segOff = segLen = null;
        return cap;
    }

    private void compactInto(byte[] fresh) {
        int used = 0;
        for (int i = 0; i < segCount; i++) {
            System.arraycopy(arena, segOff[i], fresh, used, segLen[i]);
            segOff[i] = used;
            used += segLen[i];
        }
        arena = fresh;
        arenaUsed = used;
    }

    private static int[] grow(int[] a, int n) {
        int[] b = new int[n];
        if (a != null) System.arraycopy(a, 0, b, 0, a.length);
        return b;
    }
}
