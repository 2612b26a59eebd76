package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * The configuration options of PPP control-protocol requests, acks, naks and rejects as tcpdump 4.99 -v lists them
 * (print-ppp.c): LCP (RFC 1661 and its extensions), IPCP (RFC 1332, 1877, 3544), IP6CP (RFC 5072), CCP (RFC 1962)
 * and BACP (RFC 2125), one line each, and with -vv each option's bytes in hex. Like tcpdump, each option's length
 * is checked against the whole message's, not against what is left of it. Reads go through the caller's
 * {@link SnapshotBytes}: past the capture they jump out to its " [|ppp]".
 */
final class PppOptions {
    private static final String[] LCP_NAMES = {"Vend-Ext", "MRU", "ACCM", "Auth-Prot", "Qual-Prot", "Magic-Num",
        "deprecated(6)", "PFC", "ACFC", "FCS-Alt", "SDP", "Num-Mode", "deprecated(12)", "Call-Back", "deprecated(14)",
        "deprecated(15)", "deprecated(16)", "MRRU", "12-Bit seq #", "End-Disc", "Proprietary", "DCE-Id", "MP+",
        "Link-Disc", "LCP-Auth-Opt", "COBS", "Prefix-elision", "Multilink-header-Form", "I18N", "SDL-over-SONET/SDH",
        "PPP-Muxing"};
    private static final int LCP_VENDOR = 0, LCP_MRU = 1, LCP_ACCM = 2, LCP_AUTHENTICATION = 3, LCP_QUALITY = 4,
            LCP_MAGIC = 5, LCP_PFC = 7, LCP_ACFC = 8, LCP_CALLBACK = 13, LCP_MRRU = 17, LCP_ENDPOINT = 19,
            LCP_LINK_DISCRIMINATOR = 23;
    private static final int IPCP_ADDRESSES = 1, IPCP_COMPRESSION = 2, IPCP_ADDRESS = 3, IPCP_HOME_ADDRESS = 4,
            IPCP_PRIMARY_DNS = 129, IPCP_PRIMARY_NBNS = 130, IPCP_SECONDARY_DNS = 131, IPCP_SECONDARY_NBNS = 132;
    private static final int VJ_COMPRESSION = 0x002d, IP_HEADER_COMPRESSION = 0x61, IP_HEADER_COMPRESSION_LENGTH = 14;
    private static final int CCP_BSD_COMPRESS = 21, CCP_MVRCA = 24, CCP_DEFLATE = 26;

    private final Verbosity verbosity;
    private final SnapshotBytes bytes;

    PppOptions(Verbosity verbosity, SnapshotBytes bytes) {
        this.verbosity = verbosity;
        this.bytes = bytes;
    }

    /** The options of a message of {@code encoded} bytes (its 4-byte header included) whose options start at {@code at}. */
    void list(int protocol, int at, int encoded, StringBuilder out) {
        int left = encoded - 4;
        do {
            int advance = switch (protocol) {
                case PppNames.LCP -> lcp(at, encoded, out);
                case PppNames.IPCP -> ipcp(at, encoded, out);
                case PppNames.IPV6CP -> ip6cp(at, encoded, out);
                case PppNames.CCP -> ccp(at, encoded, out);
                case PppNames.BACP -> bacp(at, encoded, out);
                default -> 0;
            };
            if (advance == 0) return;
            if (left < advance) {
                out.append(" [remaining options length ").append(left).append(" < ").append(advance)
                    .append("] (invalid)");
                return;
            }
            left -= advance;
            at += advance;
        } while (left != 0);
    }

