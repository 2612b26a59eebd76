package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The printers above UDP and TCP given an IPv6 jumbogram's payload length (RFC 2675's Jumbo Payload option, UDP's
 * length 0) at or past 2^31, against tcpdump 4.99 itself, which takes it as an unsigned int: to each port tcpdump
 * decodes and a few it does not, either way round, with jumbo lengths of 2^31 up to just under 2^32. No exception,
 * no negative length, tcpdump's text.
 */
class JumbogramPayloadTest {
    @TempDir
    Path dir;

    private static final long[] LENGTHS = {0x80000000L, 0x80000008L, 0xc0000000L, 0xffff0000L, 0xffffffd0L,
        0xfffffff0L, 0xffffffffL};
    /** Fewer, for the surveys over every conformance frame: either side of 2^31's neighbourhood and near 2^32. */
    private static final long[] SURVEY_LENGTHS = {0x80000000L, 0xc0000000L, 0xffffffd0L};
    /** A DNS query: enough for most printers to print their first fields, and their lengths. */
    private static final byte[] PAYLOAD = hex("1234 0100 0001 0000 0000 0000 03777777 00 0001 0001");
    private static final int[] UDP_PORTS = {53, 5353, 525, 69, 67, 520, 654, 500, 4500, 161, 123, 88, 750, 1701, 3456,
        2103, 7000, 521, 547, 5359, 6696, 8231, 4567, 496, 1812, 1985, 921, 646, 698, 3503, 4342, 701, 1067, 6343,
        12222, 12223, 4789, 6081, 8472, 4790, 6635, 3784, 4784, 514, 30490, 319, 17754, 7, 2049, 5060, 49153};
    private static final int[] TCP_PORTS = {53, 179, 80, 8080, 639, 6633, 6653, 22, 6379, 2049, 23, 1723, 646, 323, 25,
        43, 21, 554, 10288, 139, 5001};

    /** IPv6 with payload length 0 and a hop-by-hop header holding the Jumbo Payload option, then {@code payload}. */
    static Frame jumbo(int nextHeader, long jumboLength, byte[] payload) {
        byte[] hopByHop = concat(new byte[] {(byte) nextHeader, 0}, hex("c204"), u32(jumboLength));
        return Ip6FormatterTest.ip6(0x60000000L, 0, 0, 64, concat(hopByHop, payload));
    }

    @Test
    void udpPayloadsAsTcpdump() throws Exception {
        List<Frame> f = new ArrayList<>();
        for (int port : UDP_PORTS) {
            for (long length : LENGTHS) {
                f.add(jumbo(17, length, concat(u16(40000), u16(port), u16(0), u16(0), PAYLOAD)));
                f.add(jumbo(17, length, concat(u16(port), u16(port), u16(0), u16(0), PAYLOAD)));
            }
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "", "-v", "-vv");
    }

    @Test
    void tcpPayloadsAsTcpdump() throws Exception {
        List<Frame> f = new ArrayList<>();
        for (int port : TCP_PORTS) {
            for (long length : LENGTHS) {
                f.add(jumbo(6, length, tcp(40000, port, 1000, 0, 0x018, 1024, 0, new byte[0],
                    concat(hex("0010"), PAYLOAD), IP6_A, IP6_B)));
                f.add(jumbo(6, length, tcp(port, 40000, 1000, 0, 0x018, 1024, 0, new byte[0],
                    hex("ffffffffffffffffffffffffffffffff 0013 04"), IP6_A, IP6_B)));
            }
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "", "-v", "-vv");
    }

