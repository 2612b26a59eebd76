package dev.fabricscope.dissect;

/** What {@link EncapsulationStripper} can remove, as {@code fabricscope strip} names it. */
public enum Encapsulation {
    VLAN, MPLS, PPPOE, GRE,
    /** VXLAN (RFC 7348, UDP port 4789): the inner Ethernet frame is kept. */
    VXLAN,
    /** Geneve (RFC 8926, UDP port 6081) carrying Ethernet (protocol 0x6558): the inner frame is kept. */
    GENEVE,
    /** ERSPAN types I, II and III (GRE protocol 0x88be / 0x22eb): the mirrored frame is kept. */
    ERSPAN
}
