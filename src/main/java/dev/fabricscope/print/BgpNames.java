package dev.fabricscope.print;

/**
 * The names print-bgp.c (and its af.c and l2vpn.c) gives to BGP's numbers: message types, attributes, capabilities,
 * notification codes, address families and subsequent address families, extended community types. Each lookup
 * returns null where tcpdump has no name, so the caller prints tcpdump's fallback for that table.
 */
final class BgpNames {
    private BgpNames() { }

    static final int AFI_INET = 1, AFI_INET6 = 2, AFI_NSAP = 3, AFI_VPLS = 25, AFI_L2VPN = 196;
    static final int SAFI_UNICAST = 1, SAFI_MULTICAST = 2, SAFI_UNIMULTICAST = 3, SAFI_LABELED_UNICAST = 4,
        SAFI_MULTICAST_VPN = 5, SAFI_VPLS = 65, SAFI_MDT = 66, SAFI_VPN_UNICAST = 128, SAFI_VPN_MULTICAST = 129,
        SAFI_VPN_UNIMULTICAST = 130, SAFI_RT_ROUTING_INFO = 132;

    private static final String[] MESSAGES = {null, "Open", "Update", "Notification", "Keepalive", "Route Refresh"};

    static String message(int type) {
        return type < MESSAGES.length ? MESSAGES[type] : null;
    }

    static String attribute(int type) {
        return switch (type) {
            case 1 -> "Origin";
            case 2 -> "AS Path";
            case 3 -> "Next Hop";
            case 4 -> "Multi Exit Discriminator";
            case 5 -> "Local Preference";
            case 6 -> "Atomic Aggregate";
            case 7 -> "Aggregator";
            case 8 -> "Community";
            case 9 -> "Originator ID";
            case 10 -> "Cluster List";
            case 11 -> "DPA";
            case 12 -> "Advertisers";
            case 13 -> "RCID Path / Cluster ID";
            case 14 -> "Multi-Protocol Reach NLRI";
            case 15 -> "Multi-Protocol Unreach NLRI";
            case 16 -> "Extended Community";
            case 17 -> "AS4 Path";
            case 18 -> "Aggregator4";
            case 22 -> "PMSI Tunnel";
            case 23 -> "Tunnel Encapsulation";
            case 24 -> "Traffic Engineering";
            case 25 -> "IPv6 Extended Community";
            case 26 -> "Accumulated IGP Metric";
            case 27 -> "PE Distinguisher Label";
            case 28 -> "Entropy Label";
            case 32 -> "Large Community";
            case 128 -> "Attribute Set";
            case 255 -> "Reserved for development";
            default -> null;
        };
    }

    static String capability(int code) {
        return switch (code) {
            case 1 -> "Multiprotocol Extensions";
            case 2 -> "Route Refresh";
            case 3 -> "Cooperative Route Filtering";
            case 4 -> "Multiple Routes to a Destination";
            case 5 -> "Extended Next Hop Encoding";
            case 8 -> "Multiple Labels";
            case 64 -> "Graceful Restart";
            case 65 -> "32-Bit AS Number";
            case 67 -> "Dynamic Capability";
            case 68 -> "Multisession BGP";
            case 69 -> "Multiple Paths";
            case 70 -> "Enhanced Route Refresh";
            case 71 -> "Long-lived Graceful Restart";
            case 128 -> "Route Refresh (Cisco)";
            default -> null;
        };
    }

    static String optionalParameter(int type) {
        return switch (type) {
            case 1 -> "Authentication Information";
            case 2 -> "Capabilities Advertisement";
            default -> null;
        };
    }

