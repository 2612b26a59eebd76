package dev.fabricscope.print;

/** The names tcpdump 4.99's print-ospf.c (and gmpls.c) gives OSPFv2 codes and bits. */
final class OspfNames {
    private OspfNames() { }

    /** Options bits, lowest first (Hello, DD and LSA headers). */
    static final String[] OPTIONS = {"MultiTopology", "External", "Multicast", "NSSA", "LLS", "Demand Circuit",
        "Opaque", "Up/Down"};
    static final int[] DD_FLAG_MASKS = {0x04, 0x02, 0x01, 0x08};
    static final String[] DD_FLAGS = {"Init", "More", "Master", "OOBResync"};
    static final int[] ROUTER_FLAG_MASKS = {0x01, 0x02, 0x04, 0x08, 0x10, 0x80};
    static final String[] ROUTER_FLAGS = {"ABR", "ASBR", "Virtual", "Wildcard", "Nt", "Host"};
    /** Router information capabilities, lowest bit first. */
    static final String[] RI_CAPABILITIES = {"Reserved", "Reserved", "Reserved", "Reserved", "graceful restart capable",
        "graceful restart helper", "Stub router support", "Traffic engineering", "p2p over LAN",
        "path computation server"};
    static final int[] RI_CAPABILITY_MASKS = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512};
    static final int[] LLS_EO_MASKS = {0x01, 0x02};
    static final String[] LLS_EO = {"LSDB resync", "Restart"};
    /** gmpls_link_prot_values, lowest bit first. */
    static final String[] LINK_PROTECTION = {"Extra Traffic", "Unprotected", "Shared", "Dedicated 1:1", "Dedicated 1+1",
        "Enhanced", "Reserved", "Reserved"};

    static String type(int type) {
        return switch (type) {
            case 1 -> "Hello";
            case 2 -> "Database Description";
            case 3 -> "LS-Request";
            case 4 -> "LS-Update";
            case 5 -> "LS-Ack";
            default -> null;
        };
    }

    static String lsa(long type) {
        return switch ((int) Math.min(type, 100)) {
            case 1 -> "Router";
            case 2 -> "Network";
            case 3 -> "Summary";
            case 4 -> "ASBR Summary";
            case 5 -> "External";
            case 6 -> "Multicast Group";
            case 7 -> "NSSA";
            case 9 -> "Link Local Opaque";
            case 10 -> "Area Local Opaque";
            case 11 -> "Domain Wide Opaque";
            default -> "unknown";
        };
    }

    static String authentication(int type) {
        return switch (type) {
            case 0 -> "none";
            case 1 -> "simple";
            case 2 -> "MD5";
            default -> "unknown";
        };
    }

    static String opaque(int type) {
        return switch (type) {
            case 1 -> "Traffic Engineering";
            case 3 -> "Graceful restart";
            case 4 -> "Router Information";
            default -> "unknown";
        };
    }

    static String topology(long id) {
        return id == 0 ? "default" : id == 1 ? "multicast" : id == 2 ? "management" : "Unknown";
    }

    static String teTlv(int type) {
        return type == 1 ? "Router Address" : type == 2 ? "Link" : "unknown";
    }

    static String teLinkSubTlv(int type) {
        return switch (type) {
            case 1 -> "Link Type";
            case 2 -> "Link ID";
            case 3 -> "Local Interface IP address";
            case 4 -> "Remote Interface IP address";
            case 5 -> "Traffic Engineering Metric";
            case 6 -> "Maximum Bandwidth";
            case 7 -> "Maximum Reservable Bandwidth";
            case 8 -> "Unreserved Bandwidth";
            case 9 -> "Administrative Group";
            case 11 -> "Link Local/Remote Identifier";
            case 14 -> "Link Protection Type";
            case 15 -> "Interface Switching Capability";
            case 16 -> "Shared Risk Link Group";
            case 17 -> "Bandwidth Constraints";
            default -> "unknown";
        };
    }

    static String graceTlv(int type) {
        return switch (type) {
            case 1 -> "Grace Period";
            case 2 -> "Graceful restart Reason";
            case 3 -> "IPv4 interface address";
            default -> "unknown";
        };
    }

    static String graceReason(int reason) {
        return switch (reason) {
            case 0 -> "Unknown";
            case 1 -> "Software Restart";
            case 2 -> "Software Reload/Upgrade";
            case 3 -> "Control Processor Switch";
            default -> "Unknown";
        };
    }

    static String linkType(int type) {
        return type == 1 ? "Point-to-point" : type == 2 ? "Multi-Access" : "unknown";
    }

    static String llsTlv(int type) {
        return type == 1 ? "Extended Options" : type == 2 ? "MD5 Authentication" : "Unknown TLV";
    }
}
