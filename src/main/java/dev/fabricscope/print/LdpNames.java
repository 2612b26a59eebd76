package dev.fabricscope.print;

/**
 * The names print-ldp.c (and its l2vpn.c) gives to LDP's numbers (RFC 5036, RFC 3988, RFC 4447): message and TLV
 * types, FEC element types, pseudowire types and the pseudowire interface parameters; null where tcpdump has none.
 */
final class LdpNames {
    private LdpNames() { }

    static final int NOTIFICATION = 0x0001, HELLO = 0x0100, INITIALIZATION = 0x0200, KEEPALIVE = 0x0201,
        ADDRESS = 0x0300, ADDRESS_WITHDRAW = 0x0301, LABEL_MAPPING = 0x0400, LABEL_REQUEST = 0x0401,
        LABEL_WITHDRAW = 0x0402, LABEL_RELEASE = 0x0403, LABEL_ABORT_REQUEST = 0x0404;

    static String message(int type) {
        return switch (type) {
            case NOTIFICATION -> "Notification";
            case HELLO -> "Hello";
            case INITIALIZATION -> "Initialization";
            case KEEPALIVE -> "Keepalive";
            case ADDRESS -> "Address";
            case ADDRESS_WITHDRAW -> "Address Withdraw";
            case LABEL_MAPPING -> "Label Mapping";
            case LABEL_REQUEST -> "Label Request";
            case LABEL_WITHDRAW -> "Label Withdraw";
            case LABEL_RELEASE -> "Label Release";
            case LABEL_ABORT_REQUEST -> "Label Abort Request";
            default -> null;
        };
    }

    /** The messages whose TLVs tcpdump decodes; it dumps the others (Label Request, Release, Abort too). */
    static boolean decodesTlvs(int type) {
        return switch (type) {
            case NOTIFICATION, HELLO, INITIALIZATION, KEEPALIVE, ADDRESS, LABEL_MAPPING, ADDRESS_WITHDRAW,
                 LABEL_WITHDRAW -> true;
            default -> false;
        };
    }

    static final int FEC = 0x0100, ADDRESS_LIST = 0x0101, GENERIC_LABEL = 0x0200, STATUS = 0x0300,
        COMMON_HELLO = 0x0400, IPV4_TRANSPORT_ADDRESS = 0x0401, CONFIG_SEQUENCE_NUMBER = 0x0402,
        IPV6_TRANSPORT_ADDRESS = 0x0403, COMMON_SESSION = 0x0500, FT_SESSION = 0x0503, MTU = 0x0601;

    static String tlv(int type) {
        return switch (type) {
            case FEC -> "FEC";
            case ADDRESS_LIST -> "Address List";
            case 0x0103 -> "Hop Count";
            case 0x0104 -> "Path Vector";
            case GENERIC_LABEL -> "Generic Label";
            case 0x0201 -> "ATM Label";
            case 0x0202 -> "Frame-Relay Label";
            case STATUS -> "Status";
            case 0x0301 -> "Extended Status";
            case 0x0302 -> "Returned PDU";
            case 0x0303 -> "Returned Message";
            case COMMON_HELLO -> "Common Hello Parameters";
            case IPV4_TRANSPORT_ADDRESS -> "IPv4 Transport Address";
            case CONFIG_SEQUENCE_NUMBER -> "Configuration Sequence Number";
            case IPV6_TRANSPORT_ADDRESS -> "IPv6 Transport Address";
            case COMMON_SESSION -> "Common Session Parameters";
            case 0x0501 -> "ATM Session Parameters";
            case 0x0502 -> "Frame-Relay Session Parameters";
            case FT_SESSION -> "Fault-Tolerant Session Parameters";
            case 0x0600 -> "Label Request Message ID";
            case MTU -> "MTU";
            default -> null;
        };
    }

    static final int FEC_WILDCARD = 0x01, FEC_PREFIX = 0x02, FEC_HOST_ADDRESS = 0x03, FEC_MARTINI_VC = 0x80;

    static String fec(int type) {
        return switch (type) {
            case FEC_WILDCARD -> "Wildcard";
            case FEC_PREFIX -> "Prefix";
            case FEC_HOST_ADDRESS -> "Host address";
            case FEC_MARTINI_VC -> "Martini VC";
            default -> null;
        };
    }

    private static final String[] PSEUDOWIRE_TYPES = {"Reserved", "Frame Relay DLCI (Martini Mode)",
        "ATM AAL5 SDU VCC transport", "ATM transparent cell transport", "Ethernet VLAN", "Ethernet", "Cisco-HDLC",
        "PPP",
        "SONET/SDH Circuit Emulation Service over MPLS", "ATM n-to-one VCC cell transport",
        "ATM n-to-one VPC cell transport", "IP Layer2 Transport", "ATM one-to-one VCC Cell Mode",
        "ATM one-to-one VPC Cell Mode", "ATM AAL5 PDU VCC transport", "Frame-Relay Port mode",
        "SONET/SDH Circuit Emulation over Packet", "Structure-agnostic E1 over Packet",
        "Structure-agnostic T1 (DS1) over Packet", "Structure-agnostic E3 over Packet",
        "Structure-agnostic T3 (DS3) over Packet", "CESoPSN basic mode", "TDMoIP basic mode", "CESoPSN TDM with CAS",
        "TDMoIP TDM with CAS", "Frame Relay DLCI"};

    /** l2vpn.c's mpls_pw_types_values. */
    static String pseudowireType(int type) {
        if (type == 0x40) return "IP-interworking";
        return type < PSEUDOWIRE_TYPES.length ? PSEUDOWIRE_TYPES[type] : null;
    }

    static final int PARAMETER_MTU = 0x01, PARAMETER_DESCRIPTION = 0x03, PARAMETER_VCCV = 0x0c;

    static String interfaceParameter(int type) {
        return switch (type) {
            case PARAMETER_MTU -> "MTU";
            case PARAMETER_DESCRIPTION -> "Description";
            case PARAMETER_VCCV -> "VCCV";
            default -> null;
        };
    }

    /** VCCV control channel types, bit 0 first. */
    static final String[] CONTROL_CHANNELS = {"PWE3 control word", "MPLS Router Alert Label",
        "MPLS inner label TTL = 1"};
    /** VCCV connectivity verification types, bit 0 first. */
    static final String[] VERIFICATION_TYPES = {"ICMP Ping", "LSP Ping", "BFD"};

    /** A table's name, or tcpdump's default for numbers it has none for. */
    static String or(String name, String unknown) {
        return name != null ? name : unknown;
    }
}
