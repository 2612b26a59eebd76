package dev.fabricscope.lacp;

/**
 * An Organization Specific Slow Protocol PDU (subtype 10, IEEE 802.3 Annex 57B) headline: the OUI and,
 * for the ITU-T OUI 00-19-a7 (ESMC, ITU-T G.8264), the ITU-T subtype; the rest is not decoded.
 *
 * @param oui         24 bits
 * @param itutSubtype the 16-bit ITU-T subtype (1 = ESMC) when the OUI is ITU-T's and present, else -1
 * @param length      bytes of the PDU (subtype octet included) on the wire
 */
public record OsspPdu(int oui, int itutSubtype, int length) implements SlowProtocolPdu {
    public static final int OUI_ITU_T = 0x0019a7;

    @Override
    public int subtype() {
        return SUBTYPE_OSSP;
    }
}
