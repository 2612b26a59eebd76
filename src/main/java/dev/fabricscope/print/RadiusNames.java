package dev.fabricscope.print;

/**
 * The names tcpdump 4.99's RADIUS printer uses (print-radius.c, oui.c): packet codes, the attribute table (name, how
 * its value prints, the standard values of enumerated ones), Error-Cause values, MIP6 feature bits, and the SMI
 * enterprise numbers it names in Vendor-Specific attributes.
 */
final class RadiusNames {
    private RadiusNames() { }

    /** How an attribute's value prints (tcpdump's print function for it; {@link #NONE}: none, only -vv's hex). */
    enum Kind {
        NONE, STRING, NUMBER, ADDRESS, ADDRESS6, PREFIX6, VENDOR, TIME, FEATURE_VECTOR, HOME_LINK_PREFIX,
        OPERATOR_NAME, LOCATION_INFORMATION, LOCATION_DATA, LOCATION_POLICY, OTHER
    }

    /**
     * One row of the attribute table: values of an enumerated attribute name {@code values[v]} for
     * {@code first <= v < values.length}.
     */
    record Attribute(String name, Kind kind, String[] values, int first) { }

    private static final String[] SERVICE_TYPES = {
        null, "Login", "Framed", "Callback Login", "Callback Framed", "Outbound", "Administrative", "NAS Prompt",
        "Authenticate Only", "Callback NAS Prompt", "Call Check", "Callback Administrative", "Voice", "Fax",
        "Modem Relay", "IAPP-Register", "IAPP-AP-Check", "Authorize Only", "Framed-Management",
        "Additional-Authorization"
    };
    private static final String[] FRAMED_PROTOCOLS = {
        null, "PPP", "SLIP", "ARAP", "Gandalf proprietary", "Xylogics IPX/SLIP", "X.75 Synchronous",
        "GPRS PDP Context"
    };
    private static final String[] FRAMED_ROUTING = {
        "None", "Send", "Listen", "Send&Listen"
    };
    private static final String[] FRAMED_COMPRESSION = {
        "None", "VJ TCP/IP", "IPX", "Stac-LZS"
    };
    private static final String[] LOGIN_SERVICES = {
        "Telnet", "Rlogin", "TCP Clear", "PortMaster(proprietary)", "LAT", "X.25-PAD", "X.25-T3POS", "Unassigned",
        "TCP Clear Quiet"
    };
    private static final String[] TERMINATION_ACTIONS = {
        "Default", "RADIUS-Request"
    };
    private static final String[] ACCT_STATUS_TYPES = {
        null, "Start", "Stop", "Interim-Update", "Unassigned", "Unassigned", "Unassigned", "Accounting-On",
        "Accounting-Off", "Tunnel-Start", "Tunnel-Stop", "Tunnel-Reject", "Tunnel-Link-Start", "Tunnel-Link-Stop",
        "Tunnel-Link-Reject", "Failed"
    };
    private static final String[] ACCT_AUTHENTIC = {
        null, "RADIUS", "Local", "Remote", "Diameter"
    };
    private static final String[] ACCT_TERMINATE_CAUSES = {
        null, "User Request", "Lost Carrier", "Lost Service", "Idle Timeout", "Session Timeout", "Admin Reset",
        "Admin Reboot", "Port Error", "NAS Error", "NAS Request", "NAS Reboot", "Port Unneeded", "Port Preempted",
        "Port Suspended", "Service Unavailable", "Callback", "User Error", "Host Request", "Supplicant Restart",
        "Reauthentication Failure", "Port Reinitialized", "Port Administratively Disabled", "Lost Power"
    };
    private static final String[] INGRESS_FILTERS = {
        null, "Enabled", "Disabled"
    };
    private static final String[] NAS_PORT_TYPES = {
        "Async", "Sync", "ISDN Sync", "ISDN Async V.120", "ISDN Async V.110", "Virtual", "PIAFS",
        "HDLC Clear Channel", "X.25", "X.75", "G.3 Fax", "SDSL", "ADSL-CAP", "ADSL-DMT", "ISDN-DSL", "Ethernet",
        "xDSL", "Cable", "Wireless - Other", "Wireless - IEEE 802.11", "Token-Ring", "FDDI", "Wireless - CDMA200",
        "Wireless - UMTS", "Wireless - 1X-EV", "IAPP", "FTTP", "Wireless - IEEE 802.16", "Wireless - IEEE 802.20",
        "Wireless - IEEE 802.22", "PPPoA", "PPPoEoA", "PPPoEoE", "PPPoEoVLAN", "PPPoEoQinQ", "xPON", "Wireless - XGP",
        "WiMAX Pre-Release 8 IWK Function", "WIMAX-WIFI-IWK", "WIMAX-SFF", "WIMAX-HA-LMA", "WIMAX-DHCP", "WIMAX-LBS",
        "WIMAX-WVS"
    };
    private static final String[] TUNNEL_TYPES = {
        null, "PPTP", "L2F", "L2TP", "ATMP", "VTP", "AH", "IP-IP", "MIN-IP-IP", "ESP", "GRE", "DVS",
        "IP-in-IP Tunneling", "VLAN"
    };
    private static final String[] TUNNEL_MEDIUM_TYPES = {
        null, "IPv4", "IPv6", "NSAP", "HDLC", "BBN 1822", "802", "E.163", "E.164", "F.69", "X.121", "IPX",
        "Appletalk", "Decnet IV", "Banyan Vines", "E.164 with NSAP subaddress"
    };
    private static final String[] ARAP_ZONE_ACCESS = {
        null, "Only access to dfl zone", "Use zone filter inc.", "Not used", "Use zone filter exc."
    };
    private static final String[] PROMPTS = {
        "No Echo", "Echo"
    };

