package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * IP tunnels without a tunnel header (IP-in-IP, protocol 4; IPv6-in-IP, 41; Ethernet-in-IPv6, 143) against tcpdump
 * 4.99 itself: the carried packet is printed like any, in every verbosity, with -e, cut after every byte, and
 * mutated.
 */
class IpTunnelTest extends TcpdumpConformance {
    private static final byte[] INNER_A = {(byte) 192, (byte) 168, 0, 1};
    private static final byte[] INNER_B = {(byte) 192, (byte) 168, 0, 2};

    static List<Frame> allFrames() {
        byte[] inner4 = ipv4(17, udp(1000, 2000, "abcd".getBytes(), INNER_A, INNER_B), 0, 63, 9, 0, new byte[0], -1,
            INNER_A, INNER_B);
        byte[] inner6 = ipv6(17, udp(5000, 5001, new byte[3], IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B);
        byte[] innerEthernet = ethernet(0x0800, inner4);
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(ethernet(0x0800, ipv4(4, inner4))));                                          // IPIP
        f.add(new Frame(ethernet(0x0800, ipv4(41, inner6))));                                         // 6in4
        f.add(new Frame(ethernet(0x86dd, ipv6(4, inner4, 0x60000000L, IP6_A, IP6_B))));               // 4in6
        f.add(new Frame(ethernet(0x86dd, ipv6(41, inner6, 0x60000000L, IP6_A, IP6_B))));              // 6in6
        f.add(new Frame(ethernet(0x86dd, ipv6(143, innerEthernet, 0x60000000L, IP6_A, IP6_B))));      // Ethernet
        f.add(new Frame(ethernet(0x0800, ipv4(143, innerEthernet))));                                 // needs IPv6
        f.add(new Frame(ethernet(0x0800, ipv4(4, ipv4(4, inner4)))));                                 // nested
        f.add(new Frame(ethernet(0x0800, ipv4(4, inner6))));                                          // wrong version
        f.add(new Frame(ethernet(0x86dd, ipv6(143, hex("0011223344"), 0x60000000L, IP6_A, IP6_B))));  // short frame
        // IPv4 in 6in4, IPv6 carried in Ethernet-in-IPv6 and over it, a carried TCP segment and ICMP echo
        f.add(new Frame(ethernet(0x0800, ipv4(41, inner4))));
        f.add(new Frame(ethernet(0x86dd, ipv6(143, ethernet(0x86dd, inner6), 0x60000000L, IP6_A, IP6_B))));
        f.add(new Frame(ethernet(0x86dd, ipv6(41, ipv6(41, inner6, 0x6abcdef1L, IP6_B, IP6_A), 0x60000000L,
            IP6_A, IP6_B))));
        f.add(new Frame(ethernet(0x0800, ipv4(4, ipv4(6, tcp(40000, 80, 1, 2, 0x018, 512, 0, new byte[0],
            ascii("GET"), INNER_A, INNER_B), 0, 62, 10, 0, new byte[0], -1, INNER_A, INNER_B)))));
        f.add(new Frame(ethernet(0x86dd, ipv6(4, ipv4(1, icmpEcho(8, 7, 1, new byte[8]), 0, 62, 11, 0,
            new byte[0], -1, INNER_A, INNER_B), 0x60000000L, IP6_A, IP6_B))));
        // carried packets whose lengths disagree with what carries them: longer, shorter, a header length too short
        f.add(new Frame(ethernet(0x0800, ipv4(4, ipv4(17, udp(1000, 2000, new byte[4], INNER_A, INNER_B), 0, 63,
            9, 0, new byte[0], 60, INNER_A, INNER_B)))));
        f.add(new Frame(ethernet(0x0800, ipv4(4, concat(ipv4(17, udp(1000, 2000, new byte[4], INNER_A, INNER_B), 0,
            63, 9, 0, new byte[0], 24, INNER_A, INNER_B), new byte[6])))));
        f.add(new Frame(ethernet(0x86dd, ipv6(41, concat(hex("60000000 0020 11 40"), IP6_B, IP6_A,
            udp(1, 2, new byte[2], IP6_B, IP6_A)), 0x60000000L, IP6_A, IP6_B))));
        f.add(new Frame(ethernet(0x0800, ipv4(4, concat(hex("4300001c 00090000 3f110000"), INNER_A, INNER_B,
            new byte[8])))));
        return f;
    }

    @Override
    List<Frame> frames() {
        return allFrames();
    }

    /** From the 21st byte of the outer header: IPv4's carried packet from its first byte. */
    @Override
    int start(byte[] frame) {
        return 14 + 20;
    }

    /** The carried packet. */
    @Override
    int mutantStart(byte[] frame) {
        return MutatedFrames.afterIpHeader(frame);
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("IPTUNNEL", 41, 25))
            .whole("", "-v", "-vv", "-q", "-e -v")
            .cut("-x", "-v", "-v -x");
    }
}
