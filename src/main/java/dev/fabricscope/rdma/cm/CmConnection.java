package dev.fabricscope.rdma.cm;

/**
 * One tracked connection, mutable, owned by the {@link CmTracker} writer thread. Fields that change after
 * the connection is published are volatile so that readers' {@link #info()} snapshots see written values
 * (each field individually: a snapshot taken while the writer handles a packet may mix that packet's
 * before and after values).
 */
final class CmConnection {
    final long id;
    final int kind;
    final byte[] client = new byte[16];
    final byte[] server = new byte[16];
    final long serviceId;
    final int port;
    final long transactionId;
    final long clientCommId;
    final int clientQpn;
    final int clientStartPsn;
    final int pathMtu;
    final int transportServiceType;
    final int cmaSourcePort;
    final int vlan;
    final long firstNanos;
    final long firstFrame;
    TrackKey clientKey;
    TrackKey serverKey;
    TrackKey flowToServer;
    TrackKey flowToClient;

    volatile CmState state = CmState.REQ_SENT;
    volatile long serverCommId = -1;
    volatile int serverQpn = -1;
    volatile int serverStartPsn = -1;
    volatile int rejectReason;
    volatile String rejectedBy;
    volatile int reqCount = 1;
    volatile int cmMessages = 1;
    volatile long establishedNanos = -1;
    volatile long endNanos = -1;
    volatile long lastNanos;
    volatile long clientPackets;
    volatile long clientBytes;
    volatile long serverPackets;
    volatile long serverBytes;
    volatile String end;
    /** IP addresses that IP over IB carries on this connection (IPoIB-CM), from its first such packet. */
    volatile String ipoibClient;
    volatile String ipoibServer;

    CmConnection(long id, int kind, byte[] client, byte[] server, CmMessage.Req req, long transactionId,
                 int vlan, long nanos, long frame) {
        this.id = id;
        this.kind = kind;
        System.arraycopy(client, 0, this.client, 0, 16);
        System.arraycopy(server, 0, this.server, 0, 16);
        this.serviceId = req.serviceId();
        this.port = ServiceIds.port(req.serviceId());
        this.transactionId = transactionId;
        this.clientCommId = req.localCommId();
        this.clientQpn = req.localQpn();
        this.clientStartPsn = req.startingPsn();
        this.pathMtu = CmText.mtuBytes(req.pathMtu());
        this.transportServiceType = req.transportServiceType();
        this.cmaSourcePort = req.cmaHeader() != null ? req.cmaHeader().sourcePort() : -1;
        this.vlan = vlan;
        this.firstNanos = nanos;
        this.lastNanos = nanos;
        this.firstFrame = frame;
    }

    CmConnectionInfo info() {
        CmState s = state;
        return new CmConnectionInfo(id, PacketAddresses.text(kind, client), PacketAddresses.text(kind, server), port,
            serviceId, transactionId, clientCommId, serverCommId, clientQpn, serverQpn, clientStartPsn, serverStartPsn,
            pathMtu, transportServiceType, s, rejectReason, rejectedBy, reqCount, cmMessages, firstNanos,
            establishedNanos, endNanos, lastNanos, firstFrame, clientPackets, clientBytes, serverPackets, serverBytes,
            cmaSourcePort, vlan, end, ipoibClient, ipoibServer);
    }
}
