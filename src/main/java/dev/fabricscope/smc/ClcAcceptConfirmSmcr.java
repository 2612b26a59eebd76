package dev.fabricscope.smc;

import java.util.List;

/**
 * SMC-R Accept or Confirm (68 bytes in v1). SMCv2 adds {@link V2}: EID and 8 reserved bytes (108 bytes in all),
 * the first-contact extension when present and, in a first-contact Confirm, the GID list extension.
 *
 * @param v2 null for the v1 layout
 */
public record ClcAcceptConfirmSmcr(ClcHeader header, PeerId peerId, byte[] smcrGid, long roceMac, int qpNumber,
                                   long rmbRkey, int rmbeIndex, long rmbeAlertToken, int rmbeSize, int qpMtu,
                                   int reserved, long rmbVirtualAddress, int reserved2, int psn, V2 v2, int trailer,
                                   byte[] raw) implements ClcMessage {

    /**
     * @param fce     null when absent
     * @param gidList null when absent (kernel struct smc_clc_fce_gid_ext: count, 3 reserved, 16-byte GIDs)
     */
    public record V2(byte[] eid, byte[] reserved, FirstContactExt fce, GidList gidList) { }

    public record GidList(int count, byte[] reserved, List<byte[]> gids) { }
}
