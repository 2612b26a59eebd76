package dev.fabricscope.rdma.cm;

/**
 * A REQ primary or alternate path, or the LAP alternate path (IBTA vol. 1, 12.6.5 / 12.6.12).
 * GIDs are 16 bytes; RoCEv2 IPv4 endpoints appear as IPv4-mapped IPv6 GIDs (::ffff:a.b.c.d).
 */
public record CmPath(int localLid, int remoteLid, byte[] localGid, byte[] remoteGid, int flowLabel,
                     int packetRate, int trafficClass, int hopLimit, int sl, boolean subnetLocal,
                     int localAckTimeout) {
}
