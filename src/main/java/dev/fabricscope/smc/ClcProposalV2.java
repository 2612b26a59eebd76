package dev.fabricscope.smc;

import dev.fabricscope.capture.BigEndian;
import java.util.List;

/**
 * SMCv2 Proposal: v1 fields, the SMC-D area (GID, ISMv2 CHID, v2 extension offset, 28 reserved bytes) at byte 40,
 * the IP area (absent when the v1 path is "N"), the v2 extension (absent when the v2 path is "N") and the SMC-Dv2
 * extension (present when the v2 path is D or B).
 *
 * <p>Like smc-clc and the Linux sender, the extensions are read sequentially after the IPv6 prefixes; the offset
 * fields are kept as sent (smc-go's own test vector has an inconsistent {@code v2ExtOffset}).
 */
public record ClcProposalV2(ClcHeader header, PeerId peerId, byte[] smcrGid, long roceMac, int ipAreaOffset,
                            long smcdGid, int ismChid, int v2ExtOffset, byte[] reserved, IpPrefixArea ipArea,
                            V2Extension v2Extension, SmcdV2Extension smcdV2Extension, int trailer, byte[] raw)
    implements ClcMessage {

    /**
     * The client options area: counts, release, SEID indicator, SMC-Dv2 extension offset, then 32 bytes
     * ({@link #optionsArea}: RoCEv2 GID, max conns, max links, feature mask, 12 reserved; smc-clc shows them as
     * one reserved field), then the EIDs.
     */
    public record V2Extension(int eidCount, int gidCount, int reserved1, int release, int reservedBits,
                              int seidIndicator, byte[] reserved2, int smcdV2ExtOffset, byte[] optionsArea,
                              List<byte[]> eids) {
        public byte[] roceGid() {
            return java.util.Arrays.copyOfRange(optionsArea, 0, 16);
        }

        public int maxConns() {
            return optionsArea[16] & 0xff;
        }

        public int maxLinks() {
            return optionsArea[17] & 0xff;
        }

        public int featureMask() {
            return BigEndian.u16(optionsArea, 18);
        }
    }

    /** SMC-Dv2 extension: system EID, 16 reserved bytes, then GID/CHID entries. */
    public record SmcdV2Extension(byte[] seid, byte[] reserved, List<GidChid> gids) { }

    public record GidChid(long gid, int chid) { }
}
