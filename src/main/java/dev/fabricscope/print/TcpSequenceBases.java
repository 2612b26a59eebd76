package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;
import java.util.Arrays;

/**
 * tcpdump's relative TCP sequence numbers (print-tcp.c, without -S): per conversation, the sequence and
 * acknowledgement numbers of its first packet with ACK set (or of its last SYN with ACK) are the bases that later
 * packets print relative to. That first packet itself prints absolute numbers, as tcpdump's does.
 *
 * <p>A conversation is keyed as tcpdump keys it: both directions share one entry, stored in the order of the
 * lower port (of the lower address on equal ports); {@link #reversed} says the packet goes the other way.
 * tcpdump remembers every conversation; this remembers up to {@link #MAX_CONVERSATIONS} and then forgets one not
 * seen again since a CLOCK hand last passed it (the usual approximation of least recently used; a conversation
 * seen only once goes first), so memory stays bounded on endless captures. Open addressing (linear probing, backward-shift deletion) over entries in one primitive array, so that
 * a lookup touches the index and one entry; no allocation except when the table doubles.
 */
final class TcpSequenceBases {
    /** Conversations remembered at most (64 MiB when full; tcpdump's own entries are about as large). */
    static final int MAX_CONVERSATIONS = 1 << 20;
    private static final int INITIAL_ENTRIES = 256;
    /** Per entry: ports | family | referenced bit, 4 address words (IPv4: one word with both), bases. */
    private static final int STRIDE = 6;
    private static final long V4 = 1L << 32, V6 = 2L << 32, REFERENCED = 1L << 40;
    private static final long U32 = 0xffffffffL;

    private final int maxConversations;
    private long[] entries;
    private int capacity;
    private int size;
    private int clockHand;
    /** Open-addressing index: hash << 32 | entry + 1 (0 when free); twice the entries' capacity or more. */
    private long[] slots;

    /** What {@link #relate} found: tcpdump's {@code rev}, {@code th->seq} and {@code th->ack}. */
    boolean reversed;
    long seqBase;
    long ackBase;
    /** The packet's numbers to print: relative, or absolute when the conversation was (re)started. */
    long seq;
    long ack;

    TcpSequenceBases() {
        this(MAX_CONVERSATIONS);
    }

    /** With a smaller bound (tests). */
    TcpSequenceBases(int maxConversations) {
        this.maxConversations = maxConversations;
        resize(Math.min(INITIAL_ENTRIES, maxConversations));
    }

    /**
     * tcpdump's lookup for a segment with ACK set: fills {@link #seq}, {@link #ack} (and the bases for SACK
     * blocks). A SYN, or a conversation not seen before, (re)records the bases and keeps the numbers absolute.
     */
    void relate(Packet p, IpContext ip, int sport, int dport, long segmentSeq, long segmentAck, boolean syn) {
        long a0, a1 = 0, a2 = 0, a3 = 0;
        boolean rev;
        if (ip.v6) {
            long srcHi = word(p, ip.srcOffset), srcLo = word(p, ip.srcOffset + 8);
            long dstHi = word(p, ip.dstOffset), dstLo = word(p, ip.dstOffset + 8);
            int order = Long.compareUnsigned(srcHi, dstHi);
            if (order == 0) order = Long.compareUnsigned(srcLo, dstLo);
            rev = sport > dport || (sport == dport && order > 0);
            a0 = rev ? dstHi : srcHi;
            a1 = rev ? dstLo : srcLo;
            a2 = rev ? srcHi : dstHi;
            a3 = rev ? srcLo : dstLo;
        } else {
            long src = p.u32(ip.srcOffset), dst = p.u32(ip.dstOffset);
            rev = sport > dport || (sport == dport && src > dst);
            a0 = rev ? dst << 32 | src : src << 32 | dst;
        }
        long ports = (ip.v6 ? V6 : V4) | (rev ? (long) dport << 16 | sport : (long) sport << 16 | dport);
        int hash = hash(ports, a0, a1, a2, a3);
        int e = find(hash, ports, a0, a1, a2, a3);
        boolean known = e >= 0;
        if (!known) e = insert(hash, ports, a0, a1, a2, a3);
        int k = e * STRIDE;
        if (known) entries[k] |= REFERENCED;   // a new entry starts unreferenced: one-packet conversations go first
        reversed = rev;
        if (!known || syn) {
            // tcpdump: rev ? (th->ack = seq, th->seq = ack - 1) : (th->seq = seq, th->ack = ack - 1)
            seqBase = (rev ? segmentAck - 1 : segmentSeq) & U32;
            ackBase = (rev ? segmentSeq : segmentAck - 1) & U32;
            entries[k + 5] = seqBase << 32 | ackBase;
            seq = segmentSeq;
            ack = segmentAck;
        } else {
            long bases = entries[k + 5];
            seqBase = bases >>> 32;
            ackBase = bases & U32;
            seq = (segmentSeq - (rev ? ackBase : seqBase)) & U32;
            ack = (segmentAck - (rev ? seqBase : ackBase)) & U32;
        }
    }