    /** By attribute type, 0 to 129 (tcpdump names 0 and anything past the table "Unknown"). */
    static final Attribute[] ATTRIBUTES = {
        new Attribute(null, Kind.NONE, null, 0),   // 0
        new Attribute("User-Name", Kind.STRING, null, 0),   // 1
        new Attribute("User-Password", Kind.NONE, null, 0),   // 2
        new Attribute("CHAP-Password", Kind.NONE, null, 0),   // 3
        new Attribute("NAS-IP-Address", Kind.ADDRESS, null, 0),   // 4
        new Attribute("NAS-Port", Kind.NUMBER, null, 0),   // 5
        new Attribute("Service-Type", Kind.NUMBER, SERVICE_TYPES, 1),   // 6
        new Attribute("Framed-Protocol", Kind.NUMBER, FRAMED_PROTOCOLS, 1),   // 7
        new Attribute("Framed-IP-Address", Kind.ADDRESS, null, 0),   // 8
        new Attribute("Framed-IP-Netmask", Kind.ADDRESS, null, 0),   // 9
        new Attribute("Framed-Routing", Kind.NUMBER, FRAMED_ROUTING, 0),   // 10
        new Attribute("Filter-Id", Kind.STRING, null, 0),   // 11
        new Attribute("Framed-MTU", Kind.NUMBER, null, 0),   // 12
        new Attribute("Framed-Compression", Kind.NUMBER, FRAMED_COMPRESSION, 0),   // 13
        new Attribute("Login-IP-Host", Kind.ADDRESS, null, 0),   // 14
        new Attribute("Login-Service", Kind.NUMBER, LOGIN_SERVICES, 0),   // 15
        new Attribute("Login-TCP-Port", Kind.NUMBER, null, 0),   // 16
        new Attribute("Unassigned", Kind.NONE, null, 0),   // 17
        new Attribute("Reply-Message", Kind.STRING, null, 0),   // 18
        new Attribute("Callback-Number", Kind.STRING, null, 0),   // 19
        new Attribute("Callback-Id", Kind.STRING, null, 0),   // 20
        new Attribute("Unassigned", Kind.NONE, null, 0),   // 21
        new Attribute("Framed-Route", Kind.STRING, null, 0),   // 22
        new Attribute("Framed-IPX-Network", Kind.NUMBER, null, 0),   // 23
        new Attribute("State", Kind.STRING, null, 0),   // 24
        new Attribute("Class", Kind.STRING, null, 0),   // 25
        new Attribute("Vendor-Specific", Kind.VENDOR, null, 0),   // 26
        new Attribute("Session-Timeout", Kind.NUMBER, null, 0),   // 27
        new Attribute("Idle-Timeout", Kind.NUMBER, null, 0),   // 28
        new Attribute("Termination-Action", Kind.NUMBER, TERMINATION_ACTIONS, 0),   // 29
        new Attribute("Called-Station-Id", Kind.STRING, null, 0),   // 30
        new Attribute("Calling-Station-Id", Kind.STRING, null, 0),   // 31
        new Attribute("NAS-Identifier", Kind.STRING, null, 0),   // 32
        new Attribute("Proxy-State", Kind.STRING, null, 0),   // 33
        new Attribute("Login-LAT-Service", Kind.STRING, null, 0),   // 34
        new Attribute("Login-LAT-Node", Kind.STRING, null, 0),   // 35
        new Attribute("Login-LAT-Group", Kind.STRING, null, 0),   // 36
        new Attribute("Framed-AppleTalk-Link", Kind.NUMBER, null, 0),   // 37
        new Attribute("Framed-AppleTalk-Network", Kind.NUMBER, null, 0),   // 38
        new Attribute("Framed-AppleTalk-Zone", Kind.STRING, null, 0),   // 39
        new Attribute("Acct-Status-Type", Kind.NUMBER, ACCT_STATUS_TYPES, 1),   // 40
        new Attribute("Acct-Delay-Time", Kind.NUMBER, null, 0),   // 41
        new Attribute("Acct-Input-Octets", Kind.NUMBER, null, 0),   // 42
        new Attribute("Acct-Output-Octets", Kind.NUMBER, null, 0),   // 43
        new Attribute("Acct-Session-Id", Kind.STRING, null, 0),   // 44
        new Attribute("Acct-Authentic", Kind.NUMBER, ACCT_AUTHENTIC, 1),   // 45
        new Attribute("Acct-Session-Time", Kind.NUMBER, null, 0),   // 46
        new Attribute("Acct-Input-Packets", Kind.NUMBER, null, 0),   // 47
        new Attribute("Acct-Output-Packets", Kind.NUMBER, null, 0),   // 48
        new Attribute("Acct-Terminate-Cause", Kind.NUMBER, ACCT_TERMINATE_CAUSES, 1),   // 49
        new Attribute("Acct-Multi-Session-Id", Kind.STRING, null, 0),   // 50
        new Attribute("Acct-Link-Count", Kind.NUMBER, null, 0),   // 51
        new Attribute("Acct-Input-Gigawords", Kind.NUMBER, null, 0),   // 52
        new Attribute("Acct-Output-Gigawords", Kind.NUMBER, null, 0),   // 53
        new Attribute("Unassigned", Kind.NONE, null, 0),   // 54
        new Attribute("Event-Timestamp", Kind.TIME, null, 0),   // 55
        new Attribute("Egress-VLANID", Kind.NUMBER, null, 0),   // 56
        new Attribute("Ingress-Filters", Kind.NUMBER, INGRESS_FILTERS, 1),   // 57
        new Attribute("Egress-VLAN-Name", Kind.STRING, null, 0),   // 58
        new Attribute("User-Priority-Table", Kind.NONE, null, 0),   // 59
        new Attribute("CHAP-Challenge", Kind.STRING, null, 0),   // 60
        new Attribute("NAS-Port-Type", Kind.NUMBER, NAS_PORT_TYPES, 0),   // 61
        new Attribute("Port-Limit", Kind.NUMBER, null, 0),   // 62
        new Attribute("Login-LAT-Port", Kind.STRING, null, 0),   // 63
        new Attribute("Tunnel-Type", Kind.NUMBER, TUNNEL_TYPES, 1),   // 64
        new Attribute("Tunnel-Medium-Type", Kind.NUMBER, TUNNEL_MEDIUM_TYPES, 1),   // 65
        new Attribute("Tunnel-Client-Endpoint", Kind.STRING, null, 0),   // 66
        new Attribute("Tunnel-Server-Endpoint", Kind.STRING, null, 0),   // 67
        new Attribute("Acct-Tunnel-Connection", Kind.STRING, null, 0),   // 68
        new Attribute("Tunnel-Password", Kind.STRING, null, 0),   // 69
        new Attribute("ARAP-Password", Kind.OTHER, null, 0),   // 70
        new Attribute("ARAP-Features", Kind.OTHER, null, 0),   // 71
        new Attribute("ARAP-Zone-Access", Kind.NUMBER, ARAP_ZONE_ACCESS, 1),   // 72
        new Attribute("ARAP-Security", Kind.STRING, null, 0),   // 73
        new Attribute("ARAP-Security-Data", Kind.STRING, null, 0),   // 74
        new Attribute("Password-Retry", Kind.NUMBER, null, 0),   // 75
        new Attribute("Prompt", Kind.NUMBER, PROMPTS, 0),   // 76
        new Attribute("Connect-Info", Kind.STRING, null, 0),   // 77
        new Attribute("Configuration-Token", Kind.STRING, null, 0),   // 78
        new Attribute("EAP-Message", Kind.STRING, null, 0),   // 79
        new Attribute("Message-Authenticator", Kind.STRING, null, 0),   // 80
        new Attribute("Tunnel-Private-Group-ID", Kind.STRING, null, 0),   // 81
        new Attribute("Tunnel-Assignment-ID", Kind.STRING, null, 0),   // 82
        new Attribute("Tunnel-Preference", Kind.NUMBER, null, 0),   // 83
        new Attribute("ARAP-Challenge-Response", Kind.OTHER, null, 0),   // 84
        new Attribute("Acct-Interim-Interval", Kind.NUMBER, null, 0),   // 85
        new Attribute("Acct-Tunnel-Packets-Lost", Kind.NUMBER, null, 0),   // 86
        new Attribute("NAS-Port-Id", Kind.STRING, null, 0),   // 87
        new Attribute("Framed-Pool", Kind.STRING, null, 0),   // 88
        new Attribute("CUI", Kind.STRING, null, 0),   // 89
        new Attribute("Tunnel-Client-Auth-ID", Kind.STRING, null, 0),   // 90
        new Attribute("Tunnel-Server-Auth-ID", Kind.STRING, null, 0),   // 91
        new Attribute("NAS-Filter-Rule", Kind.STRING, null, 0),   // 92
        new Attribute("Unassigned", Kind.NONE, null, 0),   // 93
        new Attribute("Originating-Line-Info", Kind.NONE, null, 0),   // 94
        new Attribute("NAS-IPv6-Address", Kind.ADDRESS6, null, 0),   // 95
        new Attribute("Framed-Interface-ID", Kind.NONE, null, 0),   // 96
        new Attribute("Framed-IPv6-Prefix", Kind.PREFIX6, null, 0),   // 97
        new Attribute("Login-IPv6-Host", Kind.ADDRESS6, null, 0),   // 98
        new Attribute("Framed-IPv6-Route", Kind.STRING, null, 0),   // 99
        new Attribute("Framed-IPv6-Pool", Kind.STRING, null, 0),   // 100
        new Attribute("Error-Cause", Kind.OTHER, null, 0),   // 101
        new Attribute("EAP-Key-Name", Kind.NONE, null, 0),   // 102
        new Attribute("Digest-Response", Kind.STRING, null, 0),   // 103
        new Attribute("Digest-Realm", Kind.STRING, null, 0),   // 104
        new Attribute("Digest-Nonce", Kind.STRING, null, 0),   // 105
        new Attribute("Digest-Response-Auth", Kind.STRING, null, 0),   // 106
        new Attribute("Digest-Nextnonce", Kind.STRING, null, 0),   // 107
        new Attribute("Digest-Method", Kind.STRING, null, 0),   // 108
        new Attribute("Digest-URI", Kind.STRING, null, 0),   // 109
        new Attribute("Digest-Qop", Kind.STRING, null, 0),   // 110
        new Attribute("Digest-Algorithm", Kind.STRING, null, 0),   // 111
        new Attribute("Digest-Entity-Body-Hash", Kind.STRING, null, 0),   // 112
        new Attribute("Digest-CNonce", Kind.STRING, null, 0),   // 113
        new Attribute("Digest-Nonce-Count", Kind.STRING, null, 0),   // 114
        new Attribute("Digest-Username", Kind.STRING, null, 0),   // 115
        new Attribute("Digest-Opaque", Kind.STRING, null, 0),   // 116
        new Attribute("Digest-Auth-Param", Kind.STRING, null, 0),   // 117
        new Attribute("Digest-AKA-Auts", Kind.STRING, null, 0),   // 118
        new Attribute("Digest-Domain", Kind.STRING, null, 0),   // 119
        new Attribute("Digest-Stale", Kind.STRING, null, 0),   // 120
        new Attribute("Digest-HA1", Kind.STRING, null, 0),   // 121
        new Attribute("SIP-AOR", Kind.STRING, null, 0),   // 122
        new Attribute("Delegated-IPv6-Prefix", Kind.PREFIX6, null, 0),   // 123
        new Attribute("MIP6-Feature-Vector", Kind.FEATURE_VECTOR, null, 0),   // 124
        new Attribute("MIP6-Home-Link-Prefix", Kind.HOME_LINK_PREFIX, null, 0),   // 125
        new Attribute("Operator-Name", Kind.OPERATOR_NAME, null, 0),   // 126
        new Attribute("Location-Information", Kind.LOCATION_INFORMATION, null, 0),   // 127
        new Attribute("Location-Data", Kind.LOCATION_DATA, null, 0),   // 128
        new Attribute("Basic-Location-Policy-Rules", Kind.LOCATION_POLICY, null, 0)    // 129
    };

