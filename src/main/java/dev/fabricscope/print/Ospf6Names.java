package dev.fabricscope.print;

/** The names tcpdump 4.99's print-ospf6.c gives OSPFv3 codes and bits. */
final class Ospf6Names {
    private Ospf6Names() { }

    static final int[] OPTION_MASKS = {0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x100, 0x200, 0x400};
    static final String[] OPTIONS = {"V6", "External", "Deprecated", "NSSA", "Router", "Demand Circuit", "AFs Support",
        "LLS", "Authentication Trailer"};
    static final String[] ROUTER_FLAGS = {"ABR", "External", "Virtual-Link Endpoint", "Deprecated", "NSSA Translator"};
    static final int[] EXTERNAL_FLAG_MASKS = {0x80000000, 0x02000000, 0x01000000};
    static final String[] EXTERNAL_FLAGS = {"External Type 2", "Forwarding", "Tag"};
    static final int[] DD_FLAG_MASKS = {0x04, 0x02, 0x01, 0x10};
    static final String[] DD_FLAGS = {"Init", "More", "Master", "IPv6 MTU"};
    /** Prefix options, lowest bit first. */
    static final String[] PREFIX_OPTIONS = {"No Unicast", "Local address", "Deprecated", "Propagate", "Down", "N-bit"};

    static String lsa(int type) {
        return switch (type) {
            case 1 -> "Router";
            case 2 -> "Network";
            case 3 -> "Inter-Area Prefix";
            case 4 -> "Inter-Area Router";
            case 5 -> "External";
            case 6 -> "Deprecated";
            case 7 -> "NSSA";
            case 8 -> "Link";
            case 9 -> "Intra-Area Prefix";
            case 10 -> "Intra-Area TE";
            case 11 -> "Grace";
            case 12 -> "Router Information";
            case 13 -> "Inter-AS-TE";
            case 14 -> "Layer 1 VPN";
            default -> "Unknown";
        };
    }

    static String scope(int scope) {
        return switch (scope) {
            case 0 -> "Link Local";
            case 0x2000 -> "Area Local";
            case 0x4000 -> "Domain Wide";
            default -> "Unknown";
        };
    }
}
