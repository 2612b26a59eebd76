package dev.fabricscope.smc;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.dissect.NetworkKind;
import dev.fabricscope.rdma.Bth;
import dev.fabricscope.tcp.TcpFlow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Names the RoCE QP flows that carry SMC-R links. An SMC-R Accept announces the server's QP number and
 * GID, the Confirm the client's; RDMA writes and sends of the link then go to that QP at that GID (the
 * RoCEv2 IP address, IPv4 as an IPv4-mapped GID; the RoCEv1 GRH destination GID). Each RoCE packet whose
 * (destination GID, destination QP) was announced counts for that link endpoint. Later connections of a
 * link group announce the same QP again: the endpoint keeps its first announcement.
 *
 * <p>Endpoints are capped at {@link #MAX_ENDPOINTS}; a RoCE packet costs one open-addressing probe on
 * its QP number and no allocation. One thread.
 */
public final class SmcrRoceLinks {
    public static final int MAX_ENDPOINTS = 65_536;

    /** One announced QP and the RoCE traffic seen for it so far. */
    public static final class Endpoint {
        final byte[] gid;
        private final int qpn;
        private final boolean server;
        private final byte[] clientAddress;
        private final int clientPort;
        private final byte[] serverAddress;
        private final int serverPort;
        private final long clcFrame;
        int next = -1;
        private long packets;
        private long bytes;
        private long firstFrame;
        private long firstNanos;
        private long lastNanos;
        private byte[] firstSource;

        Endpoint(byte[] gid, int qpn, boolean server, byte[] clientAddress, int clientPort, byte[] serverAddress,
                 int serverPort, long clcFrame) {
            this.gid = gid;
            this.qpn = qpn;
            this.server = server;
            this.clientAddress = clientAddress;
            this.clientPort = clientPort;
            this.serverAddress = serverAddress;
            this.serverPort = serverPort;
            this.clcFrame = clcFrame;
        }

        /** The GID as 16 bytes (IPv4 addresses IPv4-mapped). */
        public byte[] gid() { return gid.clone(); }
        public int qpn() { return qpn; }
        /** True for the server's QP (from the Accept), false for the client's (from the Confirm). */
        public boolean server() { return server; }
        /** The SMC (TCP) connection that announced the QP: "client ip:port" and "server ip:port" (made when asked). */
        public String smcClient() { return SmcClcFormatter.endpoint(clientAddress, clientPort); }
        public String smcServer() { return SmcClcFormatter.endpoint(serverAddress, serverPort); }
        public long clcFrame() { return clcFrame; }
        public long packets() { return packets; }
        public long bytes() { return bytes; }
        public long firstFrame() { return firstFrame; }
        public long firstNanos() { return firstNanos; }
        public long lastNanos() { return lastNanos; }
        /** Source GID of the first RoCE packet to this QP (16 bytes), null before one was seen. */
        public byte[] firstSource() { return firstSource == null ? null : firstSource.clone(); }
    }

    /** What the correlation reports. */
    public interface Listener {
        /** The first RoCE packet to an announced QP. */
        void firstRocePacket(Endpoint endpoint);

        /** The first announcement dropped because {@link #MAX_ENDPOINTS} QPs are known (once per run). */
        default void full() { }
    }

    private final Listener listener;
    private final List<Endpoint> endpoints = new ArrayList<>();
    /** Open addressing on the QP number: slot -> qpn + 1 (0 free) and the first endpoint of that QP. */
    private int[] slotQpn = new int[64];
    private int[] slotHead = new int[64];
    private final byte[] scratch = new byte[16];
    private boolean full;

    public SmcrRoceLinks(Listener listener) {
        this.listener = listener;
    }

    /** Endpoints announced so far, in announcement order. */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** True when an announcement was dropped because {@link #MAX_ENDPOINTS} were known. */
    public boolean full() {
        return full;
    }

    /**
     * An SMC-R Accept (from the server) or Confirm (from the client) of the TCP connection client -> server
     * (addresses of 4 or 16 bytes, kept as given).
     * @param gid the message's SMC-R GID (16 bytes)
     */
    public void announce(byte[] gid, int qpn, boolean server, byte[] clientAddress, int clientPort,
                         byte[] serverAddress, int serverPort, long clcFrame) {
        if (gid == null || gid.length != 16 || find(gid, qpn) != null) return;
        if (endpoints.size() >= MAX_ENDPOINTS) {
            if (!full) listener.full();
            full = true;
            return;
        }
        Endpoint e = new Endpoint(gid.clone(), qpn, server, clientAddress, clientPort, serverAddress, serverPort,
            clcFrame);
        if ((endpoints.size() + 1) * 2 > slotQpn.length) grow();
        int slot = slotOf(qpn, true);
        e.next = slotQpn[slot] == 0 ? -1 : slotHead[slot];
        slotQpn[slot] = qpn + 1;
        slotHead[slot] = endpoints.size();
        endpoints.add(e);
    }

    /**
     * An SMC-R Accept (it names the server's QP) or Confirm (the client's), sent by endpoint {@code direction}
     * of {@code flow}.
     */
    public void announce(ClcAcceptConfirmSmcr m, TcpFlow<?> flow, int direction, long clcFrame) {
        boolean fromServer = m.header().type() == ClcHeader.TYPE_ACCEPT;
        int client = fromServer ? 1 - direction : direction;
        announce(m.smcrGid(), m.qpNumber(), fromServer, flow.address(client), flow.port(client),
            flow.address(1 - client), flow.port(1 - client), clcFrame);
    }

    /** A dissected packet: counts it when it is RoCE to an announced QP. */
    public void packet(Packet p, Layers l) {
        int bth = l.ibBthOffset;
        if (bth < 0 || endpoints.isEmpty()) return;
        int qpn = Bth.destQp(p, bth);
        int slot = slotOf(qpn, false);
        if (slot < 0) return;
        if (!destinationGid(p, l, scratch)) return;
        for (int i = slotHead[slot]; i >= 0; i = endpoints.get(i).next) {
            Endpoint e = endpoints.get(i);
            if (e.qpn != qpn || !Arrays.equals(e.gid, scratch)) continue;
            e.packets++;
            e.bytes += p.origLen();
            e.lastNanos = p.timestampNanos();
            if (e.packets == 1) {
                e.firstFrame = p.frameNumber();
                e.firstNanos = p.timestampNanos();
                byte[] source = new byte[16];
                if (sourceGid(p, l, source)) e.firstSource = source;
                listener.firstRocePacket(e);
            }
            return;
        }
    }

    private Endpoint find(byte[] gid, int qpn) {
        int slot = slotOf(qpn, false);
        if (slot < 0) return null;
        for (int i = slotHead[slot]; i >= 0; i = endpoints.get(i).next) {
            Endpoint e = endpoints.get(i);
            if (e.qpn == qpn && Arrays.equals(e.gid, gid)) return e;
        }
        return null;
    }

    /** The slot of {@code qpn}; when absent, the free slot to use ({@code insert}) or -1. */
    private int slotOf(int qpn, boolean insert) {
        int mask = slotQpn.length - 1;
        for (int i = (qpn * 0x9E3779B1) >>> 7 & mask; ; i = (i + 1) & mask) {
            if (slotQpn[i] == qpn + 1) return i;
            if (slotQpn[i] == 0) return insert ? i : -1;
        }
    }

    private void grow() {
        int[] oldQpn = slotQpn;
        int[] oldHead = slotHead;
        slotQpn = new int[oldQpn.length * 2];
        slotHead = new int[oldQpn.length * 2];
        for (int i = 0; i < oldQpn.length; i++) {
            if (oldQpn[i] == 0) continue;
            int slot = slotOf(oldQpn[i] - 1, true);
            slotQpn[slot] = oldQpn[i];
            slotHead[slot] = oldHead[i];
        }
    }

    /** RoCEv2: the IP destination (IPv4 mapped); RoCEv1 / IB with GRH: the GRH destination GID. */
    static boolean destinationGid(Packet p, Layers l, byte[] gid) {
        return address(p, l, l.dstAddrOffset, 24, gid);
    }

    static boolean sourceGid(Packet p, Layers l, byte[] gid) {
        return address(p, l, l.srcAddrOffset, 8, gid);
    }

    private static boolean address(Packet p, Layers l, int ipOffset, int grhField, byte[] gid) {
        if (l.roceVersion == 2 && ipOffset >= 0) {
            if (l.networkKind == NetworkKind.IPV4) {
                Arrays.fill(gid, 0, 10, (byte) 0);
                gid[10] = (byte) 0xff;
                gid[11] = (byte) 0xff;
                p.copyTo(ipOffset, gid, 12, 4);
                return true;
            }
            if (l.networkKind == NetworkKind.IPV6) {
                p.copyTo(ipOffset, gid, 0, 16);
                return true;
            }
            return false;
        }
        if (l.ibGrhOffset >= 0) {
            p.copyTo(l.ibGrhOffset + grhField, gid, 0, 16);
            return true;
        }
        return false;
    }
}
