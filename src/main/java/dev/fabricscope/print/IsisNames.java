package dev.fabricscope.print;

/** The names tcpdump 4.99's print-isoclns.c (and gmpls.c) gives IS-IS PDU types, TLVs, sub-TLVs and their codes. */
final class IsisNames {
    private IsisNames() { }

    static final int L1_LAN_IIH = 15, L2_LAN_IIH = 16, PTP_IIH = 17, L1_LSP = 18, L2_LSP = 20, L1_CSNP = 24,
        L2_CSNP = 25, L1_PSNP = 26, L2_PSNP = 27;

    static String pduType(int type) {
        return switch (type) {
            case L1_LAN_IIH -> "L1 Lan IIH";
            case L2_LAN_IIH -> "L2 Lan IIH";
            case PTP_IIH -> "p2p IIH";
            case L1_LSP -> "L1 LSP";
            case L2_LSP -> "L2 LSP";
            case L1_CSNP -> "L1 CSNP";
            case L2_CSNP -> "L2 CSNP";
            case L1_PSNP -> "L1 PSNP";
            case L2_PSNP -> "L2 PSNP";
            default -> null;
        };
    }

    static String tlv(int type) {
        return switch (type) {
            case 1 -> "Area address(es)";
            case 2 -> "IS Reachability";
            case 3 -> "ES Neighbor(s)";
            case 4 -> "Partition DIS";
            case 5 -> "Prefix Neighbors";
            case 6 -> "IS Neighbor(s)";
            case 7 -> "Instance Identifier";
            case 8 -> "Padding";
            case 9 -> "LSP entries";
            case 10 -> "Authentication";
            case 12 -> "Checksum";
            case 13 -> "Purge Originator Identifier";
            case 14 -> "LSP Buffersize";
            case 22 -> "Extended IS Reachability";
            case 24 -> "IS Alias ID";
            case 42 -> "DECnet Phase IV";
            case 66 -> "Lucent Proprietary";
            case 128 -> "IPv4 Internal Reachability";
            case 129 -> "Protocols supported";
            case 130 -> "IPv4 External Reachability";
            case 131 -> "Inter-Domain Information Type";
            case 132 -> "IPv4 Interface address(es)";
            case 133 -> "IPv4 authentication (deprecated)";
            case 134 -> "Traffic Engineering Router ID";
            case 135 -> "Extended IPv4 Reachability";
            case 137 -> "Hostname";
            case 138 -> "Shared Risk Link Group";
            case 143 -> "Multi-Topology-Aware Port Capability";
            case 144 -> "Multi-Topology Capability";
            case 176, 177 -> "Nortel Proprietary";
            case 211 -> "Restart Signaling";
            case 222 -> "Multi Topology IS Reachability";
            case 229 -> "Multi Topology";
            case 232 -> "IPv6 Interface address(es)";
            case 235 -> "Multi-Topology IPv4 Reachability";
            case 236 -> "IPv6 reachability";
            case 237 -> "Multi-Topology IP6 Reachability";
            case 240 -> "Point-to-point Adjacency State";
            case 241 -> "Hello PDU Sequence Number";
            case 242 -> "IS-IS Router Capability";
            case 250 -> "Vendor Private";
            default -> "unknown";
        };
    }

    static String extIsReachSubTlv(int type) {
        return switch (type) {
            case 3 -> "Administrative groups";
            case 4 -> "Link Local/Remote Identifier";
            case 5 -> "Link Remote Identifier";
            case 6 -> "IPv4 interface address";
            case 8 -> "IPv4 neighbor address";
            case 9 -> "Maximum link bandwidth";
            case 10 -> "Reservable link bandwidth";
            case 11 -> "Unreserved bandwidth";
            case 12 -> "Bandwidth Constraints (old)";
            case 18 -> "Traffic Engineering Metric";
            case 19 -> "Link Attribute";
            case 20 -> "Link Protection Type";
            case 21 -> "Interface Switching Capability";
            case 22 -> "Bandwidth Constraints";
            case 29 -> "SPB Metric";
            case 32 -> "LAN Adjacency Segment Identifier";
            case 250, 251, 252, 253, 254 -> "Reserved for cisco specific extensions";
            case 255 -> "Reserved for future expansion";
            default -> "unknown";
        };
    }

    static String extIpReachSubTlv(int type) {
        return switch (type) {
            case 1 -> "32-Bit Administrative tag";
            case 2 -> "64-Bit Administrative tag";
            case 3 -> "Prefix SID";
            case 117 -> "Management Prefix Color";
            default -> "unknown";
        };
    }