    private int lcp(int at, int length, StringBuilder out) {
        if (length < 2) return 0;
        if (at + 2 > bytes.end()) {
            out.append("[|lcp]");
            return 0;
        }
        int option = bytes.u8(at), len = bytes.u8(at + 1);
        if (length < len) return 0;
        String name = option < LCP_NAMES.length ? LCP_NAMES[option] : null;
        if (name == null) {
            out.append("\n\tunknown LCP option 0x");
            Text.hex(out, option, 2);
            return len < 2 ? 0 : len;
        }
        header(name, option, len, out);
        if (len < 2) {
            out.append(" (length bogus, should be >= 2)");
            return 0;
        }
        switch (option) {
            case LCP_VENDOR -> {
                if (len < 6) return bogus(">= 6", len, out);
                int oui = bytes.u24(at + 2);
                out.append(": Vendor: ").append(TcpdumpOuis.name(oui)).append(" (").append(oui).append(')');
            }
            case LCP_MRU -> {
                if (len != 4) return bogus("= 4", len, out);
                int mru = bytes.u16(at + 2);
                out.append(": ").append(mru);
            }
            case LCP_ACCM -> {
                if (len != 6) return bogus("= 6", len, out);
                hex32(": 0x", at + 2, out);
            }
            case LCP_AUTHENTICATION -> {
                if (len < 4) return bogus(">= 4", len, out);
                int protocol = bytes.u16(at + 2);
                String protocolName = PppNames.protocol(protocol);
                out.append(": ").append(protocolName == null ? "Unknown Auth Proto (0x04x)" : protocolName);   // sic
                switch (protocol) {
                    case PppNames.CHAP -> {
                        int algorithm = bytes.u8(at + 4);
                        out.append(", ");
                        switch (algorithm) {
                            case 5 -> out.append("MD5");
                            case 128 -> out.append("MS-CHAPv1");
                            case 129 -> out.append("MS-CHAPv2");
                            default -> out.append("Unknown Auth Alg ").append(algorithm);
                        }
                    }
                    case PppNames.PAP, PppNames.EAP, PppNames.SPAP, PppNames.SPAP_OLD -> { }
                    default -> unknownData(at, "\n\t", len, out);
                }
            }
            case LCP_QUALITY -> {
                if (len < 4) return bogus(">= 4", 0, out);
                out.append(bytes.u16(at + 2) == PppNames.LQM ? ": LQR" : ": unknown");
            }
            case LCP_MAGIC -> {
                if (len != 6) return bogus("= 6", 0, out);
                hex32(": 0x", at + 2, out);
            }
            case LCP_PFC, LCP_ACFC -> { }
            case LCP_LINK_DISCRIMINATOR -> {
                if (len != 4) return bogus("= 4", 0, out);
                int discriminator = bytes.u16(at + 2);
                out.append(": 0x");
                Text.hex(out, discriminator, 4);
            }
            case LCP_CALLBACK -> {
                if (len < 3) return bogus(">= 3", 0, out);
                out.append(": ");
                int operation = bytes.u8(at + 2);
                out.append(": Callback Operation ").append(switch (operation) {
                    case 0 -> "UserAuth";
                    case 1 -> "DialString";
                    case 2 -> "LocalID";
                    case 3 -> "E.164";
                    case 4 -> "X.500";
                    case 6 -> "CBCP";
                    default -> "Unknown";
                }).append(" (").append(operation).append(')');
            }
            case LCP_MRRU -> {
                if (len != 4) return bogus("= 4", 0, out);
                int mrru = bytes.u16(at + 2);
                out.append(": ").append(mrru);
            }
            case LCP_ENDPOINT -> {
                if (len < 3) return bogus(">= 3", 0, out);
                int endpointClass = bytes.u8(at + 2);
                switch (endpointClass) {
                    case 0 -> out.append(": Null");
                    case 1 -> out.append(": Local");
                    case 2 -> {
                        if (len != 7) return bogus("= 7", 0, out);
                        ipv4(": IPv4 ", at + 3, out);
                    }
                    case 3 -> {
                        if (len != 9) return bogus("= 9", 0, out);
                        bytes.u8(at + 3);
                        bytes.u8(at + 8);
                        out.append(": MAC ");
                        Text.linkAddress(out, bytes.packet(), at + 3, 6);
                    }
                    case 4 -> out.append(": Magic-Num-Block");
                    case 5 -> out.append(": PSNDN");
                    default -> out.append(": Unknown class ").append(endpointClass);
                }
            }
            default -> {
                if (!verbosity.veryVerbose()) unknownData(at + 2, "\n\t    ", len - 2, out);
            }
        }
        if (verbosity.veryVerbose()) unknownData(at + 2, "\n\t    ", len - 2, out);
        return len;
    }