    static String code(int code) {
        return switch (code) {
            case 1 -> "Access-Request";
            case 2 -> "Access-Accept";
            case 3 -> "Access-Reject";
            case 4 -> "Accounting-Request";
            case 5 -> "Accounting-Response";
            case 11 -> "Access-Challenge";
            case 12 -> "Status-Server";
            case 13 -> "Status-Client";
            case 40 -> "Disconnect-Request";
            case 41 -> "Disconnect-ACK";
            case 42 -> "Disconnect-NAK";
            case 43 -> "CoA-Request";
            case 44 -> "CoA-ACK";
            case 45 -> "CoA-NAK";
            case 255 -> "Reserved";
            default -> "Unknown Command";
        };
    }

    /** Error-Cause values (RFC 5176), else null. */
    static String errorCause(long value) {
        return switch ((int) value == value ? (int) value : -1) {
            case 201 -> "Residual Session Context Removed";
            case 202 -> "Invalid EAP Packet (Ignored)";
            case 401 -> "Unsupported Attribute";
            case 402 -> "Missing Attribute";
            case 403 -> "NAS Identification Mismatch";
            case 404 -> "Invalid Request";
            case 405 -> "Unsupported Service";
            case 406 -> "Unsupported Extension";
            case 407 -> "Invalid Attribute Value";
            case 501 -> "Administratively Prohibited";
            case 502 -> "Request Not Routable (Proxy)";
            case 503 -> "Session Context Not Found";
            case 504 -> "Session Context Not Removable";
            case 505 -> "Other Proxy Processing Error";
            case 506 -> "Resources Unavailable";
            case 507 -> "Request Initiated";
            case 508 -> "Multiple Session Selection Unsupported";
            case 509 -> "Location Info Required";
            default -> null;
        };
    }

