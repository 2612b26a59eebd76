package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GRE (RFC 1701/2784/2890 version 0, RFC 2637 version 1) against tcpdump 4.99 itself: flags, checksum, offset, key,
 * sequence, source routes, call id and acknowledgement, and what it carries (IPv4, IPv6, MPLS, Ethernet, PPP, and
 * ERSPAN, which tcpdump 4.99 does not decode), in every verbosity, with -e, cut after every byte, and seeded mutants
 * from the GRE header on.
 */
class GreFormatterTest extends TcpdumpConformance {
    private static final byte[] INNER_A = {(byte) 192, (byte) 168, 10, 1};
    private static final byte[] INNER_B = {(byte) 192, (byte) 168, 10, 2};

    static Frame overIpv4(byte[] gre) {
        return new Frame(ethernet(0x0800, ipv4(47, gre)));
    }

    static Frame overIpv6(byte[] gre) {
        return new Frame(ethernet(0x86dd, ipv6(47, gre, 0x60000000L, IP6_A, IP6_B)));
    }

    static byte[] innerUdp() {
        return ipv4(17, udp(1000, 2000, ascii("abcd"), INNER_A, INNER_B), 0, 63, 9, 0, new byte[0], -1, INNER_A,
            INNER_B);
    }

    /** The frame a switch mirrors: Ethernet, 802.1Q, IPv4, TCP SYN. */
    static byte[] mirroredFrame() {
        return vlan(10, 0x0800, ipv4(6, tcp(33000, 443, 1000, 0, 0x002, 64240, 0, hex("020405b4"), new byte[0],
            INNER_A, INNER_B), 0, 64, 7, 0x4000, new byte[0], -1, INNER_A, INNER_B));
    }

    /** ERSPAN type II header (version 1): VLAN 10, CoS 5, session 100, index 7. */
    static byte[] erspanII(byte[] frame) {
        return concat(hex("100a a064 00000007"), frame);
    }

    /** ERSPAN type III header (version 2) with its timestamp and no platform subheader. */
    static byte[] erspanIII(byte[] frame) {
        return concat(hex("200a a064 12345678 0000 0000"), frame);
    }