    /** The base a SACK block of this packet is relative to (tcpdump: {@code rev ? thseq : thack}). */
    long sackBase() {
        return reversed ? seqBase : ackBase;
    }

    /** Conversations remembered (tests). */
    int size() {
        return size;
    }

    private static long word(Packet p, int off) {
        return p.u32(off) << 32 | p.u32(off + 4);
    }

    private static int hash(long ports, long a0, long a1, long a2, long a3) {
        long h = a0 * 0x9e3779b97f4a7c15L;
        h = (h ^ a1 ^ (h >>> 29)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ a2 ^ (h >>> 31)) * 0x94d049bb133111ebL;
        h = (h ^ a3 ^ ports ^ (h >>> 29)) * 0x9e3779b97f4a7c15L;
        return (int) (h >>> 32);
    }

    private int hashOf(int e) {
        int k = e * STRIDE;
        return hash(entries[k] & ~REFERENCED, entries[k + 1], entries[k + 2], entries[k + 3], entries[k + 4]);
    }

    private int find(int hash, long ports, long a0, long a1, long a2, long a3) {
        int mask = slots.length - 1;
        for (int i = hash & mask; slots[i] != 0; i = (i + 1) & mask) {
            long slot = slots[i];
            if ((int) (slot >>> 32) != hash) continue;
            int e = (int) slot - 1;
            int k = e * STRIDE;
            if ((entries[k] & ~REFERENCED) == ports && entries[k + 1] == a0 && entries[k + 2] == a1
                    && entries[k + 3] == a2 && entries[k + 4] == a3) {
                return e;
            }
        }
        return -1;
    }

    /** A new entry for the key: a free one (doubling the table when full), else one CLOCK finds unused. */
    private int insert(int hash, long ports, long a0, long a1, long a2, long a3) {
        int e;
        if (size < capacity) {
            e = size++;
        } else if (capacity < maxConversations) {
            resize(Math.min(capacity * 2, maxConversations));
            e = size++;
        } else {
            e = unreferenced();
            unindex(e);
        }
        int k = e * STRIDE;
        entries[k] = ports;
        entries[k + 1] = a0;
        entries[k + 2] = a1;
        entries[k + 3] = a2;
        entries[k + 4] = a3;
        index(e, hash);
        return e;
    }

    /** CLOCK: the first entry from the hand on not used since the hand last passed it (clearing the bit of those used). */
    private int unreferenced() {
        while (true) {
            int e = clockHand;
            clockHand = e + 1 == capacity ? 0 : e + 1;
            int k = e * STRIDE;
            if ((entries[k] & REFERENCED) == 0) return e;
            entries[k] &= ~REFERENCED;
        }
    }

    private void index(int e, int hash) {
        int mask = slots.length - 1;
        int i = hash & mask;
        while (slots[i] != 0) i = (i + 1) & mask;
        slots[i] = (long) hash << 32 | (e + 1);
    }

    /** Removes entry {@code e} from the index, moving later entries of its probe run back (no tombstones). */
    private void unindex(int e) {
        int mask = slots.length - 1;
        int hole = hashOf(e) & mask;
        while ((int) slots[hole] != e + 1) hole = (hole + 1) & mask;
        slots[hole] = 0;
        for (int j = (hole + 1) & mask; slots[j] != 0; j = (j + 1) & mask) {
            int home = (int) (slots[j] >>> 32) & mask;
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                slots[hole] = slots[j];
                slots[j] = 0;
                hole = j;
            }
        }
    }

    /** Room for {@code entryCapacity} conversations, the index at most half full. */
    private void resize(int entryCapacity) {
        capacity = entryCapacity;
        entries = entries == null ? new long[entryCapacity * STRIDE] : Arrays.copyOf(entries, entryCapacity * STRIDE);
        slots = new long[Integer.highestOneBit(Math.max(2, entryCapacity) * 2 - 1) << 1];
        for (int e = 0; e < size; e++) index(e, hashOf(e));
    }
}
