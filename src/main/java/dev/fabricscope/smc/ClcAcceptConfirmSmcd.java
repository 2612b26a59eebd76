package dev.fabricscope.smc;

/**
 * SMC-D Accept or Confirm: v1 is 48 bytes (12 reserved bytes after the link ID); SMCv2 uses those bytes and more
 * for {@link V2}: ISMv2 CHID, EID, 8 bytes (kernel gid_ext, shown as reserved by smc-clc), then the first-contact
 * extension when present (78 bytes without it).
 *
 * @param reserved3 the v1 12 reserved bytes, null in v2
 * @param v2        null for the v1 layout
 */
public record ClcAcceptConfirmSmcd(ClcHeader header, long gid, long token, int dmbeIndex, int dmbeSize,
                                   int reservedBits, byte[] reserved2, long linkId, byte[] reserved3, V2 v2,
                                   int trailer, byte[] raw) implements ClcMessage {

    /** @param fce null when absent */
    public record V2(int ismChid, byte[] eid, byte[] gidExt, FirstContactExt fce) { }
}
