package dev.fabricscope.rdma.cm;

/**
 * An immutable snapshot of one tracked RDMA-CM connection. The client is the REQ sender. Unknown numbers
 * are -1 (server comm ID/QPN before the REP, port for non-RDMA-CM service IDs); times are packet times in
 * epoch nanoseconds, -1 when not reached.
 *
 * @param end why the connection left the table: "disconnected", "rejected", "timed_out", "idle",
 *            "capture_end", "replaced" (a new REQ reused the comm ID), or null while tracked
 * @param rejectedBy "client"/"server" for REJECTED, else null
 * @param cmaSourcePort the RDMA-CM IP header's source port from the REQ, or -1
 * @param vlan the REQ's outer VLAN ID, or -1
 * @param ipoibClient the client's IP address in the IP over IB packets of this connection (IPoIB connected mode),
 *                    from the first one seen; null when none was seen. {@code ipoibServer} likewise.
 */
public record CmConnectionInfo(long id, String clientAddress, String serverAddress, int port, long serviceId,
                               long transactionId, long clientCommId, long serverCommId, int clientQpn, int serverQpn,
                               int clientStartPsn, int serverStartPsn, int pathMtu, int transportServiceType,
                               CmState state, int rejectReason, String rejectedBy, int reqCount, int cmMessages,
                               long firstNanos, long establishedNanos, long endNanos, long lastNanos, long firstFrame,
                               long clientPackets, long clientBytes, long serverPackets, long serverBytes,
                               int cmaSourcePort, int vlan, String end, String ipoibClient, String ipoibServer) {
    /** The REJ reason's name, or null when not rejected. */
    public String rejectReasonName() {
        return rejectReason == 0 ? null : RejectReasons.name(rejectReason);
    }
}
