package dev.fabricscope.print;

/**
 * tcpdump's names of ethertypes (print-ether.c's ethertype_values, in its order: where two names share a value,
 * the first is the one shown), as -e and the tunnel printers show them.
 */
final class EtherTypeNames {
    private EtherTypeNames() { }

    private static final int[] TYPES = {0x0800, 0x8847, 0x8848, 0x86dd, 0x8100, 0x9100, 0x88a8, 0x9200, 0x88e5,
        0x9100, 0x0200, 0x0806, 0x8035, 0x0600, 0x0500, 0x1000, 0x6001, 0x6002, 0x6003, 0x6004, 0x6007, 0x6558, 0x8038,
        0x803c, 0x803e, 0x805b, 0x805c, 0x809b, 0x80f3, 0x8137, 0x880b, 0x8808, 0x8809, 0x8863, 0x8864, 0x888e, 0x8899,
        0x886f, 0x8870, 0x894f, 0x9000, 0xfefe, 0x00fe, 0xabcd, 0x8902, 0x893a, 0x88cc, 0x88ca, 0x0707, 0x8947, 0x1111,
        0x88a2, 0x88f7, 0xd28b};
    private static final String[] NAMES = {"IPv4", "MPLS unicast", "MPLS multicast", "IPv6", "802.1Q", "802.1Q-9100",
        "802.1Q-QinQ", "802.1Q-9200", "802.1AE MACsec", "VMAN", "PUP", "ARP", "Reverse ARP", "NS", "Sprite", "Trail",
        "MOP DL", "MOP RC", "DN", "LAT", "SCA", "TEB", "Lanbridge", "DEC DNS", "DEC DTS", "VEXP", "VPROD", "Appletalk",
        "Appletalk ARP", "IPX", "PPP", "MPCP", "Slow Protocols", "PPPoE D", "PPPoE S", "EAPOL", "Realtek protocols",
        "MS NLB heartbeat", "Jumbo", "NSH", "Loopback", "OSI", "GRE-OSI", "CFM (old)", "CFM", "IEEE1905.1", "LLDP",
        "TIPC", "GeoNet (old)", "GeoNet", "CALM FAST", "AoE", "PTP", "Arista Vendor Specific Protocol"};

    /** The name, or null when tcpdump has none. */
    static String of(int type) {
        for (int i = 0; i < TYPES.length; i++) if (TYPES[i] == type) return NAMES[i];
        return null;
    }
}