    static final int[] PREFIX_SID_FLAGS = {0x80, 0x40, 0x20, 0x10, 0x08, 0x04};
    static final String[] PREFIX_SID_FLAG_NAMES = {"Readvertisement", "Node", "No-PHP", "Explicit NULL", "Value",
        "Local"};
    static final int[] LINK_ATTRIBUTES = {0x01, 0x02, 0x04};
    static final String[] LINK_ATTRIBUTE_NAMES = {"Local Protection Available",
        "Link excluded from local protection path", "Local maintenance required"};
    static final int[] LAN_ADJ_SID_FLAGS = {0x80, 0x40, 0x20, 0x10, 0x08, 0x04};
    static final String[] LAN_ADJ_SID_FLAG_NAMES = {"Address family IPv6", "Backup", "Value", "Local significance",
        "Set of adjacencies", "Persistent"};
    static final int[] MT_FLAGS = {0x4000, 0x8000};
    static final String[] MT_FLAG_NAMES = {"ATT bit set", "Overload bit set"};
    static final int[] RESTART_FLAGS = {0x1, 0x2, 0x4};
    static final String[] RESTART_FLAG_NAMES = {"Restart Request", "Restart Acknowledgement",
        "Suppress adjacency advertisement"};
    static final int[] ROUTER_CAPABILITY_FLAGS = {0x01, 0x02};
    static final String[] ROUTER_CAPABILITY_FLAG_NAMES = {"S bit", "D bit"};
    static final int[] SR_CAPABILITY_FLAGS = {0x80, 0x40};
    static final String[] SR_CAPABILITY_FLAG_NAMES = {"ipv4", "ipv6"};
    /** RFC 3471's link protection bits, 0x01 first (gmpls_link_prot_values). */
    static final int[] LINK_PROTECTION = {0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80};
    static final String[] LINK_PROTECTION_NAMES = {"Extra Traffic", "Unprotected", "Shared", "Dedicated 1:1",
        "Dedicated 1+1", "Enhanced", "Reserved", "Reserved"};

    static String topology(int mtid) {
        return switch (mtid) {
            case 0 -> "IPv4 unicast";
            case 1 -> "In-Band Management";
            case 2 -> "IPv6 unicast";
            case 3 -> "Multicast";
            case 4095 -> "Development, Experimental or Proprietary";
            default -> "Reserved for IETF Consensus";
        };
    }

    static String circuitType(int type) {
        return switch (type) {
            case 1 -> "Level 1 only";
            case 2 -> "Level 2 only";
            case 3 -> "Level 1, Level 2";
            default -> null;
        };
    }

    static String isType(int bits) {
        return switch (bits) {
            case 0 -> "Unused 0x0 (invalid)";
            case 1 -> "L1 IS";
            case 2 -> "Unused 0x2 (invalid)";
            default -> "L2 IS";
        };
    }

    static String adjacencyState(int state) {
        return switch (state) {
            case 0 -> "Up";
            case 1 -> "Initializing";
            case 2 -> "Down";
            default -> "unknown";
        };
    }

    static String authentication(int type) {
        return switch (type) {
            case 1 -> "simple text password";
            case 3 -> "Generic Crypto key-id";
            case 54 -> "HMAC-MD5 password";
            case 255 -> "Routing Domain private password";
            default -> null;
        };
    }

    static String idrp(int type) {
        return switch (type) {
            case 0 -> "Reserved";
            case 1 -> "Routing-Domain Specific";
            case 2 -> "AS Number Tag";
            default -> null;
        };
    }

    static String portCapabilitySubTlv(int type) {
        return switch (type) {
            case 4 -> "SPB MCID";
            case 5 -> "SPB Digest";
            case 6 -> "SPB BVID";
            default -> "unknown";
        };
    }

    static String mtCapabilitySubTlv(int type) {
        return switch (type) {
            case 1 -> "SPB Instance";
            case 3 -> "SPBM Service Identifier and Unicast Address";
            default -> "unknown";
        };
    }

    static String routerCapabilitySubTlv(int type) {
        return type == 2 ? "SR-Capabilities" : "unknown";
    }

    static String prefixSidAlgorithm(int algorithm) {
        return switch (algorithm) {
            case 0 -> "SPF";
            case 1 -> "strict-SPF";
            default -> "Unknown";
        };
    }

    /** gmpls_switch_cap_tsc_indication_values, null where tcpdump prints "Unknown (N)". */
    static String tscIndication(int indication) {
        return switch (indication) {
            case 0 -> "Standard SONET/SDH";
            case 1 -> "Arbitrary SONET/SDH";
            default -> null;
        };
    }
}
