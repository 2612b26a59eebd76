package dev.fabricscope.smc;

import java.util.List;

/**
 * Decline: peer ID, peer diagnosis code, 4 bytes whose high nibble is the OS type in SMCv2, trailer (28 bytes).
 * An SMCv2 Decline of 44 bytes carries four more diagnosis codes (kernel struct smc_clc_msg_decline_v2).
 *
 * @param reserved             the 4 bytes after the diagnosis; in v2 with the OS type nibble cleared (as smc-clc)
 * @param additionalDiagnoses  the 4 extra codes, empty unless v2 and long enough
 */
public record ClcDecline(ClcHeader header, PeerId peerId, long peerDiagnosis, int osType, byte[] reserved,
                         List<Long> additionalDiagnoses, int trailer, byte[] raw) implements ClcMessage {
    public static final int LENGTH = 28;
    public static final int LENGTH_V2 = 44;
}
