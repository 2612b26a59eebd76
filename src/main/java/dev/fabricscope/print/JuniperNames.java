package dev.fabricscope.print;

/** The names tcpdump gives the values of Junos capture extension TLVs (print-juniper.c's tables), or null. */
final class JuniperNames {
    private JuniperNames() { }

    /** A device media type (TLVs 3 and 7): juniper_ifmt_values. */
    static String mediaType(int value) {
        return switch (value) {
            case 1 -> "Ethernet";
            case 2 -> "FDDI";
            case 3 -> "Token-Ring";
            case 4 -> "PPP";
            case 5 -> "Frame-Relay";
            case 6 -> "Cisco-HDLC";
            case 7 -> "SMDS-DXI";
            case 8 -> "ATM-PVC";
            case 9 -> "PPP-CCC";
            case 10 -> "Frame-Relay-CCC";
            case 11 -> "IP-over-IP";
            case 12 -> "GRE";
            case 13 -> "PIM-Encapsulator";
            case 14 -> "PIM-Decapsulator";
            case 15 -> "Cisco-HDLC-CCC";
            case 16 -> "VLAN-CCC";
            case 17 -> "Multilink-PPP";
            case 18 -> "Multilink-FR";
            case 19 -> "Multilink";
            case 20 -> "LSI";
            case 22 -> "ATM-CCC-Cell-Relay";
            case 23 -> "IPSEC-over-IP";
            case 24 -> "GGSN";
            case 27 -> "PPP-TCC";
            case 28 -> "Frame-Relay-TCC";
            case 29 -> "Cisco-HDLC-TCC";
            case 30 -> "Ethernet-CCC";
            case 31 -> "VPN-Loopback-tunnel";
            case 32 -> "Extended-VLAN-CCC";
            case 33 -> "Ethernet-over-ATM";
            case 34 -> "Monitor";
            case 35 -> "Ethernet-TCC";
            case 36 -> "VLAN-TCC";
            case 37 -> "Extended-VLAN-TCC";
            case 38 -> "Controller";
            case 39 -> "Multilink-FR-UNI-NNI";
            case 40 -> "LinkService";
            case 41 -> "VPLS";
            case 42 -> "VLAN-VPLS";
            case 43 -> "Extended-VLAN-VPLS";
            case 44 -> "Logical-tunnel";
            case 45 -> "General-Services";
            case 46 -> "Ethernet-VPLS-over-ATM";
            case 48 -> "Extended FR-CCC";
            case 49 -> "Extended FR-TCC";
            case 50 -> "Flexible-FrameRelay";
            case 52 -> "Flexible-Ethernet-Services";
            case 53 -> "Flow-collection";
            case 56 -> "PPPoE";
            case 57 -> "PPP-Subordinate";
            case 59 -> "Dynamic-Flow-Capture";
            case 60 -> "PIC Peer";
            default -> null;
        };
    }

    /** A logical interface encapsulation (TLVs 6 and 8): juniper_ifle_values. */
    static String encapsulation(int value) {
        return switch (value) {
            case 2 -> "ATM SNAP";
            case 3 -> "ATM NLPID";
            case 4 -> "ATM VCMUX";
            case 5 -> "ATM LLC";
            case 6 -> "PPP over ATM VCMUX";
            case 7 -> "PPP over ATM LLC";
            case 8 -> "PPP over FUNI";
            case 9 -> "CCC over ATM";
            case 10 -> "FR NLPID";
            case 11 -> "FR SNAP";
            case 12 -> "FR PPP";
            case 13 -> "FR CCC";
            case 14 -> "Ethernet";
            case 17 -> "PPP";
            case 18 -> "C-HDLC";
            case 19 -> "PPP CCC";
            case 20 -> "IPIP";
            case 21 -> "PIM Null";
            case 22 -> "GRE NULL";
            case 23 -> "PPP over GRE";
            case 24 -> "PIMd";
            case 25 -> "C-HDLC CCC";
            case 26 -> "CISCO compatible NLPID";
            case 27 -> "VLAN CCC";
            case 28 -> "MLPPP";
            case 29 -> "MLFR";
            case 30 -> "LSI Null";
            case 32 -> "ATM CCC Cell Relay";
            case 33 -> "Crypto";
            case 34 -> "GGSN";
            case 35 -> "ATM VCMUX TCC";
            case 36 -> "FR TCC";
            case 37 -> "PPP TCC";
            case 38 -> "C-HDLC TCC";
            case 39 -> "Ethernet CCC";
            case 40 -> "VT";
            case 41 -> "Ethernet over ATM LLC";
            case 42 -> "Extended VLAN CCC";
            case 43 -> "ATM SNAP TCC";
            case 44 -> "Monitor";
            case 45 -> "Ethernet TCC";
            case 46 -> "VLAN TCC";
            case 47 -> "Extended VLAN TCC";
            case 48 -> "MFR";
            case 49 -> "VPLS";
            case 50 -> "VLAN VPLS";
            case 51 -> "Extended VLAN VPLS";
            case 52 -> "General Services";
            case 53 -> "Ethernet VPLS over ATM LLC";
            case 54 -> "FR CCC";
            case 55 -> "MLPPP over ATM LLC";
            case 56 -> "Ethernet over ATM CCC";
            case 57 -> "LT VLAN";
            case 58 -> "Collector";
            case 59 -> "Aggregator";
            case 60 -> "LAPD";
            case 61 -> "PPPoE over ATM LLC";
            case 62 -> "PPPoE over Ethernet";
            case 63 -> "PPPoE";
            case 64 -> "";
            case 65 -> "C-HDLC via dialer";
            default -> null;
        };
    }
}
