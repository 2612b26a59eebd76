package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.Ip6ExtensionFrames.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * IPv6 extension headers, AH, ESP and IPComp against tcpdump 4.99 itself, in every verbosity, whole and cut after
 * every byte, seeded mutants; with UDP, TCP and ICMPv6 echo behind them, whose -v checksums take a routing header's
 * final segment.
 */
class Ip6ExtensionHeadersTest extends TcpdumpConformance {
    private static Frame v6(int nextHeader, byte[] payload) {
        return new Frame(ethernet(0x86dd, ipv6(nextHeader, payload, 0x60000000L, IP6_A, IP6_B)));
    }

    private static Frame v6(int nextHeader, int payloadLength, byte[] payload) {
        return new Frame(ethernet(0x86dd, ipv6WithLength(nextHeader, payloadLength, payload, IP6_A, IP6_B)));
    }

    private static byte[] udpTo(byte[] dst) {
        return udp(5000, 6000, ascii("hi!"), IP6_A, dst);
    }

    private static byte[] udp6() {
        return udpTo(IP6_B);
    }

    private static byte[] echo6To(byte[] dst) {
        return icmp6Echo(128, 0x1234, 7, ascii("ping"), IP6_A, dst);
    }

    private static byte[] tcpTo(byte[] dst) {
        return tcp(40000, 443, 1000, 0, 0x002, 1024, 0, new byte[0], new byte[0], IP6_A, dst);
    }

