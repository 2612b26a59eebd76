package dev.fabricscope.lacp;

/**
 * Per capture interface: the last PDU bytes of each sender MAC (a few per interface: the two ends of a link), so a
 * PDU identical to its sender's previous one is recognised by comparing bytes instead of decoding it again.
 * Buffers are reused: nothing is allocated once an end is known.
 */
final class RepeatCache {
    static final int MAX_BYTES = 1518, MAX_ENTRIES = 4;

    static final class Entry {
        long srcMac;
        LinkEnd end;
        final byte[] bytes = new byte[MAX_BYTES];
        int length = -1;
    }

    private final Entry[] entries = new Entry[MAX_ENTRIES];
    private int count, next;

    Entry find(long srcMac) {
        for (int i = 0; i < count; i++) {
            if (entries[i].srcMac == srcMac) return entries[i];
        }
        return null;
    }

    void put(long srcMac, LinkEnd end, byte[] bytes, int offset, int length) {
        Entry e = find(srcMac);
        if (e == null) {
            if (count < MAX_ENTRIES) {
                e = entries[count++] = new Entry();
            } else {
                e = entries[next];               // more senders than slots: replace round-robin
                next = (next + 1) % MAX_ENTRIES;
            }
            e.srcMac = srcMac;
        }
        e.end = end;
        System.arraycopy(bytes, offset, e.bytes, 0, length);
        e.length = length;
    }
}