    private int ipcp(int at, int length, StringBuilder out) {
        if (length < 2) return 0;
        if (at + 2 > bytes.end()) {
            out.append("[|ipcp]");
            return 0;
        }
        int option = bytes.u8(at), len = bytes.u8(at + 1);
        if (length < len) return 0;
        header(switch (option) {
            case IPCP_ADDRESSES -> "IP-Addrs";
            case IPCP_COMPRESSION -> "IP-Comp";
            case IPCP_ADDRESS -> "IP-Addr";
            case IPCP_HOME_ADDRESS -> "Home-Addr";
            case IPCP_PRIMARY_DNS -> "Pri-DNS";
            case IPCP_PRIMARY_NBNS -> "Pri-NBNS";
            case IPCP_SECONDARY_DNS -> "Sec-DNS";
            case IPCP_SECONDARY_NBNS -> "Sec-NBNS";
            default -> "unknown";
        }, option, len, out);
        if (len < 2) {
            out.append(" (length bogus, should be >= 2)");
            return 0;
        }
        int dumpFrom = at + 2;
        switch (option) {
            case IPCP_ADDRESSES -> {
                if (len != 10) return bogus("= 10", len, out);
                bytes.u8(at + 2);
                bytes.u8(at + 9);
                ipv4(": src ", at + 2, out);
                ipv4(", dst ", at + 6, out);
            }
            case IPCP_COMPRESSION -> {
                if (len < 4) return bogus(">= 4", 0, out);
                int compression = bytes.u16(at + 2);
                out.append(": ").append(switch (compression) {
                    case VJ_COMPRESSION -> "VJ-Comp";
                    case IP_HEADER_COMPRESSION -> "IP Header Compression";
                    default -> "Unknown";
                }).append(" (0x");
                Text.hex(out, compression, 2);
                out.append("):");
                if (compression == IP_HEADER_COMPRESSION) {
                    if (len < IP_HEADER_COMPRESSION_LENGTH) return bogus(">= 14", 0, out);
                    if (at + 2 + IP_HEADER_COMPRESSION_LENGTH > bytes.end()) {
                        out.append("[|ipcp]");
                        return 0;
                    }
                    out.append("\n\t    TCP Space ").append(bytes.u16(at + 4)).append(", non-TCP Space ")
                        .append(bytes.u16(at + 6)).append(", maxPeriod ").append(bytes.u16(at + 8))
                        .append(", maxTime ").append(bytes.u16(at + 10)).append(", maxHdr ")
                        .append(bytes.u16(at + 12));
                    if (len > IP_HEADER_COMPRESSION_LENGTH) {
                        int left = len - IP_HEADER_COMPRESSION_LENGTH;
                        int sub = at + IP_HEADER_COMPRESSION_LENGTH;
                        out.append("\n\t      Suboptions, length ").append(left);
                        while (left >= 2) {
                            if (sub + 2 > bytes.end()) {
                                out.append("[|ipcp]");
                                return 0;
                            }
                            int type = bytes.u8(sub), subLength = bytes.u8(sub + 1);
                            if (type == 0 || subLength == 0) break;
                            out.append("\n\t\t").append(switch (type) {
                                case 1 -> "RTP-Compression";
                                case 2 -> "Enhanced RTP-Compression";
                                default -> "Unknown";
                            }).append(" Suboption #").append(type).append(", length ").append(subLength);
                            if (left < subLength) {
                                out.append(" [remaining suboptions length ").append(left).append(" < ")
                                    .append(subLength).append("] (invalid)");
                                break;
                            }
                            left -= subLength;
                            sub += subLength;
                        }
                        dumpFrom = sub + 2;   // sic: tcpdump's -vv dump then starts after the suboptions read
                    }
                }
            }
            case IPCP_ADDRESS, IPCP_HOME_ADDRESS, IPCP_PRIMARY_DNS, IPCP_PRIMARY_NBNS, IPCP_SECONDARY_DNS,
                 IPCP_SECONDARY_NBNS -> {
                if (len != 6) return bogus("= 6", 0, out);
                ipv4(": ", at + 2, out);
            }
            default -> {
                if (!verbosity.veryVerbose()) unknownData(at + 2, "\n\t    ", len - 2, out);
            }
        }
        if (verbosity.veryVerbose()) unknownData(dumpFrom, "\n\t    ", len - 2, out);
        return len;
    }

    private int ip6cp(int at, int length, StringBuilder out) {
        if (length < 2) return 0;
        if (at + 2 > bytes.end()) {
            out.append("[|ip6cp]");
            return 0;
        }
        int option = bytes.u8(at), len = bytes.u8(at + 1);
        if (length < len) return 0;
        header(option == 1 ? "Interface-ID" : "unknown", option, len, out);
        if (len < 2) {
            out.append(" (length bogus, should be >= 2)");
            return 0;
        }
        if (option == 1) {
            if (len != 10) return bogus("= 10", len, out);
            if (at + 10 > bytes.end()) {
                out.append("[|ip6cp]");
                return 0;
            }
            for (int i = 0; i < 4; i++) {
                out.append(i == 0 ? ": " : ":");
                Text.hex(out, bytes.u16(at + 2 + 2 * i), 4);
            }
        } else if (!verbosity.veryVerbose()) {
            unknownData(at + 2, "\n\t    ", len - 2, out);
        }
        if (verbosity.veryVerbose()) unknownData(at + 2, "\n\t    ", len - 2, out);
        return len;
    }

