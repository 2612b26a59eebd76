package dev.fabricscope.rdma.cm;

import java.nio.file.Path;

/**
 * The RoCEv2 CM test capture used by the command tests and the README: built with {@link CmFrames}
 * (our writer), every frame with a valid ICRC.
 * <ol>
 *   <li>IPv4 10.1.0.1 -> 10.1.0.2 port 7471: REQ, REP, RTU, 3 RC SENDs + 1 ACK, DREQ, DREP: DISCONNECTED</li>
 *   <li>IPv6 VLAN 100 2001:db8::1 -> 2001:db8::2 port 4791... REQ (sent twice), MRA, REP, RTU, 2 RC SENDs:
 *   ESTABLISHED at the end</li>
 *   <li>IPv4 10.1.0.3 -> 10.1.0.2 port 7471: REQ, REJ reason 28 (Consumer Reject): REJECTED</li>
 *   <li>an RTU for no connection (unmatched)</li>
 * </ol>
 */
public final class CmDemoCapture {
    static final CmFrames.Host C = CmFrames.Host.of("10.1.0.1", 1);
    static final CmFrames.Host S = CmFrames.Host.of("10.1.0.2", 2);
    static final CmFrames.Host R = CmFrames.Host.of("10.1.0.3", 5);
    static final CmFrames.Host C6 = CmFrames.Host.of("2001:db8::1", 3);
    static final CmFrames.Host S6 = CmFrames.Host.of("2001:db8::2", 4);
    static final long T0 = 1_767_225_600_000_000L;   // 2026-01-01T00:00:00Z in microseconds

    private CmDemoCapture() { }

    /** Writes the README's two demo captures into the directory given (default: the current one). */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        writeIpv4(dir.resolve("rdma-cm-ipv4.pcap"));
        writeIpv6Vlan(dir.resolve("rdma-cm-ipv6-vlan.pcap"));
    }

    public static void writeIpv4(Path file) throws Exception {
        CmFrames f = new CmFrames();
        long sid = ServiceIds.of(0x106, 7471);
        f.cm(T0, C, S, CmFrames.mad(0x10, 0x100, CmFrames.req(0x1a2b3c4dL, sid, 0x0002c903000a0b0cL, 0x000123, 0x00aaaa, 5, C, S,
            CmFrames.cmaHeader(51000, C, S))));
        f.cm(T0 + 100, S, C, CmFrames.mad(0x13, 0x100, CmFrames.rep(0x5e6f7081L, 0x1a2b3c4dL, 0x000456, 0x00bbbb, 0x0002c903000d0e0fL)));
        f.cm(T0 + 200, C, S, CmFrames.mad(0x14, 0x100, CmFrames.pair(0x1a2b3c4dL, 0x5e6f7081L)));
        f.rcSend(T0 + 300, C, S, 0x000456, 1024).rcSend(T0 + 301, C, S, 0x000456, 1024).rcSend(T0 + 302, C, S, 0x000456, 512);
        f.rcSend(T0 + 303, S, C, 0x000123, 0);
        f.cm(T0 + 3_000_000, R, S, CmFrames.mad(0x10, 0x200, CmFrames.req(0x00000777L, sid, 0x0002c903000a0b0dL, 0x000999, 0x000001, 3, R, S,
            CmFrames.cmaHeader(52000, R, S))));
        f.cm(T0 + 3_000_100, S, R, CmFrames.mad(0x12, 0x200, CmFrames.rej(0x00000888L, 0x00000777L, 0, 28)));
        f.cm(T0 + 4_000_000, C, S, CmFrames.mad(0x14, 0x300, CmFrames.pair(0x0badcafeL, 0x0000beefL)));
        f.cm(T0 + 10_000_000, C, S, CmFrames.mad(0x15, 0x400, CmFrames.dreq(0x1a2b3c4dL, 0x5e6f7081L, 0x000456)));
        f.cm(T0 + 10_000_100, S, C, CmFrames.mad(0x16, 0x400, CmFrames.pair(0x5e6f7081L, 0x1a2b3c4dL)));
        f.write(file);
    }

    public static void writeIpv6Vlan(Path file) throws Exception {
        CmFrames f = new CmFrames();
        f.vlan = 100;
        long sid = ServiceIds.of(0x106, 18515);
        byte[] req = CmFrames.mad(0x10, 0x500, CmFrames.req(0x600dd00dL, sid, 0x0002c90300000001L, 0x0001a4, 0x28a538, 3, C6, S6,
            CmFrames.cmaHeader(45550, C6, S6)));
        f.cm(T0, C6, S6, req).cm(T0 + 1_000_000, C6, S6, req);
        f.cm(T0 + 1_000_100, S6, C6, CmFrames.mad(0x11, 0x500, CmFrames.mra(0x0000d00dL, 0x600dd00dL, 0, 20)));
        f.cm(T0 + 1_500_000, S6, C6, CmFrames.mad(0x13, 0x500, CmFrames.rep(0x0000d00dL, 0x600dd00dL, 0x0001a5, 0x123456, 2)));
        f.cm(T0 + 1_500_100, C6, S6, CmFrames.mad(0x14, 0x500, CmFrames.pair(0x600dd00dL, 0x0000d00dL)));
        f.rcSend(T0 + 1_600_000, C6, S6, 0x0001a5, 4096).rcSend(T0 + 1_600_001, S6, C6, 0x0001a4, 0);
        f.write(file);
    }
}
