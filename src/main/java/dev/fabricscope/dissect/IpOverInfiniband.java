package dev.fabricscope.dissect;

import dev.fabricscope.capture.Packet;

/**
 * IP over InfiniBand on native IB links: the payload of a SEND starts with the 4-byte IPoIB encapsulation header,
 * an ethertype and 2 reserved bytes of zero (RFC 4391 section 6 for UD SEND ONLY after the DETH, RFC 4755 for
 * connected mode's RC/UC SEND ONLY and SEND FIRST after the BTH). IPv4, IPv6 and ARP are recorded as on Ethernet
 * ({@link Layers#etherType}, {@link Layers#etherPayloadOffset}), and IP is dissected.
 *
 * <p>Wireshark tries the same header on every IB payload whose queue pairs are not QP0/QP1 (MADs), with any
 * ethertype it knows and any opcode (RDMA WRITE data too); we keep to the SENDs IPoIB uses and to its three
 * ethertypes, so that RDMA data that happens to begin with such bytes is not taken for a packet. RoCE links are
 * left alone: their network fields describe the outer IP header (RoCEv2).
 */
final class IpOverInfiniband {
    private IpOverInfiniband() { }

    static final int RC_SEND_FIRST = 0x00;
    static final int RC_SEND_ONLY = 0x04;
    static final int UC_SEND_FIRST = 0x20;
    static final int UC_SEND_ONLY = 0x24;
    static final int UD_SEND_ONLY = 0x64;
    static final int DETH_LENGTH = 8;
    static final int HEADER_LENGTH = 4;
    static final int ETHERTYPE_ARP = 0x0806;

    /** After a complete BTH at {@code bth} on a native IB packet. */
    static void payload(Packet p, Layers l, int bth) {
        int payload = bth + InfinibandHeaders.BTH_LENGTH;
        int opcode = p.u8(bth);
        if (opcode == UD_SEND_ONLY) {
            if (!p.has(payload, DETH_LENGTH) || isMadQp(p.u32(payload + 4) & 0xffffff)) return;  // DETH source QP
            payload += DETH_LENGTH;
        } else if (opcode != RC_SEND_FIRST && opcode != RC_SEND_ONLY && opcode != UC_SEND_FIRST
                   && opcode != UC_SEND_ONLY) {
            return;
        }
        if (isMadQp(p.u32(bth + 4) & 0xffffff) || !p.has(payload, HEADER_LENGTH) || p.u16(payload + 2) != 0) return;
        int type = p.u16(payload);
        if (type != EthernetLayer.ETHERTYPE_IPV4 && type != EthernetLayer.ETHERTYPE_IPV6 && type != ETHERTYPE_ARP) {
            return;
        }
        int ip = payload + HEADER_LENGTH;
        l.etherType = type;
        l.etherTypeOffset = payload;
        l.etherPayloadOffset = ip;
        switch (type) {
            case EthernetLayer.ETHERTYPE_IPV4 -> IpLayer.ipv4(p, l, ip);
            case EthernetLayer.ETHERTYPE_IPV6 -> IpLayer.ipv6(p, l, ip);
            default -> { }   // ARP: the printers read it from etherPayloadOffset
        }
    }

    /** QP0 (SMI) and QP1 (GSI) carry MADs. */
    private static boolean isMadQp(long qp) {
        return qp <= 1;
    }
}
