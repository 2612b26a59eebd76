package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/** What prints a packet carried inside another (VXLAN's Ethernet frame, a Broadcom LI shim's IP packet): the printer. */
interface Encapsulated {
    /** Not a link-layer header but tcpdump's mpls_print: an MPLS label stack and its payload (LINKTYPE_MPLS's number). */
    int MPLS = 219;
    /** tcpdump's ppp_print: a PPP frame (optional address and control), as GRE version 1 and PPPoE carry it. */
    int PPP = 9;
    /**
     * Not a link type (none has this number; 7 is ISO's address family) but tcpdump's isoclns_print: an ISO PDU
     * (CLNP, ES-IS, IS-IS, ...) from its NLPID byte, as GRE, MPLS, PPP and ethertype 0xfefe carry it.
     */
    int OSI = 0x10007;
    /** Not a link type but tcpdump's ipx_print: a Novell IPX packet, as PPP and GRE carry it. */
    int IPX = 0x18137;
    /** Not a link type but tcpdump's atalk_print: an AppleTalk DDP packet, as GRE and BSD loopback carry it. */
    int ATALK = 0x1809b;
    /**
     * Not a link type but OpenFlow 1.0's of10_packet_data_print: an Ethernet frame printed as with tcpdump's ndo_vflag
     * lowered by 3 (-vvv prints it as the default, -vvvv as -v); false also below -vvv, where it is not decoded.
     */
    int OPENFLOW_FRAME = 0x10000 | 0x6633;

    /**
     * Prints the packet at {@code off} of {@code outer} as one of link type {@code linkType} (LinkType.EN10MB; IPV4
     * or IPV6 as tcpdump's ip_print/ip6_print; RAW by the version nibble; {@link #MPLS}; {@link #PPP}; {@link #OSI}):
     * {@code length} bytes on the wire (tcpdump's u_int: unsigned, past 2^31 in a jumbogram; IPv4 and IPX get it
     * clamped to 2^31-1 here), {@code capLen} of them readable. False when packets are nested too deep to
     * print another. An Ethernet frame shorter than its header prints tcpdump's " [|ether]".
     */
    boolean print(Packet outer, int off, int length, int capLen, int linkType, StringBuilder out);
}
