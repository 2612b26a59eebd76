package dev.fabricscope.rdma.cm;

import java.util.Arrays;

/**
 * A hash key of two 16-byte addresses and a number: (owner address, -, comm ID) for the comm-ID index,
 * (source, destination, dest QPN) for the flow index. IPv4 is stored IPv4-mapped (::ffff:a.b.c.d) so it
 * equals a RoCEv2 GID; a native-IB LID sits in the last two bytes with {@code kind} {@link #LID}. The
 * writer reuses one mutable probe for lookups (no allocation per packet) and stores {@link #copy()}s.
 */
final class TrackKey {
    static final int GID = 0;
    static final int LID = 1;

    int kind;
    final byte[] a = new byte[16];
    final byte[] b = new byte[16];
    long n;

    TrackKey copy() {
        TrackKey k = new TrackKey();
        k.kind = kind;
        System.arraycopy(a, 0, k.a, 0, 16);
        System.arraycopy(b, 0, k.b, 0, 16);
        k.n = n;
        return k;
    }

    TrackKey set(int kind, byte[] a, byte[] b, long n) {
        this.kind = kind;
        System.arraycopy(a, 0, this.a, 0, 16);
        if (b == null) Arrays.fill(this.b, (byte) 0);
        else System.arraycopy(b, 0, this.b, 0, 16);
        this.n = n;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrackKey k && k.n == n && k.kind == kind && Arrays.equals(k.a, a) && Arrays.equals(k.b, b);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(a) * 31 + Arrays.hashCode(b)) * 31 + Long.hashCode(n) + kind;
    }
}
