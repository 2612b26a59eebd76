package dev.fabricscope.rdma;

import java.util.Arrays;

/**
 * Everything of a RoCEv2 CNP (BTH opcode 0x81, congestion notification packet) except the destination QP:
 * the per-flow part that {@link CnpBuilder} fills per packet. Defaults ({@link #defaults}) are
 * libconntrack-cm's template (ctcm_fill_cnp_template, src/cnp.cpp): TTL 255, ToS 0xC2 (DSCP 48, ECT(0)),
 * IPv4 DF set, IP ID 0, UDP source port 0xF000, UDP checksum 0, P_Key 0xFFFF, BECN set, raw IP (no link layer).
 *
 * @param src          source address, 4 (IPv4) or 16 (IPv6) bytes: the host that saw the congestion
 * @param dst          destination address, same family: the sender of the congested flow
 * @param trafficClass IPv4 ToS / IPv6 traffic class byte (DSCP << 2 | ECN)
 * @param ttl          IPv4 TTL / IPv6 hop limit
 * @param ipId         IPv4 identification (ignored for IPv6)
 * @param dontFragment IPv4 DF flag
 * @param ipChecksum   compute the IPv4 header checksum; false leaves it 0 for the NIC to fill (checksum
 *                     offload, as libconntrack-cm does)
 * @param srcPort      UDP source port (destination is always 4791)
 * @param pkey         BTH partition key
 * @param ethernet     null for a raw IP packet (LINKTYPE_RAW), else the Ethernet header to put in front
 */
public record CnpTemplate(byte[] src, byte[] dst, int trafficClass, int ttl, int ipId, boolean dontFragment,
                          boolean ipChecksum, int srcPort, int pkey, Ethernet ethernet) {
    public static final int DEFAULT_TTL = 255;
    public static final int DEFAULT_TRAFFIC_CLASS = 0xC2;
    public static final int DEFAULT_SRC_PORT = 0xF000;
    public static final int DEFAULT_PKEY = 0xFFFF;

    /**
     * An Ethernet II header, with an 802.1Q tag when {@code vlanId >= 0}.
     *
     * @param pcp 802.1p priority of the tag (the PFC priority the CNP travels in)
     */
    public record Ethernet(byte[] dstMac, byte[] srcMac, int vlanId, int pcp) {
        public Ethernet {
            if (dstMac.length != 6 || srcMac.length != 6) throw new IllegalArgumentException("a MAC address has 6 bytes");
            if (vlanId > 4095) throw new IllegalArgumentException("VLAN ID " + vlanId + " is not 0-4095");
            if (pcp < 0 || pcp > 7) throw new IllegalArgumentException("priority " + pcp + " is not 0-7");
            dstMac = dstMac.clone();
            srcMac = srcMac.clone();
        }

        public boolean tagged() {
            return vlanId >= 0;
        }

        public int length() {
            return tagged() ? 18 : 14;
        }
    }

    public CnpTemplate {
        if (src.length != 4 && src.length != 16) throw new IllegalArgumentException("source address must be IPv4 or IPv6");
        if (src.length != dst.length) throw new IllegalArgumentException("source and destination must both be IPv4 or both IPv6");
        check("traffic class", trafficClass, 0xFF);
        check("TTL", ttl, 0xFF);
        check("IP ID", ipId, 0xFFFF);
        check("UDP source port", srcPort, 0xFFFF);
        check("P_Key", pkey, 0xFFFF);
        src = src.clone();
        dst = dst.clone();
    }

    /** libconntrack-cm's template for these addresses. */
    public static CnpTemplate defaults(byte[] src, byte[] dst) {
        return new CnpTemplate(src, dst, DEFAULT_TRAFFIC_CLASS, DEFAULT_TTL, 0, true, true, DEFAULT_SRC_PORT, DEFAULT_PKEY, null);
    }

    public boolean ipv6() {
        return src.length == 16;
    }

    public CnpTemplate withTrafficClass(int tc) {
        return new CnpTemplate(src, dst, tc, ttl, ipId, dontFragment, ipChecksum, srcPort, pkey, ethernet);
    }

    public CnpTemplate withTtl(int t) {
        return new CnpTemplate(src, dst, trafficClass, t, ipId, dontFragment, ipChecksum, srcPort, pkey, ethernet);
    }

    public CnpTemplate withIpId(int id) {
        return new CnpTemplate(src, dst, trafficClass, ttl, id, dontFragment, ipChecksum, srcPort, pkey, ethernet);
    }

    public CnpTemplate withSrcPort(int port) {
        return new CnpTemplate(src, dst, trafficClass, ttl, ipId, dontFragment, ipChecksum, port, pkey, ethernet);
    }

    public CnpTemplate withIpChecksum(boolean compute) {
        return new CnpTemplate(src, dst, trafficClass, ttl, ipId, dontFragment, compute, srcPort, pkey, ethernet);
    }

    public CnpTemplate withEthernet(Ethernet eth) {
        return new CnpTemplate(src, dst, trafficClass, ttl, ipId, dontFragment, ipChecksum, srcPort, pkey, eth);
    }

    private static void check(String what, int value, int max) {
        if (value < 0 || value > max) throw new IllegalArgumentException(what + " " + value + " is out of range 0-" + max);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CnpTemplate t && Arrays.equals(src, t.src) && Arrays.equals(dst, t.dst)
            && trafficClass == t.trafficClass && ttl == t.ttl && ipId == t.ipId && dontFragment == t.dontFragment
            && ipChecksum == t.ipChecksum && srcPort == t.srcPort && pkey == t.pkey && java.util.Objects.equals(ethernet, t.ethernet);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(src) * 31 + Arrays.hashCode(dst);
    }

    @Override
    public String toString() {
        return "CnpTemplate[" + (ipv6() ? "IPv6" : "IPv4") + ", tc=" + trafficClass + ", ttl=" + ttl + ", sport=" + srcPort + "]";
    }
}