    /** Hop-by-hop and destination options, valid and broken. */
    static List<Frame> optionFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(v6(HOP_BY_HOP, concat(options(ICMPV6, hex("05020000 0100")), echo6To(IP6_B))));     // MLD-style rtalert
        f.add(v6(HOP_BY_HOP, concat(options(UDP, hex("0000 01020000")), udp6())));               // pad1, padn
        f.add(v6(HOP_BY_HOP, concat(options(TCP, hex("010400000000")), tcpTo(IP6_B))));
        f.add(v6(HOP_BY_HOP, concat(options(253, hex("010400000000")), new byte[12])));           // experimental
        f.add(v6(DESTINATION, concat(options(UDP, hex("1e02abcd 0100")), udp6())));              // unknown option
        f.add(v6(DESTINATION, concat(options(UDP, concat(hex("c910"), SEGMENT_1, hex("01020000"))), udp6())));
        f.add(v6(DESTINATION, concat(options(UDP, concat(hex("c915"), SEGMENT_1, hex("00 0100 0700"),
            hex("01050000000000"))), udp6())));                                                   // home address suboptions
        f.add(v6(DESTINATION, concat(options(UDP, hex("c20400010000")), udp6())));               // jumbo, not hop-by-hop
        f.add(v6(DESTINATION, concat(options(NONE, hex("010400000000")))));                       // no next header
        f.add(v6(HOP_BY_HOP, 0, concat(options(UDP, hex("c20400010000")), udp6())));             // valid jumbo
        f.add(v6(HOP_BY_HOP, concat(options(UDP, hex("c20400011170")), udp6())));                // payload length != 0
        f.add(v6(HOP_BY_HOP, 0, concat(options(UDP, hex("c204000003e8")), udp6())));             // jumbo < 65536
        f.add(v6(HOP_BY_HOP, 0, concat(options(UDP, hex("c20400010000 c20400020000 0100")), udp6())));  // two jumbos
        f.add(v6(HOP_BY_HOP, concat(options(UDP, hex("050300000000")), udp6())));                // rtalert bad length
        f.add(v6(HOP_BY_HOP, concat(options(UDP, hex("010200000500")), udp6())));                // rtalert cut short
        f.add(v6(HOP_BY_HOP, concat(options(UDP, hex("0100c2020000")), udp6())));                // jumbo cut short
        f.add(v6(HOP_BY_HOP, 0, concat(options(UDP, hex("010200000500")), udp6())));            // ... and no length
        f.add(v6(HOP_BY_HOP, concat(options(UDP, hex("c206000000000000 010400000000")), udp6())));  // jumbo bad length
        f.add(v6(HOP_BY_HOP, concat(options(UDP, hex("c90400000000")), udp6())));                // homeaddr cut short
        f.add(v6(HOP_BY_HOP, concat(options(UDP, concat(hex("c90e"), new byte[14], hex("010400000000"))), udp6())));
        f.add(v6(HOP_BY_HOP, concat(options(UDP, hex("1e0900000000")), udp6())));                // option past the header
        f.add(v6(HOP_BY_HOP, concat(options(UDP, hex("01030000001e")), udp6())));                // no room for a length
        f.add(v6(DESTINATION, concat(options(HOP_BY_HOP, hex("010400000000")), options(UDP, hex("010400000000")),
            udp6())));                                                                             // hop-by-hop not first
        f.add(v6(HOP_BY_HOP, concat(options(HOP_BY_HOP, hex("010400000000")), options(UDP, hex("010400000000")),
            udp6())));                                                                             // hop-by-hop twice
        f.add(v6(DESTINATION, 0, concat(options(UDP, hex("010400000000")), udp6())));            // no length, no jumbo
        f.add(v6(UDP, 0, udp6()));                                                                 // no length, no headers
        f.add(v6(HOP_BY_HOP, 4, concat(options(UDP, hex("010400000000")), udp6())));             // longer than the payload
        return f;
    }

    /** Routing and fragment headers. */
    static List<Frame> routingFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(v6(ROUTING, concat(routing(UDP, 0, 2, new byte[4], SEGMENT_1, SEGMENT_2), udpTo(SEGMENT_2))));
        f.add(v6(ROUTING, concat(routing(UDP, 0, 2, new byte[4], SEGMENT_1, SEGMENT_2), udpTo(IP6_B))));  // wrong sum
        f.add(v6(DESTINATION, concat(options(ROUTING, hex("010400000000")),
            routing(TCP, 2, 1, new byte[4], SEGMENT_1), tcpTo(SEGMENT_1))));
        f.add(v6(ROUTING, concat(routing(ICMPV6, 0, 0, hex("0000abcd")), echo6To(IP6_B))));     // reserved set, no hops
        f.add(v6(ROUTING, concat(hex("11010000 00000000"), new byte[8], udp6())));               // odd length
        f.add(v6(ROUTING, concat(routing(UDP, 3, 1, new byte[4], SEGMENT_1), udp6())));         // unknown type
        f.add(v6(ROUTING, concat(routing(UDP, 4, 1, hex("01001234"), SEGMENT_1, SEGMENT_2), udpTo(SEGMENT_1))));
        f.add(v6(ROUTING, concat(routing(ICMPV6, 4, 0, hex("00000000"), SEGMENT_2), echo6To(SEGMENT_2))));
        f.add(v6(ROUTING, concat(hex("11030400 00800000"), new byte[24], udp6())));             // flags, odd length
        f.add(v6(HOP_BY_HOP, concat(options(ROUTING, hex("010400000000")),
            routing(UDP, 0, 1, new byte[4], SEGMENT_1), udpTo(SEGMENT_1))));
        f.add(v6(FRAGMENT, concat(fragment(UDP, 0, true, 0x12345678L), udp6())));                // first fragment
        f.add(v6(FRAGMENT, concat(fragment(UDP, 1448, false, 0x12345678L), ascii("rest of it"))));  // later fragment
        f.add(v6(FRAGMENT, concat(fragment(TCP, 0, false, 9), tcpTo(IP6_B))));                   // atomic fragment
        f.add(v6(FRAGMENT, 6, fragment(UDP, 8, false, 1)));                                        // length below zero
        f.add(v6(FRAGMENT, 8, fragment(UDP, 0, true, 5)));                                         // nothing after it
        f.add(v6(ROUTING, concat(routing(FRAGMENT, 0, 1, new byte[4], SEGMENT_1), fragment(UDP, 0, true, 6),
            udpTo(SEGMENT_1))));
        return f;
    }

    /** AH, ESP and IPComp over IPv6 and IPv4. */
    static List<Frame> ipsecFrames() {
        List<Frame> f = new ArrayList<>();
        byte[] icv = hex("00112233445566778899aabb");
        f.add(v6(AH, concat(ah(TCP, 0, 0x1000, 1, icv), tcpTo(IP6_B))));
        f.add(v6(AH, concat(ah(UDP, 0x1234, 0xabcdef01L, 0x10000L, new byte[0]), udp6())));
        f.add(v6(AH, concat(ah(ICMPV6, 0, 7, 8, icv), echo6To(IP6_B))));
        f.add(v6(AH, concat(ah(ESP, 0, 7, 8, icv), esp(0x2000, 3, new byte[16]))));
        f.add(v6(HOP_BY_HOP, concat(options(AH, hex("010400000000")), ah(AH, 0, 1, 2, icv), ah(UDP, 0, 3, 4, icv),
            udp6())));
        f.add(v6(ESP, esp(0x2000, 3, new byte[24])));
        f.add(v6(ESP, esp(0x2000, 3, new byte[0])));                                               // no payload at all
        f.add(v6(IPCOMP, concat(hex("11000003"), new byte[20])));
        f.add(new Frame(ethernet(0x0800, ipv4(AH, concat(ah(UDP, 0, 0x3000, 9, icv), udp(1, 2, ascii("v4"), IP_A,
            IP_B))))));
        f.add(new Frame(ethernet(0x0800, ipv4(AH, concat(ah(1, 0, 0x3000, 9, icv), icmpEcho(8, 1, 2, new byte[4]))))));
        f.add(new Frame(ethernet(0x0800, ipv4(ESP, esp(0x3001, 10, new byte[20])))));
        return f;
    }

    /** Mobility headers (RFC 6275 6.1), after which tcpdump prints nothing more. */
    static List<Frame> mobilityFrames() {
        List<Frame> f = new ArrayList<>();
        byte[] cookie = hex("0102030405060708"), token = hex("1112131415161718");
        f.add(v6(MOBILITY, options(NONE, hex("00 00 0000 0000"))));                                // BRR
        f.add(v6(MOBILITY, options(NONE, concat(hex("01 00 0000 0000"), cookie))));               // HoTI
        f.add(v6(MOBILITY, options(NONE, concat(hex("02 00 0000 0000"), cookie))));               // CoTI
        f.add(v6(MOBILITY, options(NONE, concat(hex("03 00 0000 0102"), cookie, token))));        // HoT
        f.add(v6(MOBILITY, options(NONE, concat(hex("04 00 0000 0102"), cookie, token))));        // CoT
        f.add(v6(MOBILITY, concat(options(NONE, hex("05 00 0000 0007 c000 000a 01020000")), new byte[4])));  // BU
        f.add(v6(MOBILITY, options(NONE, hex("05 00 0000 0007 3000 000a 01020000"))));            // BU, option at the end
        f.add(v6(MOBILITY, concat(options(NONE, hex("06 00 0000 0380 0009 0010 02020005")), new byte[2])));  // BA
        f.add(v6(MOBILITY, options(NONE, concat(hex("07 00 0000 0200"), SEGMENT_1))));           // BE
        f.add(v6(MOBILITY, options(NONE, hex("09 00 0000 0000"))));                                // unknown type
        f.add(v6(MOBILITY, options(NONE, hex("05 00 0000 0000"))));                                // too short for a BU
        f.add(v6(MOBILITY, concat(options(NONE, concat(hex("05 00 0000 0001 0000 0001"), hex("0310"), SEGMENT_2,
            hex("0404aaaabbbb"), hex("050a"), new byte[10], hex("0900 00 0103000000"))), new byte[1])));
        f.add(v6(MOBILITY, concat(options(NONE, hex("05 00 0000 0001 0000 0001 0000 0200")), new byte[1])));  // refresh short
        f.add(v6(DESTINATION, concat(options(MOBILITY, hex("010400000000")), options(NONE, hex("00 00 0000 0000")))));
        return f;
    }

    static List<Frame> headerFrames() {
        List<Frame> f = new ArrayList<>(optionFrames());
        f.addAll(routingFrames());
        f.addAll(ipsecFrames());
        f.addAll(mobilityFrames());
        return f;
    }

    @Override
    List<Frame> frames() {
        return headerFrames();
    }

    /** Cut from the 21st byte of the IP header, so IPv4 AH and ESP from their first byte. */
    @Override
    int start(byte[] frame) {
        return 14 + 20;
    }

    /** The headers after the IPv6 (or IPv4) header. */
    @Override
    int mutantStart(byte[] frame) {
        return MutatedFrames.afterIpHeader(frame);
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("IP6EXT", 8200, 6))
            .cut("-x", "-v", "-v -x");
    }
}
