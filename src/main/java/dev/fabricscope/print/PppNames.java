package dev.fabricscope.print;

/** tcpdump's names of PPP protocols and control-protocol codes (print-ppp.c's ppptype2str and cpcodes). */
final class PppNames {
    private PppNames() { }

    static final int IP = 0x0021, OSI = 0x0023, IPX = 0x002b, VJNC = 0x002f, MULTILINK = 0x003d, IPV6 = 0x0057,
            COMPRESSED = 0x00fd, MPLS_UNICAST = 0x0281, MPLS_MULTICAST = 0x0283, IPCP = 0x8021, OSICP = 0x8023,
            IPV6CP = 0x8057, CCP = 0x80fd, MPLSCP = 0x8281, LCP = 0xc021, PAP = 0xc023, LQM = 0xc025, SPAP = 0xc027,
            BACP = 0xc02b, BAP = 0xc02d, SPAP_OLD = 0xc123, CHAP = 0xc223, EAP = 0xc227;

    /** The protocol's name, or null when tcpdump has none. */
    static String protocol(int protocol) {
        return switch (protocol) {
            case IP -> "IP";
            case OSI -> "OSI";
            case 0x0025 -> "NS";
            case 0x0027 -> "DECNET";
            case 0x0029 -> "APPLE";
            case IPX -> "IPX";
            case 0x002d -> "VJC IP";
            case VJNC -> "VJNC IP";
            case 0x0031 -> "BRPDU";
            case 0x0033 -> "STII";
            case 0x0035 -> "VINES";
            case MPLS_UNICAST, MPLS_MULTICAST -> "MPLS";
            case COMPRESSED -> "Compressed";
            case MULTILINK -> "MLPPP";
            case IPV6 -> "IP6";
            case 0x0201 -> "HELLO";
            case 0x0231 -> "LUXCOM";
            case 0x0233 -> "SNS";
            case IPCP -> "IPCP";
            case OSICP -> "OSICP";
            case 0x8025 -> "NSCP";
            case 0x8027 -> "DECNETCP";
            case 0x8029 -> "APPLECP";
            case 0x802b -> "IPXCP";
            case 0x8033 -> "STIICP";
            case 0x8035 -> "VINESCP";
            case IPV6CP -> "IP6CP";
            case MPLSCP -> "MPLSCP";
            case LCP -> "LCP";
            case PAP -> "PAP";
            case LQM -> "LQM";
            case CHAP -> "CHAP";
            case EAP -> "EAP";
            case SPAP -> "SPAP";
            case SPAP_OLD -> "Old-SPAP";
            case BACP -> "BACP";
            case BAP -> "BAP";
            case 0xc03d -> "MLPPP-CP";
            case CCP -> "CCP";
            default -> null;
        };
    }

    /** A control protocol's code (RFC 1661 and its extensions), or null. */
    static String code(int code) {
        return switch (code) {
            case 0 -> "Vendor-Extension";
            case 1 -> "Conf-Request";
            case 2 -> "Conf-Ack";
            case 3 -> "Conf-Nack";
            case 4 -> "Conf-Reject";
            case 5 -> "Term-Request";
            case 6 -> "Term-Ack";
            case 7 -> "Code-Reject";
            case 8 -> "Prot-Reject";
            case 9 -> "Echo-Request";
            case 10 -> "Echo-Reply";
            case 11 -> "Disc-Req";
            case 12 -> "Ident";
            case 13 -> "Time-Rem";
            case 14 -> "Reset-Req";
            case 15 -> "Reset-Ack";
            default -> null;
        };
    }
}
