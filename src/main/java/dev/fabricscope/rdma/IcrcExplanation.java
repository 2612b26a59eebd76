package dev.fabricscope.rdma;

/**
 * How one frame's ICRC was computed, for {@code --explain-icrc}: the exact bytes fed to CRC-32 (the
 * masked pseudo-packet), which of them were masked, and the computed and on-wire ICRC.
 *
 * @param encapsulation "RoCEv2/IPv4", "RoCEv2/IPv6", "RoCEv1" or "IB"
 * @param pseudoPacket  the CRC input, masks applied
 * @param masked        one flag per byte of {@code pseudoPacket}: true where the byte was replaced by 0xFF
 * @param packetOffset  the frame offset of pseudo-packet byte {@code prefixLength} (where copying began)
 * @param prefixLength  leading 0xFF bytes standing in for the LRH (8 for RoCE, 0 for IB)
 * @param icrcOffset    frame offset of the on-wire ICRC
 * @param computed      computed ICRC, as the 4 bytes appear on the wire read big-endian
 * @param onWire        the packet's ICRC bytes read big-endian
 * @param fields        the masked fields by name, in pseudo-packet order
 */
public record IcrcExplanation(IcrcStatus status, String encapsulation, byte[] pseudoPacket, boolean[] masked,
                              int packetOffset, int prefixLength, int icrcOffset, int computed, int onWire,
                              java.util.List<MaskedField> fields) {
    /** A run of masked pseudo-packet bytes and what they are. */
    public record MaskedField(int offset, int length, String name) { }
}