    static List<Frame> allFrames() {
        byte[] ip6Udp = ipv6(17, udp(5000, 5001, new byte[3], IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B);
        byte[] mpls = concat(hex("00064140"), innerUdp());   // label 100, bottom, ttl 64
        byte[] lcp = hex("ff03 c021 01 01 000e 0104 05d4 0506 1a2b3c4d");
        List<Frame> f = new ArrayList<>();
        f.add(overIpv4(concat(hex("0000 0800"), innerUdp())));
        f.add(overIpv4(concat(hex("3000 86dd 0000abcd 00000005"), ip6Udp)));                  // key and sequence
        f.add(overIpv4(concat(hex("8000 0800 1234 0000"), innerUdp())));                      // checksum
        f.add(overIpv4(concat(hex("2000 6558 00000064"), mirroredFrame())));                  // Ethernet bridged
        f.add(overIpv4(concat(hex("1000 88be 00000001"), erspanII(mirroredFrame()))));        // ERSPAN II
        f.add(overIpv4(concat(hex("0000 22eb"), erspanIII(mirroredFrame()))));                // ERSPAN III
        f.add(overIpv4(concat(hex("0000 88be"), mirroredFrame())));                           // ERSPAN I
        f.add(overIpv4(concat(hex("0000 8847"), mpls)));
        f.add(overIpv4(concat(hex("0000 883e 00000000"), innerUdp())));                       // WCCP
        f.add(overIpv4(concat(hex("0000 1234"), new byte[6])));                               // unknown protocol

        // routing: an IP route (the second hop current), an AS route, one of an unknown family, the null entry
        f.add(overIpv4(concat(hex("4000 0800 0000 0010"), hex("0800 04 08 01020304 05060708"),
            hex("fffe 02 04 00640065"), hex("0001 00 02 ffff"), hex("0000 00 00"), innerUdp())));
        f.add(overIpv4(concat(hex("4000 0800 0000 0000"), hex("0800 01 08 01020304 05060708"),
            hex("0800 04 06 010203040506"), hex("0800 08 08 01020304 05060708"), hex("fffe 01 04 00640065"),
            hex("fffe 02 03 006400"), hex("fffe 04 04 00640065"), hex("0000 00 00"), innerUdp())));   // bad ones
        f.add(overIpv4(concat(hex("f8ff 0800 0000 0000"), hex("0000 00 00"), innerUdp())));  // every flag, recursion
        f.add(overIpv4(concat(hex("3081 880b 00200007 00000002 00000001"), hex("ff03 0021"), innerUdp())));   // PPTP
        f.add(overIpv4(concat(hex("3001 880b 000e0007 00000003"), lcp)));                     // PPTP, LCP
        f.add(overIpv4(hex("2081 880b 00000007 00000004")));                                  // PPTP ack only
        f.add(overIpv4(concat(hex("3001 0800 00000007 00000005"), innerUdp())));              // PPTP, not PPP
        f.add(overIpv4(concat(hex("0002 0800"), innerUdp())));                                // version 2
        f.add(overIpv6(concat(hex("2000 0800 00000001"), innerUdp())));
        f.add(overIpv6(concat(hex("0000 6558"), mirroredFrame())));
        f.add(overIpv4(concat(hex("0000 6558"), hex("0011223344"))));                        // frame too short
        f.add(overIpv4(hex("00")));                                                           // 1 byte
        f.add(overIpv4(hex("8000 0800 12")));                                                 // checksum cut short
        // the other protocols tcpdump's GRE version 0 hands on: IPX, AppleTalk DDP, ISO (0x00fe)
        f.add(overIpv4(concat(hex("0000 8137"), hex("ffff 001e 00 04 00000001 ffffffffffff 0452"),
            hex("00000002 001122334455 0453"))));
        f.add(overIpv4(concat(hex("0000 809b 0014 0000 0002 0003 04 05 06 07 99"), new byte[7])));
        f.add(overIpv4(concat(hex("0000 00fe"), OsiCarriedTest.esHello())));
        f.add(overIpv4(concat(hex("2000 00fe 00000009"), OsiCarriedTest.clnpData())));
        // every version 0 field at once: checksum, offset, key, sequence and a route
        f.add(overIpv4(concat(hex("f000 86dd abcd 0004 00000063 00000007"), hex("0800 00 08 0a000001 0a000002"),
            hex("0000 00 00"), ipv6(17, udp(5000, 5001, new byte[3], IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B))));
        f.add(overIpv4(concat(hex("c000 0800 0000 0000"), hex("0800 00 04 0a000001"), hex("0000 00 00"),
            innerUdp())));                                                                      // checksum and route
        f.add(overIpv4(concat(hex("4000 0800 0000 0000"), hex("0800 00 40 0a000001"))));       // route past the end
        f.add(overIpv4(concat(hex("4000 0800 0000 0000"), hex("fffe 00 10 0001"))));           // AS route past the end
        // version 1: sequence without key, key without sequence, each flag, another protocol, cut after the key
        f.add(overIpv4(concat(hex("1001 880b 00000009"), hex("ff03 0021"), innerUdp())));
        f.add(overIpv4(hex("2001 880b 00000007")));
        f.add(overIpv4(concat(hex("b0ff 880b 00040007 0000000a 0000000b"), hex("c021 0102"))));
        f.add(overIpv4(concat(hex("3001 86dd 00040007 0000000c"), hex("01020304"))));
        f.add(overIpv4(hex("3081 880b 00200007 00000002")));                                    // no room for the ack
        f.add(overIpv4(concat(hex("0003 0800"), innerUdp())));                                 // version 3
        f.add(overIpv4(concat(hex("0007 0800"), innerUdp())));                                 // version 7
        // GRE inside GRE (the same printer re-entered): plain, with key and sequence both times, after the outer's
        // source route, through a bridged Ethernet frame, PPTP in PPTP, ISO in ISO by NLPID 0xcc and through PPP
        f.add(overIpv4(concat(hex("0000 0800"), ipv4(47, concat(hex("0000 0800"), innerUdp())))));
        f.add(overIpv4(concat(hex("3000 0800 0000abcd 00000005"), ipv4(47, concat(hex("3000 86dd 0000abce 00000006"),
            ipv6(17, udp(5000, 5001, new byte[3], IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B))))));
        f.add(overIpv4(concat(hex("4000 0800 0000 0000"), hex("0800 04 08 01020304 05060708"), hex("0000 00 00"),
            ipv4(47, concat(hex("8000 0800 1234 0000"), innerUdp())))));
        f.add(overIpv4(concat(hex("0000 6558"), ethernet(0x0800, ipv4(47, concat(hex("2000 0800 00000009"),
            innerUdp()))))));
        f.add(overIpv4(concat(hex("3001 880b 00000007 00000001 ff03 0021"),
            ipv4(47, concat(hex("3081 880b 00000008 00000002 00000001 ff03 0021"), innerUdp())))));
        f.add(overIpv4(concat(hex("0000 00fe cc"), ipv4(47, concat(hex("0000 00fe"), OsiCarriedTest.hello())))));
        f.add(overIpv4(concat(hex("0000 00fe cf ff03 0023 cf 0021"), ipv4(47, concat(hex("0000 00fe"),
            OsiCarriedTest.clnpData())))));
        return f;
    }

    @Override
    List<Frame> frames() {
        return allFrames();
    }

    /** The cuts start after the outer IPv4 header's length (inside an IPv6 header, as before); the mutants at GRE. */
    @Override
    int start(byte[] frame) {
        return 14 + 20;
    }

    @Override
    int mutantStart(byte[] frame) {
        return MutatedFrames.afterIp(frame);
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("GRE", 47, 16))
            .whole("", "-v", "-vv", "-q", "-e", "-e -v")
            .cut("-x", "-v -x", "-e -vv")
            .mutated("-x", "-e -vv")
            .allocation("", "-v", "-e -vv");
    }

    /**
     * The capture comparison claims these encapsulations (classified by what they carry) and finds them identical to
     * tcpdump's lines (OSI after MPLS, IPX and AppleTalk after GRE and PPP too): none stays unclaimed.
     */
    @Test
    void captureComparisonClaimsThem() throws Exception {
        assumeTrue(Tcpdump.available(), "tcpdump is not installed");
        List<Frame> frames = new ArrayList<>(allFrames());
        frames.addAll(MplsFormatterTest.allFrames());
        frames.addAll(PppoeFormatterTest.discoveryFrames());
        frames.addAll(PppoeFormatterTest.sessionFrames());
        frames.addAll(OsiCarriedTest.frames());
        frames.add(overIpv4(concat(hex("0000 8137"), new byte[30])));                          // IPX
        frames.add(overIpv4(concat(hex("0000 809b 0014 0000 0002 0003 04 05 06 07 99"), new byte[7])));   // DDP
        frames.add(overIpv4(concat(hex("3001 880b 0022 0000 0000 0001 ff03 002b"), new byte[30])));   // PPTP: IPX
        frames.add(MplsFormatterTest.mpls(MplsFormatterTest.label(100, 0, true, 64), hex("8301020304")));   // OSI
        Path file = dir.resolve("encapsulations.pcap");
        TestPcap.write(file, LinkType.EN10MB, 1_700_000_000L, frames);
        CaptureComparison c = new CaptureComparison();
        c.compare(file);
        assertEquals(List.of(), c.mismatches, c.summary());
        assertEquals(3 * frames.size(), c.compared, c.summary());
        assertEquals(Map.of(), c.notClaimed, c.summary());
    }
}
