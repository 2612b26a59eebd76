package dev.fabricscope.lacp;

/**
 * A LACPDU TLV beyond Actor, Partner, Collector and Terminator: the version 2 TLVs of IEEE 802.1AX-2014
 * 6.4.2.4 (types 0x04 to 0x0A) by name, and anything else as its type and length. Byte strings are kept
 * as lower-case hex.
 */
public sealed interface LacpTlv {
    int PORT_ALGORITHM = 0x04, PORT_CONVERSATION_ID_DIGEST = 0x05, PORT_CONVERSATION_MASK_1 = 0x06,
            PORT_CONVERSATION_MASK_4 = 0x09, PORT_CONVERSATION_SERVICE_MAPPING_DIGEST = 0x0a;

    /** TLV type octet. */
    int type();

    /** TLV length octet (type and length octets included). */
    int length();

    /** The name IEEE 802.1AX gives the TLV, or "Unknown". */
    default String name() {
        return nameOf(type());
    }

    static String nameOf(int type) {
        return switch (type) {
            case 0x00 -> "Terminator";
            case 0x01 -> "Actor Information";
            case 0x02 -> "Partner Information";
            case 0x03 -> "Collector Information";
            case PORT_ALGORITHM -> "Port Algorithm";
            case PORT_CONVERSATION_ID_DIGEST -> "Port Conversation ID Digest";
            case 0x06 -> "Port Conversation Mask-1";
            case 0x07 -> "Port Conversation Mask-2";
            case 0x08 -> "Port Conversation Mask-3";
            case 0x09 -> "Port Conversation Mask-4";
            case PORT_CONVERSATION_SERVICE_MAPPING_DIGEST -> "Port Conversation Service Mapping Digest";
            default -> "Unknown";
        };
    }

    /** 0x04: the distribution algorithm (OUI/CID + value; 0 unspecified, 1 C-VID, 2 S-VID, 3 I-SID, 4 TE-SID, 5 ECMP). */
    record PortAlgorithm(int length, long algorithm) implements LacpTlv {
        @Override public int type() { return PORT_ALGORITHM; }
    }

    /** 0x05: Link Number ID and the MD5 digest of the conversation link list. */
    record PortConversationIdDigest(int length, int linkNumberId, String digestHex) implements LacpTlv {
        @Override public int type() { return PORT_CONVERSATION_ID_DIGEST; }
    }

    /**
     * 0x06 to 0x09: one quarter of the 4096-bit conversation mask.
     *
     * @param part      1 to 4
     * @param maskState the Port_Oper_Conversation_Mask state octet (Mask-1 only), else -1
     */
    record PortConversationMask(int length, int part, int maskState, String maskHex) implements LacpTlv {
        @Override public int type() { return PORT_CONVERSATION_MASK_1 + part - 1; }
    }

    /** 0x0A: MD5 digest of the service-to-conversation mapping. */
    record PortConversationServiceMappingDigest(int length, String digestHex) implements LacpTlv {
        @Override public int type() { return PORT_CONVERSATION_SERVICE_MAPPING_DIGEST; }
    }

    /** Any other TLV, or a known type whose length is not the one IEEE 802.1AX defines. */
    record Unknown(int type, int length) implements LacpTlv { }
}
