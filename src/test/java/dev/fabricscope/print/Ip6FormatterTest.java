package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.Ip6ExtensionFrames.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * The IPv6 header (RFC 8200 section 3) as tcpdump 4.99 prints it (print-ip6.c's ip6_print): traffic class and flow
 * label with -v, hop limits, payload lengths equal to, shorter and longer than the bytes captured, zero with and
 * without a jumbo payload option, each next header tcpdump names and some it does not, versions other than 6, in
 * every verbosity, cut after every byte of the header, and seeded mutants of it.
 */
class Ip6FormatterTest extends TcpdumpConformance {
    /** Bytes most next headers print something of; as an options or routing header it leads to no next header. */
    private static final byte[] BODY = hex("3b000104 00000000 00000000 00000000");
    private static final long V6 = 0x60000000L;

    /** An IPv6 header as given (version, class and flow label in {@code flowWord}), then {@code payload}. */
    static Frame ip6(long flowWord, int payloadLength, int nextHeader, int hopLimit, byte[] payload) {
        return new Frame(ethernet(0x86dd, concat(u32(flowWord), u16(payloadLength),
            new byte[] {(byte) nextHeader, (byte) hopLimit}, IP6_A, IP6_B, payload)));
    }

    static Frame ip6(long flowWord, int nextHeader, int hopLimit, byte[] payload) {
        return ip6(flowWord, payload.length, nextHeader, hopLimit, payload);
    }

    private static byte[] udpPayload() {
        return udp(5000, 6000, ascii("hi!"), IP6_A, IP6_B);
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        // traffic class and flow label, each, both, neither; hop limits
        for (long flow : new long[] {V6, 0x6ab00000L, 0x600abcdeL, 0x6fffffffL, 0x60100001L, 0x6ff00000L, 0x600fffffL}) {
            f.add(ip6(flow, UDP, 64, udpPayload()));
        }
        for (int hopLimit : new int[] {0, 1, 128, 255}) f.add(ip6(V6, UDP, hopLimit, udpPayload()));
        // the payload length against the bytes captured: shorter (padding after it), longer, zero with nothing after
        // the header, zero with a payload, zero before an extension header
        f.add(ip6(V6, 11, UDP, 64, concat(udpPayload(), new byte[20])));
        f.add(ip6(V6, 40, UDP, 64, udpPayload()));
        f.add(ip6(V6, 0xffff, NONE, 64, BODY));
        f.add(ip6(V6, 1, NONE, 64, BODY));
        f.add(ip6(V6, 0, NONE, 64, new byte[0]));
        f.add(ip6(V6, 0, UDP, 64, udpPayload()));
        f.add(ip6(V6, 0, ICMPV6, 64, icmp6Echo(128, 1, 2, new byte[4], IP6_A, IP6_B)));
        f.add(ip6(V6, 0, DESTINATION, 64, concat(options(UDP, hex("010400000000")), udpPayload())));
        f.add(ip6(V6, 0, ROUTING, 64, concat(routing(UDP, 0, 1, new byte[4], SEGMENT_1), udpPayload())));
        // jumbo payload options: with payload length 0, with one set, shorter than the headers before the payload,
        // cut, and none where one is needed
        f.add(ip6(V6, 0, HOP_BY_HOP, 64, concat(options(UDP, hex("c20400012345")), udpPayload())));
        f.add(ip6(V6, 0, HOP_BY_HOP, 64, concat(options(NONE, hex("c20400010000")))));
        f.add(ip6(V6, 19, HOP_BY_HOP, 64, concat(options(UDP, hex("c20400012345")), udpPayload())));
        f.add(ip6(V6, 0, HOP_BY_HOP, 64, concat(options(UDP, hex("c20400000004")), udpPayload())));
        f.add(ip6(V6, 0, HOP_BY_HOP, 64, concat(options(UDP, hex("c204ffffffff")), udpPayload())));
        f.add(ip6(V6, 0, HOP_BY_HOP, 64, concat(options(UDP, hex("c204ffffff65")), udpPayload())));
        f.add(ip6(V6, 0, HOP_BY_HOP, 64, concat(options(UDP, hex("c20400012345")), hex("13881770 0000 0000 686921"))));
        f.add(ip6(V6, 0, HOP_BY_HOP, 64, concat(options(UDP, hex("c204fffffff0")), hex("13881770 0000 0000 686921"))));
        f.add(ip6(V6, 0, HOP_BY_HOP, 64, concat(options(TCP, hex("c20400012345")),
            tcp(40000, 443, 1000, 0, 0x018, 1024, 0, new byte[0], ascii("data"), IP6_A, IP6_B))));
        f.add(ip6(V6, 0, HOP_BY_HOP, 64, concat(options(TCP, hex("c204ffffff00")),
            tcp(40000, 443, 1000, 0, 0x018, 1024, 0, new byte[0], ascii("data"), IP6_A, IP6_B))));
        f.add(ip6(V6, 0, HOP_BY_HOP, 64, concat(options(ICMPV6, hex("c204ffffff00")),
            icmp6Echo(128, 1, 2, new byte[4], IP6_A, IP6_B))));
        f.add(ip6(V6, 0, HOP_BY_HOP, 64, concat(options(ICMPV6, hex("c204ffffff00")), hex("c7008564 00010002"))));
        for (int type : new int[] {130, 140, 143, 144}) {   // MLD query, node information reply, MLDv2 report, HA reply
            f.add(ip6(V6, 0, HOP_BY_HOP, 64, concat(options(ICMPV6, hex("c204ffffff00")),
                new byte[] {(byte) type, 0, 0, 0}, new byte[36])));
        }
        f.add(ip6(V6, 0, HOP_BY_HOP, 64, concat(options(UDP, hex("010400000000")), udpPayload())));
        f.add(ip6(V6, 0, HOP_BY_HOP, 64, concat(hex("1100c204 0001"))));
        // each next header tcpdump names, then some it does not
        for (int nh : new int[] {0, 1, 2, 4, 6, 8, 9, 17, 33, 41, 43, 44, 46, 47, 50, 51, 55, 58, 60, 62, 88, 89, 103,
            108, 112, 113, 132, 135, 143, 3, 5, 59, 77, 92, 200, 253, 255}) {
            f.add(ip6(0x61234567L, nh, 17, BODY));
        }
        // versions other than 6, as the Ethernet type says IPv6
        for (long flow : new long[] {0x40000000L, 0x00000000L, 0x70000000L, 0xf0000000L, 0x45000028L}) {
            f.add(ip6(flow, UDP, 64, udpPayload()));
        }
        // a header too short for the frame
        f.add(new Frame(ethernet(0x86dd, hex("60000000 0000 3b40 20010db8"))));
        return f;
    }

    /** The IPv6 header from its first byte. */
    @Override
    int start(byte[] frame) {
        return 14;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("IP6", 8200, 10));
    }
}
