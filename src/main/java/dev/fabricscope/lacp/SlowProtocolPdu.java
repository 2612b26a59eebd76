package dev.fabricscope.lacp;

/**
 * One IEEE 802.3 slow-protocols PDU (ethertype 0x8809), by subtype: LACP (1), Marker (2), OAM (3),
 * OSSP (10), or any other subtype.
 */
public sealed interface SlowProtocolPdu permits LacpPdu, MarkerPdu, OamPdu, OsspPdu, UnknownSlowPdu {
    int SUBTYPE_LACP = 1, SUBTYPE_MARKER = 2, SUBTYPE_OAM = 3, SUBTYPE_OSSP = 10;

    /** The slow-protocols subtype (first octet). */
    int subtype();
}
