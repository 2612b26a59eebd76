package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * tcpdump's ndo_protocol once the printers of a carried packet (MSDP's SA data, OpenFlow 1.0's PACKET_IN and
 * PACKET_OUT frames) have returned: every tcpdump printer sets it on entry and none gives it back, so a marker the
 * outer printer prints afterwards names the last printer the carried packet led to. The name is the one in the marker
 * the carried packet ended with, else the one its headers lead to: IPv4 and IPv6 by protocol, UDP and TCP by port, as
 * tcpdump's demultiplexers choose; through VXLAN, Geneve and GRE (version 0, no source route) to the frame or packet
 * they carry (Ethernet: VLAN tags, ARP, LLC/STP, IPv4, IPv6). Known difference: the other printers that hand on again
 * (GRE with a source route or version 1, OTV, VXLAN-GPE, L2TP, MPLS, an IPv6 extension header, Geneve's and GRE's
 * other protocols, an Ethernet frame's other ethertypes, ...) name themselves here where tcpdump names the last one
 * under them.
 */
final class CarriedProtocol {
    private CarriedProtocol() { }

    /** The names a marker may give, as constants: no string per packet for these (others are cut out of the text). */
    private static final String[] KNOWN = {"ip", "ip6", "udp", "tcp", "icmp", "icmp6", "igmp", "ether", "vlan", "arp",
        "llc", "stp", "domain", "ntp", "snmp", "bootp", "gre", "pimv2", "bgp", "msdp", "openflow", "mpls", "esp", "ah"};

    /** The name in the " [|name]" marker {@code out} ends with, if printed at or after {@code from}; else null. */
    static String fromMarker(StringBuilder out, int from) {
        int close = out.length() - 1;
        if (close <= from || out.charAt(close) != ']') return null;
        int open = out.lastIndexOf(" [|", close);
        if (open < from) return null;
        int length = close - open - 3;
        if (length <= 0) return null;
        for (String known : KNOWN) {
            if (known.length() == length && out.indexOf(known, open + 3) == open + 3) return known;
        }
        for (int i = open + 3; i < close; i++) {
            char c = out.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) return null;
        }
        return out.substring(open + 3, close);   // a rarer printer's name: allocated only on this path
    }

    /**
     * tcpdump's ip_print of the IPv4 packet at {@code at} ({@code len} bytes on the wire, the capture ending at
     * {@code end}) having printed it whole: the name of the printer its protocol leads to. {@code verbose}: printed
     * with ndo_vflag set (a TCP reset's data is then TCP's own).
     */
    static String ipv4(Packet p, int at, int len, int end, boolean verbose) {
        if (at + 20 > end || len < 20 || (p.u8(at) >>> 4) != 4) return "ip";
        int header = (p.u8(at) & 0x0f) * 4;
        int total = p.u16(at + 2);
        if (header < 20 || total < header || at + header > end || (p.u16(at + 6) & 0x1fff) != 0) return "ip";
        int payload = at + header, length = Math.min(total, len) - header;
        // ip_print cuts the snapshot at the IP length: what a carried frame's ether_print sees as captured
        return transport(p, p.u8(at + 9), payload, length, Math.min(end, at + total), "ip", verbose);
    }

    /** As {@link #ipv4} for tcpdump's ip6_print (no extension header followed: the next header names the printer). */
    static String ipv6(Packet p, int at, int len, int end, boolean verbose) {
        if (at + 40 > end || len < 40 || (p.u8(at) >>> 4) != 6) return "ip6";
        int payloadLength = p.u16(at + 4);
        int length = Math.min(payloadLength, len - 40);
        // as ip_print, ip6_print cuts the snapshot at the payload length (a jumbogram's, 0 here, is not followed)
        int cut = payloadLength == 0 ? end : Math.min(end, at + 40 + payloadLength);
        return transport(p, p.u8(at + 6), at + 40, length, cut, "ip6", verbose);
    }

    /**
     * ether_print of the Ethernet frame at {@code at} ({@code len} bytes on the wire, {@code capLen} captured) having
     * printed it whole: ARP's name, LLC's or STP's, IPv4's and IPv6's as {@link #ipv4} follows them, else "ether".
     */
    static String ethernet(Packet p, int at, int len, int capLen, boolean verbose) {
        if (len < capLen || capLen < 14 || len < 14) return "ether";   // "(invalid)", or the marker named it
        int type = p.u16(at + 12);
        int ip = at + 14, left = capLen - 14;
        while (type == 0x8100 || type == 0x9100 || type == 0x9200 || type == 0x88a8) {
            if (left < 4 || len - (ip - at) < 4) return "vlan";
            type = p.u16(ip + 2);
            ip += 4;
            left -= 4;
        }
        if (type < 0x600) {
            return Math.min(type, left) >= 3 && p.u8(ip) == 0x42 && p.u8(ip + 1) == 0x42 && p.u8(ip + 2) == 0x03
                ? "stp" : "llc";
        }
        return etherType(p, type, ip, len - (ip - at), ip + left, "ether", verbose);
    }

    /** ethertype_print's printer of {@code type} at {@code at}: ARP, IPv4, IPv6; {@code other} for the rest. */
    private static String etherType(Packet p, int type, int at, int len, int end, String other,
                                    boolean verbose) {
        return switch (type) {
            case 0x0806, 0x8035 -> "arp";
            case 0x0800 -> ipv4(p, at, len, end, verbose);
            case 0x86dd -> ipv6(p, at, len, end, verbose);
            default -> other;
        };
    }

    /** vxlan_print: its 8-byte header, then the Ethernet frame; {@code len} the UDP payload's length. */
    private static String vxlan(Packet p, int at, int len, int end, boolean verbose) {
        if (len < 8 || at + 8 > end) return "vxlan";
        return ethernet(p, at + 8, len - 8, end - (at + 8), verbose);
    }

    /** geneve_print: version 0's header and options, then the frame (0x6558) or the ethertype's packet. */
    private static String geneve(Packet p, int at, int len, int end, boolean verbose) {
        if (len < 8 || at + 8 > end || p.u8(at) >>> 6 != 0) return "geneve";
        int options = (p.u8(at) & 0x3f) * 4;
        if (len - 8 < options || at + 8 + options > end) return "geneve";
        int payload = at + 8 + options, left = len - 8 - options;
        int protocol = p.u16(at + 2);
        return protocol == 0x6558 ? ethernet(p, payload, left, end - payload, verbose)
            : etherType(p, protocol, payload, left, end, "geneve", verbose);
    }

    /**
     * gre_print of version 0 without a source route (its walk is not followed: "gre"): checksum, key and sequence
     * number when flagged, then IPv4, IPv6 or a bridged Ethernet frame (0x6558); the other protocols stay "gre".
     */
    private static String gre(Packet p, int at, int len, int end, boolean verbose) {
        if (at + 4 > end || len < 4) return "gre";
        int flags = p.u16(at);
        if ((flags & 7) != 0 || (flags & 0x4000) != 0) return "gre";
        int header = 4 + ((flags & 0x8000) != 0 ? 4 : 0) + ((flags & 0x2000) != 0 ? 4 : 0)
            + ((flags & 0x1000) != 0 ? 4 : 0);
        if (len < header || at + header > end) return "gre";
        int payload = at + header, left = len - header;
        int protocol = p.u16(at + 2);
        if (protocol == 0x6558) return ethernet(p, payload, left, end - payload, verbose);
        return protocol == 0x0800 || protocol == 0x86dd ? etherType(p, protocol, payload, left, end, "gre", verbose)
            : "gre";
    }

    private static String transport(Packet p, int protocol, int at, int length, int end, String ip,
                                    boolean verbose) {
        return switch (protocol) {
            case 1 -> "icmp";
            case 2 -> "igmp";
            case 4 -> ipv4(p, at, length, end, verbose);
            case 6 -> tcp(p, at, length, end, verbose);
            case 8 -> "egp";
            case 9 -> "igrp";
            case 17 -> udp(p, at, length, end, verbose);
            case 33 -> "dccp";
            case 41 -> ipv6(p, at, length, end, verbose);
            case 46 -> "rsvp";
            case 47 -> gre(p, at, length, end, verbose);
            case 50 -> "esp";
            case 51 -> "ah";
            case 55 -> "mobile";
            case 58 -> "icmp6";
            case 88 -> "eigrp";
            case 89 -> ip.equals("ip") ? "ospf2" : "ospf3";
            case 103 -> at < end && (p.u8(at) >>> 4) == 2 ? "pimv2" : "pim";
            case 108 -> "ipcomp";
            case 112 -> "vrrp";
            case 113 -> "pgm";
            case 132 -> "sctp";
            default -> ip;
        };
    }

    /**
     * tcp_print: the printer of the payload's port, when it has one and a payload reaches it; else "tcp" (also for a
     * reset with -v or more, whose data it prints itself).
     */
    private static String tcp(Packet p, int at, int length, int end, boolean verbose) {
        if (at + 20 > end) return "tcp";
        int header = (p.u8(at + 12) >>> 4) * 4;
        if (header < 20 || length <= header || verbose && (p.u8(at + 13) & TcpFormatter.RST) != 0
                || at + header > end) {
            return "tcp";
        }
        return switch (TcpPorts.decoder(p.u16(at), p.u16(at + 2))) {
            case TELNET -> "telnet";
            case SMTP -> "smtp";
            case WHOIS -> "whois";
            case BGP -> "bgp";
            case PPTP -> "pptp";
            case RESP -> "resp";
            case SSH -> "ssh";
            case BEEP -> "beep";
            case OPENFLOW -> "openflow";
            case FTP -> "ftp";
            case HTTP -> "http";
            case RTSP -> "rtsp";
            case DNS -> "domain";
            case MSDP -> "msdp";
            case RPKI_RTR -> "rpki_rtr";
            case LDP -> "ldp";
            case NFS -> "nfs";
            case ZMTP1 -> "zmtp1";
            case UNSUPPORTED, NONE -> "tcp";
        };
    }

    /** udp_print: the printer of the payload's port, when the UDP length lets it reach one; else "udp". */
    private static String udp(Packet p, int at, int length, int end, boolean verbose) {
        if (at + 8 > end || length < 8) return "udp";
        int ulen = p.u16(at + 4);
        if (ulen < 8) return "udp";
        boolean longDdp = at + 10 < end && p.u8(at + 10) == 2;
        int payload = at + 8, payloadLength = Math.min(ulen, length) - 8;   // udp_print's: the smaller length
        return switch (UdpPorts.decoder(p.u16(at), p.u16(at + 2), longDdp)) {
            case DNS, MDNS -> "domain";
            case TFTP -> "tftp";
            case BOOTP -> "bootp";
            case NTP -> "ntp";
            case DHCP6 -> "dhcp6";
            case BFD -> "bfd";
            case GENEVE -> geneve(p, payload, payloadLength, end, verbose);
            case BCM_LI -> "bcm_li";
            case SYSLOG -> "syslog";
            case VXLAN -> vxlan(p, payload, payloadLength, end, verbose);
            case SOME_IP -> "someip";
            case KIP -> "llap";
            case PTP -> "ptp";
            case SNMP -> "snmp";
            case RADIUS -> "radius";
            case HSRP -> "hsrp";
            case LWRES -> "lwres";
            case LDP -> "ldp";
            case OLSR -> "olsr";
            case LSP_PING -> "lspping";
            case L2TP -> "l2tp";
            case LMP -> "lmp";
            case VQP -> "vqp";
            case OTV -> "otv";
            case VXLAN_GPE -> "vxlan_gpe";
            case MPLS -> "mpls";
            case RIP -> "rip";
            case RIPNG -> "ripng";
            case SFLOW -> "sflow";
            case LISP -> "lisp";
            case ISAKMP -> "isakmp";
            case ISAKMP_NATT -> "isakmp_rfc3948";
            case KRB -> "krb";
            case AHCP -> "ahcp";
            case BABEL -> "babel";
            case HNCP -> "hncp";
            case RX -> "rx";
            case ZEPHYR -> "zephyr";
            case ZEP -> "zep";
            case LWAPP_CONTROL_WITH_AP, LWAPP_CONTROL -> "lwapp_control";
            case LWAPP_DATA -> "lwapp_data";
            case AODV -> "aodv";
            case VAT -> "vat";
            case WB -> "wb";
            case CISCO_AUTORP -> "cisco_autorp";
            case TIMED -> "timed";
            case SIP -> "sip";
            case CNFP -> "cnfp";
            case RTP -> "rtp";
            case RTCP -> "rtcp";
            case PGM -> "pgm";
            case NONE -> "udp";
        };
    }
}
