package dev.fabricscope.lacp;

/**
 * What {@link SlowProtocolsParser} made of one frame.
 *
 * @param pdu         the decoded PDU, null when nothing could be decoded (not a slow-protocols frame,
 *                    or too short for the fields it must have)
 * @param error       null, or one line saying what is wrong ("Actor TLV length 18, expected 20 (offset 3)");
 *                    a PDU may come with an error (e.g. a LACPDU whose Terminator TLV is missing)
 * @param errorOffset byte offset into the frame where the problem is, or -1
 */
public record SlowProtocolsParseResult(SlowProtocolPdu pdu, String error, int errorOffset) {
    public static final SlowProtocolsParseResult NOT_SLOW = new SlowProtocolsParseResult(null, null, -1);

    static SlowProtocolsParseResult failed(String reason, int offset) {
        return new SlowProtocolsParseResult(null, reason + " (offset " + offset + ")", offset);
    }

    public boolean ok() {
        return pdu != null && error == null;
    }
}
