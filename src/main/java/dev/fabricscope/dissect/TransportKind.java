package dev.fabricscope.dissect;

/** What the dissector decoded above the network layer. */
public enum TransportKind {
    /** None decoded: other protocol, later fragment, or malformed before L4. */
    NONE,
    TCP,
    UDP,
    /** GRE (IP protocol 47): see the {@code gre*} fields of {@link Layers}; the inner packet is not dissected. */
    GRE
}
