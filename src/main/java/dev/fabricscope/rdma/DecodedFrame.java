package dev.fabricscope.rdma;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.dissect.NetworkKind;
import dev.fabricscope.dissect.TransportKind;

/**
 * What {@code rdma decode} shows for one frame: a RoCE/IB transport packet, a PAUSE/PFC frame, or a
 * RoCE/IB packet too short to decode. Produced by {@link RdmaDecoder}, rendered by {@link RdmaText}
 * and {@link RdmaJson}.
 */
public sealed interface DecodedFrame {
    long frame();

    long timeNanos();

    /** How the IB transport travels. */
    enum Encapsulation {
        ROCE_V2("RoCEv2"), ROCE_V1("RoCEv1"), IB("IB");

        private final String label;

        Encapsulation(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A RoCE/IB packet with a BTH.
     *
     * @param src           source IPv4/IPv6 address (RoCEv2) or GID (RoCEv1, IB with GRH), null without
     * @param dst           likewise
     * @param srcPort       UDP ports for RoCEv2, else -1
     * @param slid          LRH LIDs for native IB, else -1
     * @param vlanId        outermost VLAN ID, -1 untagged; {@code pcp} its priority, -1 untagged
     * @param dscp          IP DSCP / GRH traffic class upper 6 bits, -1 when none (native IB without GRH)
     * @param ecn           the low 2 bits likewise, -1 when none
     * @param serviceLevel  LRH SL for native IB, else -1; {@code virtualLane} likewise
     * @param payloadOffset frame offset of the payload after the extended headers
     * @param payloadLength payload bytes on the wire (pad and ICRC excluded); -1 when the lengths do not add up
     * @param madOffset     frame offset of a MAD (UD SEND to QP 0/1), -1 otherwise
     * @param madAvailable  MAD bytes present before the ICRC (may be under 256 when truncated)
     * @param mad           the MAD's common header, null when no MAD or fewer than 24 bytes
     * @param ipOverIb      what IP over IB carries (native IB SENDs of IPoIB), null otherwise
     */
    record Transport(long frame, long timeNanos, Encapsulation encapsulation, int ipVersion, byte[] src,
                     byte[] dst, int srcPort, int dstPort, int slid, int dlid, int serviceLevel, int virtualLane,
                     int vlanId, int pcp, int dscp, int ecn, int bthOffset, Bth bth, Opcode opcode,
                     ExtendedHeaders headers, int payloadOffset, int payloadLength, IcrcStatus icrc,
                     int icrcComputed, int icrcOnWire, IcrcStatus vcrc, int vcrcComputed, int vcrcOnWire,
                     int madOffset, int madAvailable, MadBaseHeader mad, IpOverIb ipOverIb) implements DecodedFrame { }

    /**
     * The packet inside an IPoIB SEND (RFC 4391, RFC 4755): its ethertype and, for IPv4/IPv6, addresses, protocol
     * (IPv6: after extension headers) and TCP/UDP ports (-1 for other protocols).
     */
    record IpOverIb(int etherType, int ipVersion, byte[] src, byte[] dst, int protocol, int srcPort, int dstPort) {
        /**
         * What a native IB packet dissected into {@code l} carries as IP over IB, or null (no IPoIB, or RoCE,
         * whose network fields are its own IP header). Addresses are null when the IP header is cut short.
         */
        public static IpOverIb read(Packet p, Layers l) {
            if (l.roceVersion != 0 || l.ibLrhOffset < 0 || l.etherType < 0) return null;
            int version = 0;
            byte[] src = null;
            byte[] dst = null;
            int protocol = -1;
            if (l.networkKind == NetworkKind.IPV4 || l.networkKind == NetworkKind.IPV6) {
                version = l.networkKind == NetworkKind.IPV4 ? 4 : 6;
                int len = version == 4 ? 4 : 16;
                src = copy(p, l.srcAddrOffset, len);
                dst = copy(p, l.dstAddrOffset, len);
                protocol = l.ipProtocol;
            }
            boolean ports = l.transportKind == TransportKind.TCP || l.transportKind == TransportKind.UDP;
            return new IpOverIb(l.etherType, version, src, dst, protocol, ports ? l.srcPort : -1,
                ports ? l.dstPort : -1);
        }

        private static byte[] copy(Packet p, int off, int len) {
            if (off < 0 || !p.has(off, len)) return null;
            byte[] b = new byte[len];
            p.copyTo(off, b, 0, len);
            return b;
        }
    }

    /** An 802.3x PAUSE or 802.1Qbb PFC frame (or another MAC control opcode, or a truncated one). */
    record Pause(long frame, long timeNanos, byte[] srcMac, byte[] dstMac, int vlanId, PfcFrame pfc)
        implements DecodedFrame { }

    /** RoCE/IB framing found but the route or transport header is cut short. */
    record Truncated(long frame, long timeNanos, Encapsulation encapsulation, String reason, int offset)
        implements DecodedFrame { }
}
