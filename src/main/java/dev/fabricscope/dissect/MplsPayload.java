package dev.fabricscope.dissect;

/**
 * What follows the bottom of an MPLS label stack. MPLS does not say; the dissector guesses
 * (see {@link Dissector} for the heuristic).
 */
public enum MplsPayload {
    NONE,
    IPV4,
    IPV6,
    /** Ethernet pseudowire with a 4-byte control word (first nibble 0), then an Ethernet frame. */
    ETHERNET_PSEUDOWIRE,
    /** Anything else: not decoded. */
    UNKNOWN
}