    /** MIP6-Feature-Vector bits, in tcpdump's order. */
    static final long[] FEATURE_BITS = {0x1L, 0x2L, 0x0000010000000000L, 0x0000020000000000L, 0x0000040000000000L,
        0x0000080000000000L, 0x0000100000000000L, 0x0000200000000000L, 0x0000400000000000L, 0x0000800000000000L,
        0x0001000000000000L, 0x0002000000000000L};
    static final String[] FEATURE_NAMES = {"MIP6_INTEGRATED", "LOCAL_HOME_AGENT_ASSIGNMENT", "PMIP6_SUPPORTED",
        "IP4_HOA_SUPPORTED", "LOCAL_MAG_ROUTING_SUPPORTED", "ASSIGN_LOCAL_IP", "MIP4_SUPPORTED",
        "OPTIMIZED_IDLE_MODE_MOBILITY", "GTPv2_SUPPORTED", "IP4_TRANSPORT_SUPPORTED", "IP4_HOA_ONLY_SUPPORTED",
        "INTER_MAG_ROUTING_SUPPORTED"};

    /** Operator-Name namespaces (RFC 5580), else null. */
    static String operatorNamespace(int id) {
        return switch (id) {
            case 0x30 -> "TADIG";
            case 0x31 -> "REALM";
            case 0x32 -> "E212";
            case 0x33 -> "ICC";
            default -> null;
        };
    }

