package dev.fabricscope.dissect;

/**
 * Why the dissector stopped on a packet: the first problem found. Constants only, so reporting a
 * malformed packet allocates nothing; {@link Layers#malformedOffset} says where it happened.
 */
public enum Malformed {
    /** Not malformed. */
    NONE("no problem"),
    TRUNCATED_LINK_HEADER("link-layer header truncated"),
    TRUNCATED_ERF_HEADER("ERF record header truncated"),
    TRUNCATED_ERF_EXTENSION_HEADER("ERF extension header truncated"),
    TRUNCATED_ETHERNET_HEADER("Ethernet header truncated"),
    TRUNCATED_VLAN_TAG("VLAN tag truncated"),
    TOO_MANY_VLAN_TAGS("more VLAN tags than the 8 we decode"),
    TRUNCATED_ARISTA_HEADER("Arista timestamp header truncated"),
    TRUNCATED_MACSEC_SECTAG("MACsec SecTAG or the type after it truncated"),
    MACSEC_SHORTER_THAN_ICV("MACsec frame shorter than its SecTAG and ICV"),
    BAD_MACSEC_SHORT_LENGTH("MACsec short length beyond the frame's secure data"),
    TRUNCATED_MPLS_LABEL("MPLS label stack entry truncated"),
    TOO_MANY_MPLS_LABELS("more MPLS labels than the 8 we decode"),
    TRUNCATED_PSEUDOWIRE("MPLS pseudowire control word or Ethernet header truncated"),
    TRUNCATED_PPPOE_HEADER("PPPoE session header truncated"),
    BAD_PPPOE_VERSION("PPPoE version/type is not 1/1"),
    TRUNCATED_IP_HEADER("IP header truncated before its version nibble"),
    BAD_IP_VERSION("IP version does not match the link's protocol"),
    TRUNCATED_IPV4_HEADER("IPv4 header truncated"),
    BAD_IPV4_IHL("IPv4 header length below 20 bytes"),
    TRUNCATED_IPV4_OPTIONS("IPv4 options truncated"),
    IPV4_TOTAL_LENGTH_TOO_SHORT("IPv4 total length shorter than its header"),
    TRUNCATED_IPV6_HEADER("IPv6 header truncated"),
    TRUNCATED_IPV6_EXTENSION_HEADER("IPv6 extension header truncated"),
    IPV6_EXTENSION_HEADER_BEYOND_PAYLOAD("IPv6 extension header runs past the payload length"),
    TRUNCATED_TCP_HEADER("TCP header truncated"),
    BAD_TCP_DATA_OFFSET("TCP data offset below 20 bytes"),
    TRUNCATED_TCP_OPTIONS("TCP options truncated"),
    TCP_HEADER_BEYOND_IP_PAYLOAD("TCP header longer than the IP payload"),
    TRUNCATED_UDP_HEADER("UDP header truncated"),
    BAD_UDP_LENGTH("UDP length below 8 bytes"),
    UDP_LENGTH_BEYOND_IP_PAYLOAD("UDP length exceeds the IP payload"),
    TRUNCATED_GRE_HEADER("GRE header truncated"),
    TRUNCATED_IB_LRH("InfiniBand local route header truncated"),
    TRUNCATED_IB_GRH("InfiniBand global route header truncated"),
    TRUNCATED_IB_BTH("InfiniBand base transport header truncated"),
    TRUNCATED_SLOW_PROTOCOLS("slow-protocols PDU truncated");

    private final String description;

    Malformed(String description) {
        this.description = description;
    }

    /** A short human-readable description for one-line messages. */
    public String description() {
        return description;
    }
}