    private static final String[] MAJOR = {null, "Message Header Error", "OPEN Message Error", "UPDATE Message Error",
        "Hold Timer Expired", "Finite State Machine Error", "Cease", "Capability Message Error"};
    private static final String[] MINOR_HEADER = {null, "Connection Not Synchronized", "Bad Message Length",
        "Bad Message Type"};
    private static final String[] MINOR_OPEN = {null, "Unsupported Version Number", "Bad Peer AS",
        "Bad BGP Identifier", "Unsupported Optional Parameter", "Authentication Failure", "Unacceptable Hold Time",
        "Capability Message Error"};
    private static final String[] MINOR_UPDATE = {null, "Malformed Attribute List", "Unrecognized Well-known Attribute",
        "Missing Well-known Attribute", "Attribute Flags Error", "Attribute Length Error", "Invalid ORIGIN Attribute",
        "AS Routing Loop", "Invalid NEXT_HOP Attribute", "Optional Attribute Error", "Invalid Network Field",
        "Malformed AS_PATH"};
    private static final String[] MINOR_FSM = {"Unspecified Error", "In OpenSent State", "In OpenConfirm State",
        "In Established State"};
    private static final String[] MINOR_CEASE = {null, "Maximum Number of Prefixes Reached", "Administrative Shutdown",
        "Peer Unconfigured", "Administrative Reset", "Connection Rejected", "Other Configuration Change",
        "Connection Collision Resolution"};
    private static final String[] MINOR_CAPABILITY = {null, "Invalid Action Value", "Invalid Capability Length",
        "Malformed Capability Value", "Unsupported Capability Code"};

    static String errorCode(int major) {
        return entry(MAJOR, major);
    }

    /** The subcode table of a major code; null for the codes tcpdump prints no subcode of. */
    static String[] errorSubcodes(int major) {
        return switch (major) {
            case 1 -> MINOR_HEADER;
            case 2 -> MINOR_OPEN;
            case 3 -> MINOR_UPDATE;
            case 5 -> MINOR_FSM;
            case 6 -> MINOR_CEASE;
            case 7 -> MINOR_CAPABILITY;
            default -> null;
        };
    }

    static String entry(String[] table, int i) {
        return i >= 0 && i < table.length ? table[i] : null;
    }

    private static final String[] ORIGINS = {"IGP", "EGP", "Incomplete"};

    static String origin(int code) {
        return entry(ORIGINS, code);
    }

    private static final String[] FAMILIES = {"Reserved", "IPv4", "IPv6", "NSAP", "HDLC", "BBN 1822", "802", "E.163",
        "E.164", "F.69", "X.121", "Novell IPX", "Appletalk", "Decnet IV", "Banyan Vines", "E.164 with NSAP subaddress"};

    /** af.c's af_values. */
    static String family(int afi) {
        if (afi == AFI_VPLS) return "VPLS";
        if (afi == AFI_L2VPN) return "Layer-2 VPN";
        return entry(FAMILIES, afi);
    }

    static String subsequentFamily(int safi) {
        return switch (safi) {
            case 0 -> "Reserved";
            case SAFI_UNICAST -> "Unicast";
            case SAFI_MULTICAST -> "Multicast";
            case SAFI_UNIMULTICAST -> "Unicast+Multicast";
            case SAFI_LABELED_UNICAST -> "labeled Unicast";
            case SAFI_MULTICAST_VPN -> "Multicast VPN";
            case 64 -> "Tunnel";
            case SAFI_VPLS -> "VPLS";
            case SAFI_MDT -> "MDT";
            case 70 -> "EVPN";
            case SAFI_VPN_UNICAST -> "labeled VPN Unicast";
            case SAFI_VPN_MULTICAST -> "labeled VPN Multicast";
            case SAFI_VPN_UNIMULTICAST -> "labeled VPN Unicast+Multicast";
            case SAFI_RT_ROUTING_INFO -> "Route Target Routing Information";
            default -> null;
        };
    }

    /** "NAME (n)" of an AFI or SAFI, with tcpdump's "Unknown" for numbers it has no name for. */
    static void familyAndNumber(StringBuilder out, String name, int number) {
        out.append(name != null ? name : "Unknown").append(" (").append(number).append(')');
    }

