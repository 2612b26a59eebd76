package dev.fabricscope.smc;

/**
 * SMCv1 Proposal. The IP area starts {@code ipAreaOffset} bytes after byte 40; an offset of 40 means the SMC-D
 * area (GID + 32 reserved bytes) sits in between.
 *
 * @param smcd the SMC-D area, null when {@code ipAreaOffset != 40}
 */
public record ClcProposalV1(ClcHeader header, PeerId peerId, byte[] smcrGid, long roceMac, int ipAreaOffset,
                            SmcdArea smcd, IpPrefixArea ipArea, int trailer, byte[] raw) implements ClcMessage {

    /** SMCv1 SMC-D area: the requester's ISM GID and 32 reserved bytes. */
    public record SmcdArea(long gid, byte[] reserved) { }
}
