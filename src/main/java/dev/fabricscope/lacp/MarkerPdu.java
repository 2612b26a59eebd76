package dev.fabricscope.lacp;

/**
 * A Marker protocol PDU (subtype 2, IEEE 802.1AX 6.5.3): a Marker Information (TLV 1) or Marker
 * Response (TLV 2) naming the requester's port, system and transaction.
 *
 * @param tlvType        1 Information, 2 Response
 * @param requesterSystem 48-bit MAC in the low bits
 * @param transactionId  u32
 */
public record MarkerPdu(int version, int tlvType, int requesterPort, long requesterSystem, long transactionId)
        implements SlowProtocolPdu {
    public static final int INFORMATION = 1, RESPONSE = 2;

    public boolean isResponse() {
        return tlvType == RESPONSE;
    }

    /** "Information" or "Response". */
    public String kindName() {
        return isResponse() ? "Response" : "Information";
    }

    @Override
    public int subtype() {
        return SUBTYPE_MARKER;
    }
}
