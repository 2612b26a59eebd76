package dev.fabricscope.dissect;

/** What the dissector found at the network layer. */
public enum NetworkKind {
    /** Nothing decoded (non-IP ethertype, unsupported link type, or malformed before L3). */
    NONE,
    IPV4,
    IPV6
}
