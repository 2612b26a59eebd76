package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * MPLS label stacks over Ethernet (RFC 3032 entries: label, traffic class, bottom of stack, TTL) against tcpdump 4.99
 * itself: the stack, tcpdump's guess of the payload (IPv4, IPv6, or a hex dump: pseudowires and anything else), in
 * every verbosity, with -e, -x and -X, cut after every byte, and seeded mutants of the stack and what follows.
 */
class MplsFormatterTest extends TcpdumpConformance {
    /** One label stack entry. */
    static byte[] label(int label, int tc, boolean bottom, int ttl) {
        return u32((long) label << 12 | tc << 9 | (bottom ? 1 : 0) << 8 | ttl);
    }

    static Frame mpls(byte[]... stackAndPayload) {
        return new Frame(ethernet(0x8847, concat(stackAndPayload)));
    }

    static byte[] ipUdp() {
        return ipv4(17, udp(1000, 2000, ascii("abcd"), IP_A, IP_B));
    }

    static List<Frame> allFrames() {
        byte[] ip6Udp = ipv6(17, udp(5000, 5001, new byte[3], IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B);
        byte[] pseudowire = concat(hex("00000001"), ethernet(0x0800, ipUdp()));
        List<Frame> f = new ArrayList<>();
        f.add(mpls(label(100, 3, true, 64), ipUdp()));
        f.add(mpls(label(16001, 0, false, 255), label(24005, 5, true, 254), ipUdp()));
        f.add(mpls(label(1, 7, false, 1), label(0, 0, true, 63), ipUdp()));               // router alert, explicit null
        f.add(mpls(label(2, 0, true, 64), ip6Udp));                                       // IPv6 explicit null
        f.add(mpls(label(3, 0, true, 0), ipUdp()));                                        // implicit null
        f.add(mpls(label(299776, 1, true, 10), ip6Udp));                                   // IPv6 by its first byte
        f.add(mpls(label(4, 0, false, 9), label(15, 0, false, 8), label(16, 0, true, 7), ipUdp()));   // reserved
        f.add(mpls(label(1048575, 0, false, 2), label(17, 0, true, 2), pseudowire));       // pseudowire: dumped
        f.add(mpls(label(200, 0, true, 64), hex("99aabbccddeeff00112233445566778899")));  // unknown payload
        f.add(mpls(label(2, 0, true, 64), ipUdp()));                                       // IPv6 label, IPv4 inside
        f.add(new Frame(ethernet(0x8848, concat(label(300, 2, true, 9), ipUdp()))));      // multicast
        f.add(new Frame(vlan(20, 0x8847, concat(label(400, 0, true, 9), ipUdp()))));      // under a VLAN tag
        f.add(mpls(label(500, 0, true, 64), ipv4(17, udp(1, 2, new byte[0], IP_A, IP_B)), new byte[12]));   // padding
        List<byte[]> deep = new ArrayList<>();
        for (int i = 0; i < 11; i++) deep.add(label(1000 + i, i & 7, i == 10, 64 - i));
        deep.add(ipUdp());
        f.add(mpls(deep.toArray(byte[][]::new)));                                          // a deep stack
        f.add(mpls(label(600, 0, true, 64)));                                              // nothing after the stack
        f.add(mpls(label(700, 0, false, 64), hex("0002")));                               // shorter than an entry
        f.add(mpls(hex("000c")));                                                          // no whole entry
        // each reserved label at the bottom, and tcpdump's guess by the first byte at its edges
        for (int reserved = 0; reserved < 16; reserved++) f.add(mpls(label(reserved, 0, true, 64), ipUdp()));
        f.add(mpls(label(3, 0, true, 64), ip6Udp));                                         // implicit null, IPv6
        f.add(mpls(label(13, 0, true, 1), hex("1000 0008 0001 0203")));                    // GAL: an ACH, dumped
        f.add(mpls(label(14, 0, false, 1), label(13, 0, true, 1), hex("1000 0022")));      // OAM alert, GAL
        for (int first : new int[] {0x44, 0x4f, 0x50, 0x5f, 0x70, 0x80, 0x81, 0x82, 0x83, 0x84}) {
            f.add(mpls(label(800 + first, 0, true, 64), new byte[] {(byte) first}, hex("00112233445566778899")));
        }
        f.add(mpls(label(900, 0, true, 64), OsiCarriedTest.esHello()));                    // ES-IS by its 0x82
        f.add(mpls(label(0, 0, true, 64)));                                                 // explicit null, nothing
        f.add(mpls(label(2, 0, true, 64), hex("60")));                                      // IPv6 null, one byte
        return f;
    }

    @Override
    List<Frame> frames() {
        return allFrames();
    }

    /** From the ethertype: the cuts as before; the mutants from the stack on. */
    @Override
    int start(byte[] frame) {
        return 12;
    }

    @Override
    int mutantStart(byte[] frame) {
        return MutatedFrames.afterEthernet(frame);
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("MPLS", 0x8847, 25))
            .whole("", "-v", "-vv", "-q", "-e", "-X")
            .cut("-x", "-v", "-e -vv")
            .mutated("", "-x", "-v");
    }
}