    static String extendedCommunity(int type) {
        return switch (type) {
            case 0x0002, 0x0102, 0x0202 -> "target";
            case 0x0003, 0x0103, 0x0203 -> "origin";
            case 0x4004 -> "link-BW";
            case 0x0005, 0x0105, 0x0205, 0x8005 -> "ospf-domain";
            case 0x0306, 0x8000 -> "ospf-route-type";
            case 0x030c -> "encapsulation";
            case 0x0107, 0x8001 -> "ospf-router-id";
            case 0x800a -> "layer2-info";
            case 0x8800 -> "eigrp-general-route (flag, tag)";
            case 0x8801 -> "eigrp-route-metric (AS, delay)";
            case 0x8802 -> "eigrp-route-metric (reliability, nexthop, bandwidth)";
            case 0x8803 -> "eigrp-route-metric (load, MTU)";
            case 0x8804 -> "eigrp-external-route (remote-AS, remote-ID)";
            case 0x8805 -> "eigrp-external-route (remote-proto, remote-metric)";
            case 0x0009 -> "source-AS";
            case 0x010b -> "vrf-route-import";
            case 0x000a, 0xf10a -> "l2vpn-id";
            default -> null;
        };
    }

    private static final String[] TUNNEL_TYPES = {null, "L2TPv3 over IP", "GRE", "Transmit Tunnel", "IPsec",
        "IP in IP with IPsec", "MPLS in IP with IPsec", "IP in IP", "VXLAN", "NVGRE", "MPLS", "MPLS in GRE",
        "VXLAN GPE", "MPLS in UDP", "IPv6", "SR TE", "Bare", "SR"};

    /** RFC 5512 tunnel types of the encapsulation extended community. */
    static String tunnelType(int type) {
        return entry(TUNNEL_TYPES, type);
    }

    static String ospfRouteType(int type) {
        return switch (type) {
            case 1 -> "Router";
            case 2 -> "Network";
            case 3 -> "Summary";
            case 5 -> "External";
            case 7 -> "NSSA External";
            case 129 -> "MPLS-VPN Sham";
            default -> null;
        };
    }

    /** l2vpn.c's l2vpn_encaps_values. */
    static String layer2Encapsulation(int type) {
        return switch (type) {
            case 0 -> "Reserved";
            case 1 -> "Frame Relay";
            case 2 -> "ATM AAL5 SDU VCC transport";
            case 3 -> "ATM transparent cell transport";
            case 4 -> "Ethernet (VLAN) Tagged Mode";
            case 5 -> "Ethernet Raw Mode";
            case 6 -> "Cisco HDLC";
            case 7 -> "PPP";
            case 8 -> "SONET/SDH Circuit Emulation Service over MPLS";
            case 9 -> "ATM n-to-one VCC cell transport";
            case 10 -> "ATM n-to-one VPC cell transport";
            case 11 -> "IP layer 2 transport";
            case 15 -> "Frame Relay Port mode";
            case 17 -> "Structure-agnostic E1 over packet";
            case 18 -> "Structure-agnostic T1 (DS1) over packet";
            case 19 -> "VPLS";
            case 20 -> "Structure-agnostic T3 (DS3) over packet";
            case 21 -> "Nx64kbit/s Basic Service using Structure-aware";
            case 25 -> "Frame Relay DLCI";
            case 40 -> "Structure-agnostic E3 over packet";
            case 41 -> "Octet-aligned playload for Structure-agnostic DS1 circuits";
            case 42 -> "E1 Nx64kbit/s with CAS using Structure-aware";
            case 43 -> "DS1 (ESF) Nx64kbit/s with CAS using Structure-aware";
            case 44 -> "DS1 (SF) Nx64kbit/s with CAS using Structure-aware";
            default -> null;
        };
    }

    private static final String[] PMSI_TUNNELS = {null, "RSVP-TE P2MP LSP", "LDP P2MP LSP", "PIM-SSM Tree",
        "PIM-SM Tree", "PIM-Bidir Tree", "Ingress Replication", "LDP MP2MP LSP"};

    static String pmsiTunnel(int type) {
        return entry(PMSI_TUNNELS, type);
    }

    private static final String[] MVPN_ROUTES = {null, "Intra-AS I-PMSI", "Inter-AS I-PMSI", "S-PMSI",
        "Intra-AS Segment-Leaf", "Source-Active", "Shared Tree Join", "Source Tree Join"};

    static String multicastVpnRoute(int type) {
        return entry(MVPN_ROUTES, type);
    }
}
