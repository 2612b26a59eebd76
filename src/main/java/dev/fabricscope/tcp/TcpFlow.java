package dev.fabricscope.tcp;

/**
 * One tracked TCP connection: its two endpoints, per-direction stream state, and the listener's attachment.
 * Endpoint 0 sent the SYN (or, when the SYN was not captured, the first tracked packet).
 *
 * @param <A> the listener's per-flow state
 */
public final class TcpFlow<A> {
    // key: endpoint 0 and 1; IPv4 addresses in hi (low 32 bits), lo = 0
    final boolean ipv6;
    final long addr0Hi, addr0Lo, addr1Hi, addr1Lo;
    final int port0, port1;
    final long hash;
    final TcpDirection[] directions = {new TcpDirection(), new TcpDirection()};

    boolean synSeen;
    boolean synAckSeen;
    boolean removed;
    long lastSeenNanos;
    long firstFrame;
    // least-recently-active list
    TcpFlow<A> older, newer;
    A attachment;

    TcpFlow(boolean ipv6, long addr0Hi, long addr0Lo, int port0, long addr1Hi, long addr1Lo, int port1, long hash) {
        this.ipv6 = ipv6;
        this.addr0Hi = addr0Hi;
        this.addr0Lo = addr0Lo;
        this.port0 = port0;
        this.addr1Hi = addr1Hi;
        this.addr1Lo = addr1Lo;
        this.port1 = port1;
        this.hash = hash;
    }

    public boolean ipv6() { return ipv6; }
    /** True when the flow was opened by a SYN (its initial sequence number is known). */
    public boolean synSeen() { return synSeen; }
    public boolean synAckSeen() { return synAckSeen; }
    /** True once the flow left the table (closed, evicted or ignored). */
    public boolean removed() { return removed; }
    public A attachment() { return attachment; }
    public long firstFrame() { return firstFrame; }
    public long lastSeenNanos() { return lastSeenNanos; }

    /** Address of endpoint 0 or 1: 4 bytes (IPv4) or 16 bytes (IPv6), a fresh array. */
    public byte[] address(int endpoint) {
        long hi = endpoint == 0 ? addr0Hi : addr1Hi;
        long lo = endpoint == 0 ? addr0Lo : addr1Lo;
        if (!ipv6) {
            return new byte[] {(byte) (hi >>> 24), (byte) (hi >>> 16), (byte) (hi >>> 8), (byte) hi};
        }
        byte[] a = new byte[16];
        for (int i = 0; i < 8; i++) {
            a[i] = (byte) (hi >>> (56 - 8 * i));
            a[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return a;
    }

    public int port(int endpoint) { return endpoint == 0 ? port0 : port1; }
    public byte[] srcAddress(int direction) { return address(direction); }
    public byte[] dstAddress(int direction) { return address(1 - direction); }
    public int srcPort(int direction) { return port(direction); }
    public int dstPort(int direction) { return port(1 - direction); }

    /**
     * Direction of a packet with these endpoints: 0, 1, or -1 when it is not this flow. Each direction is one
     * test of all its fields ({@code &}, not {@code &&}): with a branch per field, the first flow whose two
     * ports are equal (a reply matches the ports of direction 0, not its addresses) took a branch the JIT had
     * compiled as a trap, and cost a deoptimization and a recompile of the packet loop (~30 ms of C2, late in a
     * run of the SMC benchmark).
     */
    int direction(boolean v6, long srcHi, long srcLo, int srcPort, long dstHi, long dstLo, int dstPort) {
        if (v6 != ipv6) return -1;
        if ((srcPort == port0) & (dstPort == port1) & (srcHi == addr0Hi) & (srcLo == addr0Lo) & (dstHi == addr1Hi)
            & (dstLo == addr1Lo)) {
            return 0;
        }
        if ((srcPort == port1) & (dstPort == port0) & (srcHi == addr1Hi) & (srcLo == addr1Lo) & (dstHi == addr0Hi)
            & (dstLo == addr0Lo)) {
            return 1;
        }
        return -1;
    }

    @Override
    public String toString() {
        return "TcpFlow[" + port0 + "->" + port1 + (ipv6 ? ", IPv6" : "") + "]";
    }
}
