package dev.fabricscope.print;

/**
 * Which printer tcpdump 4.99 hands a UDP payload to, by port (print-udp.c's chain of checks, in its order: the
 * first match wins, so a datagram from port 53 to 4789 is DNS). We print every one of them.
 */
final class UdpPorts {
    private UdpPorts() { }

    enum Decoder { DNS, MDNS, TFTP, BOOTP, NTP, DHCP6, BFD, GENEVE, BCM_LI, SYSLOG, VXLAN, SOME_IP, KIP, PTP, SNMP,
        RADIUS, HSRP, LWRES, LDP, OLSR, LSP_PING, L2TP, LMP, VQP, OTV, VXLAN_GPE, MPLS, RIP, RIPNG, SFLOW, LISP, ISAKMP,
        ISAKMP_NATT, KRB, AHCP, BABEL, HNCP, RX, ZEPHYR, ZEP,
        /** LWAPP control to 12223 (the AP's address first), from it, then LWAPP data either side. */
        LWAPP_CONTROL_WITH_AP, LWAPP_CONTROL, LWAPP_DATA, NONE, AODV, VAT, WB, CISCO_AUTORP, TIMED, SIP,
        /** Only by -T ({@link PacketType}): no port of tcpdump's leads to them. */
        CNFP, RTP, RTCP, PGM }

    private static final int DNS = 53, MDNS = 5353, TIMED = 525, TFTP = 69, NTP = 123, SYSLOG = 514, VXLAN = 4789;
    /** Either side, tried after TFTP: BOOTP/DHCP (client, server). */
    private static final int[] BOOTP = {68, 67};
    /** Either side, tried after BOOTP: RIP, then AODV and ISAKMP, then ISAKMP's NAT-T port, then its user ports. */
    private static final int RIP = RipFormatter.PORT, AODV = AodvFormatter.PORT, ISAKMP = IkeFormatter.PORT;
    private static final int ISAKMP_NATT = NatTraversalFormatter.PORT;
    private static final int[] ISAKMP_USER = {IkeFormatter.USER1, IkeFormatter.USER2};
    /** Either side, tried before NTP: SNMP (agent, trap). */
    private static final int[] SNMP = {161, 162};
    /** Either side, tried after NTP: Kerberos (v5, v4), then L2TP. */
    private static final int[] KERBEROS = {88, 750};
    private static final int L2TP = L2tpFormatter.PORT;
    /**
     * Either side, tried after L2TP and VAT: Zephyr, then RX (a range), RIPng. NetBIOS (137, 138) comes between L2TP
     * and VAT only in a tcpdump built with --enable-smb, which 4.99 is not by default (nor Debian's): not here.
     */
    private static final int[] ZEPHYR = {ZephyrFormatter.SERVER_PORT, ZephyrFormatter.CLIENT_PORT};
    /** Either side, the last before DHCPv6, whatever the IP version. */
    private static final int RIPNG = RipngFormatter.PORT;
    /** Destination only, tried before DHCPv6 (VAT). */
    private static final int VAT = 3456;
    /** Either side: DHCPv6 (server, client). */
    private static final int[] DHCP6 = {547, 546};
    /**
     * Either side, tried after DHCPv6 in this order: AHCP, Babel (new port, old), HNCP; then the whiteboard to 4567,
     * Cisco auto-RP, RADIUS.
     */
    private static final int AHCP = AhcpFormatter.PORT, HNCP = HncpFormatter.PORT;
    private static final int[] BABEL = {BabelFormatter.PORT, BabelFormatter.OLD_PORT};
    private static final int WHITEBOARD = 4567, CISCO_AUTORP = CiscoAutoRpFormatter.PORT;
    /** Either side: RADIUS (authentication, accounting, old and new ports; CoA, Cisco's and RFC 5176's). */
    private static final int[] RADIUS = {1645, 1812, 1646, 1813, 1700, 3799};
    /** Tried after RADIUS, in this order: HSRP (destination only), LWRES, LDP, then OLSR and LSP ping. */
    private static final int HSRP = HsrpFormatter.PORT, LWRES = 921, LDP = LdpFormatter.PORT;
    /** Either side, tried after LDP: OLSR, then LSP ping, then the Broadcom LI shim. */
    private static final int OLSR = OlsrFormatter.PORT, LSP_PING = LsppingFormatter.PORT;
    private static final int RX_LOW = RxFormatter.LOW_PORT, RX_HIGH = RxFormatter.HIGH_PORT, BCM_LI_SOURCE = 49152;
    /** Destination only: BFD control (single-hop, multihop, LAG) and echo; then syslog's predecessors. */
    private static final int[] BFD = {BfdFormatter.CONTROL, BfdFormatter.MULTIHOP, BfdFormatter.LAG, BfdFormatter.ECHO};
    /** Either side, tried after BFD: LMP, then VQP, then sFlow, then LWAPP and SIP before syslog. */
    private static final int LMP = LmpFormatter.PORT, VQP = VqpFormatter.PORT;
    private static final int SFLOW = SflowFormatter.PORT;
    private static final int LWAPP_CONTROL = LwappFormatter.CONTROL_PORT, LWAPP_DATA = LwappFormatter.DATA_PORT;
    private static final int SIP = 5060;
    private static final int OTV = 8472;
    private static final int GENEVE = 6081;
    /** Either side, tried after Geneve and before PTP, in this order. */
    private static final int LISP = LispFormatter.PORT, VXLAN_GPE = 4790, ZEP = ZepFormatter.PORT, MPLS = 6635;
    /**
     * AppleTalk in UDP (KIP), tried after MPLS when the payload's third byte (LLAP's type) says long DDP: either side
     * in the DDP-in-UDP ranges (client sockets from 16512, server sockets from 200 and, before April 1988, 768).
     */
    private static final int[] KIP_RANGES = {16512, 200, 768};
    private static final int KIP_RANGE = 128;
    /** Either side: PTP event and general messages (after KIP, whose server range holds them). */
    private static final int[] PTP = {319, 320};
    private static final int SOME_IP = 30490;