    /** Location-Information codes and entities (RFC 5580), by value. */
    static final String[] LOCATION_CODES = {"Civic", "Geospatial"};
    static final String[] LOCATION_ENTITIES = {"User", "RADIUS"};

    /** Basic-Location-Policy-Rules flags, bit 0 first. */
    static final String[] LOCATION_POLICY_FLAGS = {"MBZ-15", "MBZ-14", "MBZ-13", "MBZ-12", "MBZ-11", "MBZ-10",
        "MBZ-9", "MBZ-8", "MBZ-7", "MBZ-6", "MBZ-5", "MBZ-4", "MBZ-3", "MBZ-2", "MBZ-1", "Retransmission Allowed"};

    /** RFC 4675's tag octet of Egress-VLANID and Egress-VLAN-Name. */
    static String vlanTag(int tag) {
        return tag == 0x31 ? "Tagged" : tag == 0x32 ? "Untagged" : "Unknown tag";
    }

    /** SMI enterprise numbers as tcpdump's smi_values names them, else "Unknown". */
    static String vendor(long id) {
        return switch ((int) id == id ? (int) id : -1) {
            case 0 -> "IETF (reserved)";
            case 5 -> "ACC";
            case 9 -> "Cisco";
            case 11 -> "Hewlett Packard";
            case 42 -> "Sun Microsystems";
            case 61 -> "Merit";
            case 74 -> "AT&T";
            case 161 -> "Motorola";
            case 166 -> "Shiva";
            case 193 -> "Ericsson AB";
            case 255 -> "Cisco VPN 5000";
            case 307 -> "Livingston";
            case 311 -> "Microsoft";
            case 429 -> "3Com";
            case 529 -> "Ascend";
            case 1584 -> "Bay Networks";
            case 1991 -> "Foundry";
            case 2180 -> "Versanet";
            case 2352 -> "Redback";
            case 2636 -> "Juniper Networks";
            case 2637 -> "Aptis";
            case 2937 -> "Deutsche Telekom AG";
            case 3054 -> "Ixia Communications";
            case 3076 -> "Cisco VPN 3000";
            case 3085 -> "CoSine Communications";
            case 3199 -> "Shasta";
            case 3224 -> "Netscreen";
            case 3309 -> "Nomadix";
            case 3414, 6490 -> "T-Mobile";
            case 3561 -> "The Broadband Forum";
            case 3902 -> "ZTE";
            case 4329 -> "Siemens";
            case 4491 -> "CableLabs";
            case 4874 -> "Unisphere Networks";
            case 5263 -> "Cisco BBSM";
            case 5535 -> "3rd Generation Partnership Project 2 (3GPP2)";
            case 5806 -> "SK Telecom";
            case 5925 -> "ipUnplugged";
            case 5948 -> "Issanni Communications";
            case 5951 -> "Netscaler";
            case 6618 -> "Quintum";
            case 6728 -> "Interlink";
            case 7951 -> "CNCTC";
            case 8164 -> "Starent Networks";
            case 8744 -> "Colubris";
            case 10415 -> "3GPP";
            case 10529 -> "Gemtek-Systems";
            case 10704 -> "Barracuda Networks";
            case 10923 -> "Ericsson AB - Packet Core Networks";
            case 11665 -> "dacom";
            case 11862 -> "Columbia University";
            case 12356 -> "Fortinet";
            case 12951 -> "Verizon Wireless";
            case 13745 -> "Plixer";
            case 14122 -> "Wi-Fi Alliance";
            case 16787 -> "T-Systems Nova";
            case 20942 -> "China Telecom - Guangzhou Research Institute";
            case 26866 -> "Gigamon Systems";
            case 32622 -> "CACE Technologies";
            case 35632 -> "ntop";
            case 46098 -> "Ericsson Canada";
            default -> "Unknown";
        };
    }
}