    /**
     * The frames of every Ethernet conformance test ({@link #ethernetConformanceTests}: a new printer's test joins by
     * itself), their UDP or TCP segment carried in jumbograms: the printers get deeper than a DNS query takes them.
     * BCM-LI (UDP 49152) gave its carried Ethernet frame the length clamped to 2^31-1 (ARP's "length 2147483629" where
     * tcpdump prints 3221225438).
     */
    @Test
    void printersOwnFramesAsTcpdump() throws Exception {
        List<TcpdumpConformance> tests = ethernetConformanceTests();
        List<Frame> f = new ArrayList<>();
        for (TcpdumpConformance test : tests) {
            for (Frame frame : test.frames()) {
                byte[] segment = ipv4Segment(frame);
                if (segment == null) continue;
                int protocol = frame.bytes()[14 + 9] & 0xff;
                if (protocol == 17) {
                    segment[4] = 0;   // RFC 2675: a jumbogram's UDP length is 0
                    segment[5] = 0;
                }
                for (long length : new long[] {0x80000000L, 0xc0000000L, 0xffff0000L}) {
                    f.add(jumbo(protocol, length, segment));
                }
            }
        }
        // a TCP reset whose data is not all there: the check that prints "!RST" must not overflow
        f.add(jumbo(6, 0xc0000000L, tcp(40000, 5001, 1000, 0, 0x014, 1024, 0, new byte[0], ascii("reset"), IP6_A,
            IP6_B)));
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "", "-v", "-vv");
    }

    /**
     * Ethernet frames carried by UDP in jumbograms (VXLAN and Geneve): tcpdump hands the carried frame's printers
     * the UDP payload's length as its u_int, which they print (ARP's, LLDP's and IS-IS's "length"). An ARP request,
     * the LLDP and IS-IS frames of their tests.
     */
    @Test
    void carriedEthernetFramesAsTcpdump() throws Exception {
        List<byte[]> frames = new ArrayList<>();
        frames.add(ethernet(0x0806, arp(1, MAC_A, hex("c0a80a01"), new byte[6], hex("c0a80a02"))));
        for (Frame frame : LldpFormatterTest.basicFrames()) frames.add(frame.bytes());
        for (Frame frame : IsisFormatterTest.helloFrames()) frames.add(frame.bytes());
        List<Frame> f = new ArrayList<>();
        for (byte[] frame : frames) {
            for (long length : new long[] {0x80000000L, 0xc0000000L, 0xffff0000L}) {
                f.add(jumbo(17, length, concat(u16(40000), u16(4789), u16(0), u16(0), hex("08000000 00000100"),
                    frame)));
                f.add(jumbo(17, length, concat(u16(40000), u16(6081), u16(0), u16(0), hex("00006558 00000b00"),
                    frame)));
            }
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "", "-v", "-e -vv");
    }

    /**
     * OTV and VXLAN-GPE with an ARP request in jumbograms, and Geneve with ARP and LLDP by their ethertypes (not in
     * an Ethernet frame): the carried printers print tcpdump's u_int length.
     */
    @Test
    void otherEthernetCarriersAsTcpdump() throws Exception {
        byte[] arp = arp(1, MAC_A, hex("c0a80a01"), new byte[6], hex("c0a80a02"));
        byte[] lldp = LldpFormatterTest.basicFrames().getFirst().bytes();
        lldp = java.util.Arrays.copyOfRange(lldp, 14, lldp.length);
        List<byte[]> udp = List.of(
            concat(u16(40000), u16(8472), u16(0), u16(0), hex("08000000 00000100"), ethernet(0x0806, arp)),
            concat(u16(40000), u16(4790), u16(0), u16(0), hex("0c000003 00000100"), ethernet(0x0806, arp)),
            concat(u16(40000), u16(6081), u16(0), u16(0), hex("00000806 00000b00"), arp),
            concat(u16(40000), u16(6081), u16(0), u16(0), hex("000088cc 00000b00"), lldp));
        List<Frame> f = new ArrayList<>();
        for (byte[] segment : udp) {
            for (long length : new long[] {0x80000000L, 0xc0000000L, 0xffff0000L}) {
                f.add(jumbo(17, length, segment));
            }
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "", "-v", "-e -vv");
    }

    /**
     * MPLS over UDP in jumbograms carrying ES-IS and IS-IS PDUs (the IS-IS hellos of its test): their printers print
     * tcpdump's u_int length ("ES-IS, ISH, length 3221225452", ours said 2147483643).
     */
    @Test
    void mplsCarryingOsiAsTcpdump() throws Exception {
        List<byte[]> pdus = new ArrayList<>();
        pdus.add(IsisFrames.esis(4, 30, true, "0a 490001192168000001"));
        pdus.add(IsisFrames.esis(2, 300, true, "02 0a 490001192168000001 0a 490001192168000011"));
        for (Frame frame : IsisFormatterTest.helloFrames()) {
            byte[] b = frame.bytes();
            pdus.add(java.util.Arrays.copyOfRange(b, 17, b.length));   // after the Ethernet and LLC headers
        }
        List<Frame> f = new ArrayList<>();
        for (byte[] pdu : pdus) {
            for (long length : new long[] {0x80000000L, 0xc0000000L, 0xffff0000L}) {
                f.add(jumbo(17, length, concat(u16(40000), u16(6635), u16(0), u16(0), hex("00064140"), pdu)));
            }
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "", "-v", "-e -vv");
    }

    /**
     * L2TP data messages in jumbograms (with and without the address and control bytes, with a length field of 0):
     * the PPP frame's printers print tcpdump's u_int length (LCP, IPCP, multilink, an IS-IS PDU; "LCP, Conf-Request
     * (0x01), id 1, length 3221225448", ours said 2147483639), and an IPv4 packet in it gets the clamped int.
     */
    @Test
    void l2tpCarryingPppAsTcpdump() throws Exception {
        byte[] hello = IsisFormatterTest.helloFrames().getFirst().bytes();
        List<byte[]> ppp = List.of(hex("ff03 c021 01 01 000e 0104 05dc 0506 12345678"),
            hex("ff03 8021 01 01 000a 0306 c0a80001"), hex("ff03 c021 09 02 0008 12345678"), hex("c021 01 01 0004"),
            hex("ff03 003d c0 000001 ff03 c021 01 01 0004"), concat(hex("ff03 0023"),
                java.util.Arrays.copyOfRange(hello, 17, hello.length)),
            concat(hex("ff03 0021"), ipv4(17, udp(40000, 53, PAYLOAD, IP_A, IP_B))));
        List<Frame> f = new ArrayList<>();
        for (byte[] frame : ppp) {
            for (byte[] l2tp : List.of(hex("0002 0001 0002"), hex("4002 0000 0001 0002"))) {
                for (long length : new long[] {0x80000000L, 0xc0000000L, 0xffff0000L}) {
                    f.add(jumbo(17, length, concat(u16(1701), u16(1701), u16(0), u16(0), l2tp, frame)));
                }
            }
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "", "-v", "-e -vv");
    }

    /**
     * The whole frames of the MACsec, PPP-ethertype, slow protocols, MPCP, loopback, AoE, CFM and NSH tests in VXLAN
     * in jumbograms, and NSH's in VXLAN-GPE: MACsec's integrity-only frames printed " [|macsec]" (the ICV's place
     * taken from a negative wire length), the others a clamped length ("LACPv1, length 2147483647", tcpdump
     * 3221225434).
     */
    @Test
    void carriedEthertypeFramesAsTcpdump() throws Exception {
        List<Frame> frames = new ArrayList<>(CfmFormatterTest.frames());
        frames.addAll(NshFormatterTest.frames());
        for (TcpdumpConformance test : List.of(new MacsecFormatterTest(), new PppEtherTypeTest(),
                new SlowProtocolsFormatterTest(), new MpcpFormatterTest(), new LoopbackFormatterTest(),
                new AoeFormatterTest())) {
            frames.addAll(test.frames());
        }
        List<Frame> f = new ArrayList<>();
        for (Frame frame : frames) {
            if (frame.bytes().length != frame.origLen()) continue;
            for (long length : new long[] {0x80000000L, 0xc0000000L, 0xffff0000L}) {
                f.add(jumbo(17, length, concat(u16(40000), u16(4789), u16(0), u16(0), hex("08000000 00000100"),
                    frame.bytes())));
            }
        }
        for (Frame frame : NshFormatterTest.frames()) {
            byte[] nsh = java.util.Arrays.copyOfRange(frame.bytes(), 14, frame.bytes().length);
            f.add(jumbo(17, 0xc0000000L, concat(u16(40000), u16(4790), u16(0), u16(0), hex("0c000004 00000100"), nsh)));
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "", "-v", "-e -vv");
    }

    /**
     * GRE straight in jumbograms (IPv6 next header 47): it gave up with " [|gre]" where tcpdump prints "GREv0, length
     * 3221225464" and what it carries (a bridged ARP frame, IPv4, an ethertype it has no printer for, MPLS with ES-IS,
     * an IS-IS PDU, PPTP's PPP).
     */
    @Test
    void greAsTcpdump() throws Exception {
        byte[] arpFrame = ethernet(0x0806, arp(1, MAC_A, hex("c0a80a01"), new byte[6], hex("c0a80a02")));
        byte[] hello = IsisFormatterTest.helloFrames().getFirst().bytes();
        byte[] isis = java.util.Arrays.copyOfRange(hello, 17, hello.length);
        List<byte[]> gre = List.of(concat(hex("0000 6558"), arpFrame), concat(hex("2000 0806 00000001"), arpFrame),
            concat(hex("b000 6558 00000000 00000001 00000002"), arpFrame),
            concat(hex("0000 0800"), ipv4(17, udp(40000, 53, PAYLOAD, IP_A, IP_B))),
            concat(hex("0000 8847 00064140"), IsisFrames.esis(4, 30, true, "0a 490001192168000001")),
            concat(hex("0000 00fe"), isis), hex("3001 880b 0008 0001 00000001 ff03 c021 01 01 0004"));
        List<Frame> f = new ArrayList<>();
        for (byte[] packet : gre) {
            for (long length : new long[] {0x80000000L, 0xc0000000L, 0xffff0000L}) f.add(jumbo(47, length, packet));
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "", "-v", "-e -vv");
    }

    /**
     * IPv4 and IPv6 in IPv6 jumbograms, and the mobility header of RFC 2004: they took the length as a negative int
     * ("IP truncated-ip -1073741832", " [|mobile]"), where tcpdump prints the packet.
     */
    @Test
    void ipProtocolsAsTcpdump() throws Exception {
        List<Frame> f = new ArrayList<>();
        for (long length : new long[] {0x80000000L, 0xc0000000L, 0xffff0000L}) {
            f.add(jumbo(4, length, ipv4(17, udp(40000, 53, PAYLOAD, IP_A, IP_B))));
            f.add(jumbo(41, length, ipv6(17, udp(40000, 53, PAYLOAD, IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B)));
            f.add(jumbo(55, length, hex("2000 0000 0a000001 0a000002")));
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "", "-v", "-vv");
    }

    /**
     * OSPFv3, PIM and EGP straight in jumbograms (next headers 89, 103 and 8): the IP payloads of their printers'
     * tests at each length, which printed their length capped ("OSPFv3, Hello, length 2147483647", "PIMv2, Hello,
     * length 2147483647", "EGPv2, AS 65001, seq 7, length 2147483647") where tcpdump prints its u_int (3221225464)
     * and compares it unsigned (OSPFv3's " [len 36]", its LLS and authentication trailers, PIM's options).
     */
    @Test
    void ospf6PimEgpAsTcpdump() throws Exception {
        List<Frame> f = new ArrayList<>();
        for (Frame frame : Ospf6Frames.frames()) addJumbos(f, frame, 89);
        for (Frame frame : PimFrames.frames()) addJumbos(f, frame, 103);
        for (Frame frame : EgpIgrpFormatterTest.egpFrames()) addJumbos(f, frame, 8);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "", "-v", "-vv", "-vvv");
    }

    /**
     * GRE version 0 with source route entries in jumbograms: an IP and an AS route, one of an unknown family, bad
     * offsets and lengths, a route past the capture. The walk compared the length signed, so every route said
     * "(rtaf=ip) [|gre]" where tcpdump prints "(rtaf=ip 1.2.3.4 *5.6.7.8), ..., length 3221225464: IP ...".
     */
    @Test
    void greSourceRoutesAsTcpdump() throws Exception {
        byte[] inner = ipv4(17, udp(40000, 53, PAYLOAD, IP_A, IP_B));
        List<byte[]> gre = List.of(
            concat(hex("4000 0800 0000 0004"), hex("0800 04 08 01020304 05060708"), hex("fffe 00 04 00640065"),
                hex("0001 00 02 ffff"), hex("0000 00 00"), inner),
            concat(hex("c000 0800 1234 0000"), hex("0800 00 04 0a000001"), hex("0000 00 00"), inner),
            concat(hex("f000 86dd abcd 0004 00000063 00000007"), hex("0800 00 08 0a000001 0a000002"),
                hex("0000 00 00"), ipv6(17, udp(40000, 53, PAYLOAD, IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B)),
            concat(hex("4000 0800 0000 0000"), hex("0800 01 08 01020304 05060708"), hex("0800 00 06 010203040506"),
                hex("0800 08 08 01020304 05060708"), hex("fffe 01 04 00640065"), hex("fffe 00 03 006400"),
                hex("fffe 04 04 00640065"), hex("0000 00 00"), inner),
            hex("4000 0800 0000 0000 0800 00 40 0a000001"),    // the route runs past the capture
            hex("4000 0800 0000 0000 fffe 00 10 0001"));
        List<Frame> f = new ArrayList<>();
        for (byte[] packet : gre) {
            for (long length : LENGTHS) f.add(jumbo(47, length, packet));
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "", "-v", "-vv", "-vvv");
    }

    /**
     * VRRP, RSVP, IGRP, EIGRP and PGM straight in jumbograms (next headers 112, 46, 9, 88, 113): the IP payloads of
     * their printers' tests at each length, which printed the length capped ("VRRPv2, Advertisement, ..., length
     * 2147483647", "RSVPv1 Path Message, length: 2147483647", IGRP's "[extra bytes 2147483635]", "EIGRP Hello,
     * length: 2147483647", PGM's "[2147483647]") where tcpdump prints its u_int (3221225464).
     */
    @Test
    void ipProtocolPrintersAsTcpdump() throws Exception {
        List<Frame> f = new ArrayList<>();
        for (Frame frame : VrrpFormatterTest.allFrames()) addJumbos(f, frame, 112);
        for (Frame frame : new RsvpFormatterTest().frames()) addJumbos(f, frame, 46);
        for (Frame frame : EgpIgrpFormatterTest.igrpFrames()) addJumbos(f, frame, 9);
        for (Frame frame : EigrpFormatterTest.all()) addJumbos(f, frame, 88);
        for (Frame frame : PgmFormatterTest.allFrames()) addJumbos(f, frame, 113);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "", "-v", "-vv");
    }

    /**
     * The IP payload of every Ethernet conformance test's IPv4 or IPv6 frame ({@link #ethernetConformanceTests}: a new
     * printer's test joins by itself) straight in jumbograms, its protocol as the next header: each printer under IP
     * given a length past 2^31.
     */
    @Test
    void ipPayloadsOfConformanceFramesAsTcpdump() throws Exception {
        List<Frame> f = new ArrayList<>();
        for (TcpdumpConformance test : ethernetConformanceTests()) {
            for (Frame frame : test.frames()) {
                byte[] b = frame.bytes();
                if (b.length < 14 + 40) continue;
                boolean v6 = (b[12] & 0xff) == 0x86 && (b[13] & 0xff) == 0xdd;
                if (v6 || b[12] == 0x08 && b[13] == 0) addJumbos(f, frame, b[14 + (v6 ? 6 : 9)] & 0xff, SURVEY_LENGTHS);
            }
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "", "-v", "-vv");
    }

    /** CARP (-T carp) in jumbograms: "CARPv2-advertise 2147483647: " where tcpdump prints its u_int. */
    @Test
    void carpAsTcpdump() throws Exception {
        List<Frame> f = new ArrayList<>();
        for (Frame frame : PacketTypeTest.carpFrames()) addJumbos(f, frame, 112);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "-T carp", "-v -T carp");
    }

    /**
     * AppleTalk and CLNP in jumbograms: the frames of their tests whole in VXLAN, and their DDP packets and CLNP PDUs
     * in GRE (protocols 0x809b, 0x00fe). DDP's, ATP's, NBP's and AARP's lengths printed capped ("at-#153
     * 2147483634", AARP's "len 2147483647"), CLNP's too ("Data, length 2147483647"), where tcpdump prints its u_int.
     */
    @Test
    void appleTalkAndClnpAsTcpdump() throws Exception {
        List<byte[]> frames = new ArrayList<>();
        for (Frame frame : AtalkFormatterTest.frames()) frames.add(frame.bytes());
        for (Frame frame : IsisFormatterTest.clnpFrames()) frames.add(frame.bytes());
        List<Frame> f = new ArrayList<>();
        for (byte[] frame : frames) {
            int type = (frame[12] & 0xff) << 8 | frame[13] & 0xff;
            int at = type >= 0x600 ? 14 : frame[14] == (byte) 0xaa ? 22 : 17;   // after the Ethernet, SNAP or LLC header
            byte[] carried = java.util.Arrays.copyOfRange(frame, at, frame.length);
            byte[] greProtocol = frame[at - 2] == (byte) 0x80 && frame[at - 1] == (byte) 0x9b ? hex("809b")
                : at == 17 && frame[14] == (byte) 0xfe ? hex("00fe") : null;
            for (long length : new long[] {0x80000000L, 0xc0000000L, 0xffffffd0L}) {
                f.add(jumbo(17, length, concat(u16(40000), u16(4789), u16(0), u16(0), hex("08000000 00000100"),
                    frame)));
                if (greProtocol != null) f.add(jumbo(47, length, concat(hex("0000"), greProtocol, carried)));
            }
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "", "-v", "-vv", "-e -vvv");
    }

    /** The jumbo lengths the LLC tests take: either side of 2^31, 3/4 of 2^32, and up to its last value. */
    private static final long[] LLC_LENGTHS = {0x80000000L, 0x80000008L, 0xc0000000L, 0xffff0000L, 0xffffffd0L,
        0xffffffffL};

    /**
     * The LLC PDUs of {@code frames} (IEEE 802.3 frames: the bytes after the Ethernet header that its length field
     * counts), each in an Ethernet frame of Alteon's jumbo ethertype 0x8870, whose LLC has the carrier's length.
     */
    private static List<byte[]> alteonJumboFrames(List<Frame> frames) {
        List<byte[]> out = new ArrayList<>();
        for (Frame frame : frames) {
            byte[] b = frame.bytes();
            int lengthField = (b[12] & 0xff) << 8 | b[13] & 0xff;
            if (lengthField > 1500) continue;   // VLAN-tagged: not one LLC PDU after the header
            byte[] pdu = java.util.Arrays.copyOfRange(b, 14, Math.min(b.length, 14 + lengthField));
            out.add(concat(java.util.Arrays.copyOf(b, 12), hex("8870"), pdu));
        }
        return out;
    }

    /**
     * Ethernet frames in jumbograms (next header 143) with LLC after Alteon's jumbo ethertype: LLC frames of every
     * format and SAP (NetBEUI's, IP's, OSI's), SNAP with IPv4 and ARP, spanning tree BPDUs (and PVST+), IS-IS hellos.
     * The LLC printer's capture end, off + length, overflowed past 2^31 and it printed " [|llc]" alone where tcpdump
     * prints "IS-IS, p2p IIH, ..., length 3221225447"; its lengths and STP's were compared and printed signed. Also
     * whole 802.3 frames, whose length field bounds the LLC.
     */
    @Test
    void llcInJumbogramsAsTcpdump() throws Exception {
        List<Frame> frames = new ArrayList<>(LlcFormatterTest.llcFrames());
        frames.addAll(LlcFormatterTest.snapFrames());
        frames.addAll(LlcFormatterTest.stpFrames());
        frames.addAll(IsisFormatterTest.helloFrames());
        List<Frame> f = new ArrayList<>();
        for (byte[] ethernet : alteonJumboFrames(frames)) {
            for (long length : LLC_LENGTHS) f.add(jumbo(143, length, ethernet));
        }
        for (Frame frame : LlcFormatterTest.stpFrames()) f.add(jumbo(143, 0xc0000000L, frame.bytes()));
        for (Frame frame : IsisFormatterTest.helloFrames()) f.add(jumbo(143, 0xffffffd0L, frame.bytes()));
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "", "-v", "-vv", "-e -vv");
    }

    /**
     * Cisco's SNAP protocols in jumbograms as {@link #llcInJumbogramsAsTcpdump}: the CDP, DTP, UDLD and VTP frames of
     * the LLC test. Their printers took the length as a signed int ("[zero packet length] (invalid)", "(packet length
     * -1073741854 < 4)") where tcpdump prints "DTPv1, length 3221225442" and walks the TLVs to the capture's end.
     */
    @Test
    void ciscoSnapInJumbogramsAsTcpdump() throws Exception {
        List<Frame> frames = new ArrayList<>(LlcFormatterTest.cdpFrames());
        frames.addAll(LlcFormatterTest.ciscoFrames());
        List<Frame> f = new ArrayList<>();
        for (byte[] ethernet : alteonJumboFrames(frames)) {
            for (long length : LLC_LENGTHS) f.add(jumbo(143, length, ethernet));
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "", "-v", "-vv", "-e -vv");
    }

    /**
     * A jumbogram in an Ethernet frame in a jumbogram (next header 143, then VXLAN and GRE's transparent bridging),
     * the inner one's jumbo length either side of the outer's: the Ethernet printer gave IPv6 the carried length
     * clamped to 2^31-1, so the inner packet said "truncated-ip6 - 1073741865 bytes missing!" where tcpdump, with the
     * u_int, says 62 (outer 0xc0000000, inner 0xc0000000), and at outer 0xffffffd0 nothing.
     */
    @Test
    void jumbogramInCarriedEthernetAsTcpdump() throws Exception {
        byte[] udp = concat(u16(40000), u16(53), u16(0), u16(0), PAYLOAD);
        List<byte[]> inner = new ArrayList<>();
        for (long length : LLC_LENGTHS) inner.add(jumbo(17, length, udp).bytes());
        inner.add(ethernet(0x86dd, ipv6(17, udp(40000, 53, PAYLOAD, IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B)));
        List<Frame> f = new ArrayList<>();
        for (long outer : LLC_LENGTHS) {
            for (byte[] frame : inner) {
                f.add(jumbo(143, outer, frame));
                if (outer != 0xc0000000L && outer != 0xffffffd0L) continue;
                f.add(jumbo(17, outer, concat(u16(40000), u16(4789), u16(0), u16(0), hex("08000000 00000100"), frame)));
                f.add(jumbo(47, outer, concat(hex("0000 6558"), frame)));
            }
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "", "-v", "-e -vv");
    }

    /**
     * A jumbogram carried by a jumbogram without an Ethernet header: IPv6 in IPv6 (next header 41), in GRE, in MPLS
     * over UDP, in NSH in VXLAN-GPE, straight in VXLAN-GPE, in BCM-LI's shim, in L2TP's PPP frame, in a PIM
     * Register and after OSI's NLPIDs for IPv6 and PPP in GRE (IPv4 there too). Each handed IPv6 its length clamped
     * to 2^31-1 ("truncated-ip6 - 41 bytes missing!" at outer 0x80000008, where tcpdump's u_int makes it 40; none at
     * all at outer 0xc0000000); the printer of carried packets now clamps it for IPv4 and IPX alone, and the carriers
     * hand on tcpdump's u_int.
     */
    @Test
    void jumbogramInIpCarriersAsTcpdump() throws Exception {
        byte[] udp = concat(u16(40000), u16(53), u16(0), u16(0), PAYLOAD);
        List<Frame> f = new ArrayList<>();
        for (long outer : LLC_LENGTHS) {
            for (long innerLength : LLC_LENGTHS) {
                byte[] frame = jumbo(17, innerLength, udp).bytes();
                byte[] ip6 = java.util.Arrays.copyOfRange(frame, 14, frame.length);
                f.add(jumbo(41, outer, ip6));
                f.add(jumbo(47, outer, concat(hex("0000 86dd"), ip6)));
                f.add(jumbo(17, outer, concat(u16(40000), u16(6635), u16(0), u16(0), hex("00064140"), ip6)));
                f.add(jumbo(17, outer, concat(u16(40000), u16(4790), u16(0), u16(0), hex("0c000004 00000100"),
                    hex("0fc2 0202 000001ff"), ip6)));
                f.add(jumbo(17, outer, concat(u16(40000), u16(4790), u16(0), u16(0), hex("0c000002 00000100"), ip6)));
                f.add(jumbo(17, outer, concat(u16(40000), u16(49152), u16(0), u16(0), hex("0c000007"), ip6)));
                f.add(jumbo(17, outer, concat(u16(1701), u16(1701), u16(0), u16(0), hex("0002 0001 0001 ff03 0057"),
                    ip6)));
                f.add(jumbo(103, outer, concat(hex("2100 0000 0000 0000"), ip6)));
                f.add(jumbo(47, outer, concat(hex("0000 00fe 8e"), ip6)));            // OSI's NLPID for IPv6
                f.add(jumbo(47, outer, concat(hex("0000 00fe cf ff03 0057"), ip6)));  // OSI's NLPID for PPP
            }
            byte[] ip4 = ipv4(17, concat(u16(40000), u16(53), u16(8 + PAYLOAD.length), u16(0), PAYLOAD));
            f.add(jumbo(47, outer, concat(hex("0000 00fe cc"), ip4)));
            f.add(jumbo(47, outer, concat(hex("0000 00fe cf 0021"), ip4)));
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "", "-v", "-vv");
    }

    /**
     * The Ethernet frames of every conformance test in this package ({@link #ethernetConformanceTests}: a new
     * printer's test joins by itself) and of the link-layer printers' frame lists (PTP, CFM, NSH, LLDP, ARP and RARP,
     * Arista, LLC, IS-IS, AppleTalk, the flag tests' frames, OSI by its ethertype 0xfefe) in jumbograms (next header
     * 143), which hand the frame the carried length as tcpdump's u_int; each also behind an 802.1Q tag, and those of
     * another ethertype than IPv4's and IPv6's behind QinQ tags (0x88a8 and 0x9100 over 0x8100) and a PBB I-tag
     * (0x88e7, which tcpdump 4.99 does not decode). MPLS straight in the frame got the length clamped to 2^31-1
     * ("ES-IS, ISH, length 2147483643" where tcpdump prints 3221225446), OSI after 0xfefe too ("IS-IS, L1 Lan IIH,
     * ..., length 2147483646", tcpdump 3221225449).
     */
    @Test
    void ethernetConformanceFramesAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, ethernetConformanceJumbos(), "", "-v", "-vv");
    }

    /** {@link #ethernetConformanceFramesAsTcpdump}'s jumbograms. */
    static List<Frame> ethernetConformanceJumbos() throws Exception {
        List<Frame> frames = new ArrayList<>();
        for (TcpdumpConformance test : ethernetConformanceTests()) frames.addAll(test.frames());
        frames.addAll(PtpFormatterTest.ethernetFrames());
        frames.addAll(CfmFormatterTest.frames());
        frames.addAll(NshFormatterTest.frames());
        frames.addAll(LldpFormatterTest.basicFrames());
        frames.addAll(LldpFormatterTest.ieeeFrames());
        frames.addAll(LldpFormatterTest.dcbxFrames());
        frames.addAll(LldpFormatterTest.medFrames());
        frames.addAll(LldpFormatterTest.organisationFrames());
        frames.addAll(ArpFormatterTest.frames());
        frames.addAll(ArpFormatterTest.reverseArp());
        frames.addAll(AristaFormatterTest.frames());
        frames.addAll(LlcFormatterTest.allFrames());
        frames.addAll(IsisFormatterTest.allFrames());
        frames.addAll(IsisFormatterTest.nullFrames());
        frames.addAll(AtalkFormatterTest.frames());
        for (byte[] b : PacketPrinterFlagsTest.ethernetFrames(true)) frames.add(new Frame(b));
        // OSI straight after the ethertype 0xfefe (and a byte tcpdump skips): ES-IS and the IS-IS hellos
        byte[] esis = IsisFrames.esis(4, 30, true, "0a 490001192168000001");
        frames.add(new Frame(ethernet(0xfefe, concat(hex("00"), esis))));
        for (Frame frame : IsisFormatterTest.helloFrames()) {
            byte[] b = frame.bytes();
            frames.add(new Frame(ethernet(0xfefe, concat(hex("00"), java.util.Arrays.copyOfRange(b, 17, b.length)))));
        }
        Set<String> seen = new HashSet<>();
        List<byte[]> ethernet = new ArrayList<>();
        for (Frame frame : frames) {
            byte[] b = frame.bytes();
            if (b.length != frame.origLen() || b.length < 14 || !seen.add(HexFormat.of().formatHex(b))) continue;
            byte[] macs = java.util.Arrays.copyOf(b, 12), rest = java.util.Arrays.copyOfRange(b, 12, b.length);
            ethernet.add(b);
            ethernet.add(concat(macs, hex("8100 0064"), rest));
            int type = (b[12] & 0xff) << 8 | b[13] & 0xff;
            if (type < 0x600 || type == 0x0800 || type == 0x86dd || type == 0x8100 || type == 0x88a8 || type == 0x9100) {
                continue;
            }
            ethernet.add(concat(macs, hex("88a8 1014 8100 000a"), rest));
            ethernet.add(concat(macs, hex("9100 0014 8100 000b"), rest));
            ethernet.add(concat(macs, hex("88e7 00012345"), MAC_B, MAC_A, rest));
        }
        List<Frame> f = new ArrayList<>();
        for (byte[] frame : ethernet) {
            for (long length : SURVEY_LENGTHS) f.add(jumbo(143, length, frame));
        }
        return f;
    }

    /**
     * Every concrete conformance test class of this package whose frames are Ethernet's, found in the compiled test
     * classes (a JUnit @Nested class, which needs its outer instance, is left out).
     */
    static List<TcpdumpConformance> ethernetConformanceTests() throws Exception {
        Path classes = Path.of(JumbogramPayloadTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String pkg = JumbogramPayloadTest.class.getPackageName();
        List<TcpdumpConformance> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(classes.resolve(pkg.replace('.', '/')))) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class")) continue;
                Class<?> c = Class.forName(pkg + "." + name.substring(0, name.length() - ".class".length()));
                if (!TcpdumpConformance.class.isAssignableFrom(c) || Modifier.isAbstract(c.getModifiers())) continue;
                Constructor<?> constructor;
                try {
                    constructor = c.getDeclaredConstructor();
                } catch (NoSuchMethodException inner) {
                    continue;
                }
                TcpdumpConformance test = (TcpdumpConformance) constructor.newInstance();
                if (test.linkType() == LinkType.EN10MB) tests.add(test);
            }
        }
        // the walk must have found them (a moved class directory would otherwise leave this test nothing to check)
        if (tests.size() < 80) throw new AssertionError("only " + tests.size() + " Ethernet conformance tests found");
        return tests;
    }

    /** {@code frame}'s IP payload in a jumbogram at each length, if it is a whole IPv4 or IPv6 frame of {@code protocol}. */
    private static void addJumbos(List<Frame> f, Frame frame, int protocol) {
        addJumbos(f, frame, protocol, LENGTHS);
    }

    private static void addJumbos(List<Frame> f, Frame frame, int protocol, long[] lengths) {
        byte[] b = frame.bytes();
        if (b.length != frame.origLen() || b.length < 14 + 20) return;
        int from, to;
        if (b[12] == 0x08 && b[13] == 0) {
            if ((b[14 + 9] & 0xff) != protocol || (b[14 + 6] & 0x3f) != 0 || b[14 + 7] != 0) return;
            from = 14 + (b[14] & 0x0f) * 4;
            to = Math.min(b.length, 14 + ((b[16] & 0xff) << 8 | b[17] & 0xff));
        } else if ((b[12] & 0xff) == 0x86 && (b[13] & 0xff) == 0xdd && b.length >= 14 + 40) {
            if ((b[14 + 6] & 0xff) != protocol) return;
            from = 14 + 40;
            to = Math.min(b.length, from + ((b[18] & 0xff) << 8 | b[19] & 0xff));
        } else {
            return;
        }
        if (to <= from) return;
        byte[] payload = java.util.Arrays.copyOfRange(b, from, to);
        for (long length : lengths) f.add(jumbo(protocol, length, payload));
    }

    /** The UDP or TCP segment of a whole, unfragmented IPv4 frame on Ethernet; else null. */
    private static byte[] ipv4Segment(Frame frame) {
        byte[] b = frame.bytes();
        if (b.length != frame.origLen() || b.length < 14 + 20 + 8 || b[12] != 0x08 || b[13] != 0) return null;
        int protocol = b[14 + 9] & 0xff;
        if (protocol != 17 && protocol != 6 || (b[14 + 6] & 0x3f) != 0 || b[14 + 7] != 0) return null;
        int header = (b[14] & 0x0f) * 4;
        int total = (b[16] & 0xff) << 8 | b[17] & 0xff;
        int from = 14 + header, to = Math.min(b.length, 14 + total);
        if (to - from < (protocol == 6 ? 20 : 8)) return null;
        return java.util.Arrays.copyOfRange(b, from, to);
    }
}