    static Decoder decoder(int sport, int dport) {
        return decoder(sport, dport, false);
    }

    /** {@code longDdp}: the payload's third byte was captured and is LLAP's long DDP type (2). */
    static Decoder decoder(int sport, int dport, boolean longDdp) {
        if (either(sport, dport, DNS)) return Decoder.DNS;
        if (either(sport, dport, MDNS)) return Decoder.MDNS;
        if (either(sport, dport, TIMED)) return Decoder.TIMED;
        if (either(sport, dport, TFTP)) return Decoder.TFTP;
        if (any(sport, dport, BOOTP)) return Decoder.BOOTP;
        if (either(sport, dport, RIP)) return Decoder.RIP;
        if (either(sport, dport, AODV)) return Decoder.AODV;
        if (either(sport, dport, ISAKMP)) return Decoder.ISAKMP;
        if (either(sport, dport, ISAKMP_NATT)) return Decoder.ISAKMP_NATT;
        if (any(sport, dport, ISAKMP_USER)) return Decoder.ISAKMP;
        if (any(sport, dport, SNMP)) return Decoder.SNMP;
        if (either(sport, dport, NTP)) return Decoder.NTP;
        if (any(sport, dport, KERBEROS)) return Decoder.KRB;
        if (either(sport, dport, L2TP)) return Decoder.L2TP;
        if (dport == VAT) return Decoder.VAT;
        if (any(sport, dport, ZEPHYR)) return Decoder.ZEPHYR;
        if (sport >= RX_LOW && sport <= RX_HIGH || dport >= RX_LOW && dport <= RX_HIGH) return Decoder.RX;
        if (either(sport, dport, RIPNG)) return Decoder.RIPNG;
        if (any(sport, dport, DHCP6)) return Decoder.DHCP6;
        if (either(sport, dport, AHCP)) return Decoder.AHCP;
        if (any(sport, dport, BABEL)) return Decoder.BABEL;
        if (either(sport, dport, HNCP)) return Decoder.HNCP;
        if (dport == WHITEBOARD) return Decoder.WB;
        if (either(sport, dport, CISCO_AUTORP)) return Decoder.CISCO_AUTORP;
        if (any(sport, dport, RADIUS)) return Decoder.RADIUS;
        if (dport == HSRP) return Decoder.HSRP;
        if (either(sport, dport, LWRES)) return Decoder.LWRES;
        if (either(sport, dport, LDP)) return Decoder.LDP;
        if (either(sport, dport, OLSR)) return Decoder.OLSR;
        if (either(sport, dport, LSP_PING)) return Decoder.LSP_PING;
        if (sport == BCM_LI_SOURCE) return Decoder.BCM_LI;
        if (destination(dport, BFD)) return Decoder.BFD;
        if (either(sport, dport, LMP)) return Decoder.LMP;
        if (either(sport, dport, VQP)) return Decoder.VQP;
        if (either(sport, dport, SFLOW)) return Decoder.SFLOW;
        if (dport == LWAPP_CONTROL) return Decoder.LWAPP_CONTROL_WITH_AP;
        if (sport == LWAPP_CONTROL) return Decoder.LWAPP_CONTROL;
        if (either(sport, dport, LWAPP_DATA)) return Decoder.LWAPP_DATA;
        if (either(sport, dport, SIP)) return Decoder.SIP;
        if (either(sport, dport, SYSLOG)) return Decoder.SYSLOG;
        if (either(sport, dport, OTV)) return Decoder.OTV;
        if (either(sport, dport, VXLAN)) return Decoder.VXLAN;
        if (either(sport, dport, GENEVE)) return Decoder.GENEVE;
        if (either(sport, dport, LISP)) return Decoder.LISP;
        if (either(sport, dport, VXLAN_GPE)) return Decoder.VXLAN_GPE;
        if (either(sport, dport, ZEP)) return Decoder.ZEP;
        if (either(sport, dport, MPLS)) return Decoder.MPLS;
        if (longDdp && (appleTalkPort(sport) || appleTalkPort(dport))) return Decoder.KIP;
        if (any(sport, dport, PTP)) return Decoder.PTP;
        return either(sport, dport, SOME_IP) ? Decoder.SOME_IP : Decoder.NONE;
    }

    /** tcpdump's atalk_port. */
    private static boolean appleTalkPort(int port) {
        for (int low : KIP_RANGES) if (port >= low && port < low + KIP_RANGE) return true;
        return false;
    }

    private static boolean destination(int dport, int[] ports) {
        for (int port : ports) if (dport == port) return true;
        return false;
    }

    private static boolean either(int sport, int dport, int port) {
        return sport == port || dport == port;
    }

    private static boolean any(int sport, int dport, int[] ports) {
        for (int port : ports) if (sport == port || dport == port) return true;
        return false;
    }
}