    private int ccp(int at, int length, StringBuilder out) {
        if (length < 2) return 0;
        if (at + 2 > bytes.end()) {
            out.append("[|ccp]");
            return 0;
        }
        int option = bytes.u8(at), len = bytes.u8(at + 1);
        if (length < len) return 0;
        header(switch (option) {
            case 0 -> "OUI";
            case 1 -> "Pred-1";
            case 2 -> "Pred-2";
            case 3 -> "Puddle";
            case 16 -> "HP-PPC";
            case 17 -> "Stac-LZS";
            case 18 -> "MPPC";
            case 19 -> "Gand-FZA";
            case 20 -> "V.42bis";
            case CCP_BSD_COMPRESS -> "BSD-Comp";
            case 23 -> "LZS-DCP";
            case CCP_MVRCA -> "MVRCA";
            case 25 -> "DEC";
            case CCP_DEFLATE -> "Deflate";
            case 255 -> "Reserved";
            default -> "Unknown";
        }, option, len, out);
        if (len < 2) {
            out.append(" (length bogus, should be >= 2)");
            return 0;
        }
        switch (option) {
            case CCP_BSD_COMPRESS -> {
                if (len < 3) return bogus(">= 3", len, out);
                int b = bytes.u8(at + 2);
                out.append(": Version: ").append(b >>> 5).append(", Dictionary Bits: ").append(b & 0x1f);
            }
            case CCP_MVRCA -> {
                if (len < 4) return bogus(">= 4", len, out);
                int b = bytes.u8(at + 2), contexts = bytes.u8(at + 3);
                out.append(": Features: ").append((b & 0xc0) >>> 6).append(", PxP: ")
                    .append((b & 0x20) != 0 ? "Enabled" : "Disabled").append(", History: ").append(b & 0x1f)
                    .append(", #CTX-ID: ").append(contexts);
            }
            case CCP_DEFLATE -> {
                if (len < 4) return bogus(">= 4", len, out);
                int b = bytes.u8(at + 2), c = bytes.u8(at + 3);
                out.append(": Window: ").append((b & 0xf0) >>> 4).append("K, Method: ")
                    .append((b & 0x0f) == 8 ? "zlib" : "unknown").append(" (0x");
                Text.hex(out, b & 0x0f);
                out.append("), MBZ: ").append((c & 0xfc) >>> 2).append(", CHK: ").append(c & 3);
            }
            default -> {
                if (!verbosity.veryVerbose()) unknownData(at + 2, "\n\t    ", len - 2, out);
            }
        }
        if (verbosity.veryVerbose()) unknownData(at + 2, "\n\t    ", len - 2, out);
        return len;
    }

    private int bacp(int at, int length, StringBuilder out) {
        if (length < 2) return 0;
        if (at + 2 > bytes.end()) {
            out.append("[|bacp]");
            return 0;
        }
        int option = bytes.u8(at), len = bytes.u8(at + 1);
        if (length < len) return 0;
        header(option == 1 ? "Favored-Peer" : "Unknown", option, len, out);
        if (len < 2) {
            out.append(" (length bogus, should be >= 2)");
            return 0;
        }
        if (option == 1) {
            if (len != 6) return bogus("= 6", len, out);
            hex32(": Magic-Num 0x", at + 2, out);
        } else if (!verbosity.veryVerbose()) {
            unknownData(at + 2, "\n\t    ", len - 2, out);
        }
        if (verbosity.veryVerbose()) unknownData(at + 2, "\n\t    ", len - 2, out);
        return len;
    }

    private static void header(String name, int option, int len, StringBuilder out) {
        out.append("\n\t  ").append(name).append(" Option (0x");
        Text.hex(out, option, 2);
        out.append("), length ").append(len);
    }

    /** tcpdump's complaint about an option's length; returns what its printer returns then (0 or the length). */
    private static int bogus(String should, int returned, StringBuilder out) {
        out.append(" (length bogus, should be ").append(should).append(')');
        return returned;
    }

    private void hex32(String before, int at, StringBuilder out) {
        long value = bytes.u32(at);
        out.append(before);
        Text.hex(out, value, 8);
    }

    private void ipv4(String before, int at, StringBuilder out) {
        bytes.u8(at);
        bytes.u8(at + 3);
        out.append(before);
        Text.ipv4(out, bytes.packet(), at);
    }

    private void unknownData(int at, String indent, int length, StringBuilder out) {
        unknownData(bytes.packet(), bytes.end(), at, indent, length, out);
    }

    /** tcpdump's print_unknown_data: the captured part of {@code length} bytes as hex lines. */
    static void unknownData(Packet p, int end, int at, String indent, long length, StringBuilder out) {
        if (at > end) {
            out.append(indent).append("Dissector error: print_unknown_data called with pointer past end of packet");
            return;
        }
        HexDump.hex(p, at, (int) Math.max(0, Math.min(length, end - at)), indent, out);
    }
}
