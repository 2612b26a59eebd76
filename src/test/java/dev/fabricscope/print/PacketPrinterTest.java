package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fabricscope.capture.CaptureFiles;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.capture.ProblemReporter;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.print.TestPcap.Frame;
import dev.fabricscope.testing.InfinibandFrames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The printer against tcpdump 4.99 itself: every expected line is what {@code TZ=UTC tcpdump -n -S
 * [-q|-v] -r FILE} prints for the same file, run by the test (skipped with a reason when tcpdump is not
 * installed). Hand-built frames must match exactly (headline; tcpdump's extra hex-dump lines aside);
 * the capture comparisons ({@link PacketPrinterCaptureTest}) filter known differences by rule.
 */
class PacketPrinterTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needTcpdump() {
        assumeTrue(Tcpdump.available(), "tcpdump is not installed: the oracle for these tests (apt-get install tcpdump)");
    }

    static final String[][] MODES = {{"-q"}, {"-S"}, {"-S", "-v"}};
    static final Verbosity[] VERBOSITIES = {Verbosity.QUIET, Verbosity.NORMAL, Verbosity.VERBOSE};

    /** Our lines for every packet of {@code file}. */
    static List<String> ours(Path file, Verbosity verbosity, ZoneId zone) throws IOException {
        return perPacket(file, new PacketPrinter(zone, verbosity));
    }

    /** All of {@code file} printed by {@code printer}, a newline after each packet, as tcpdump writes it. */
    static String printAll(Path file, PacketPrinter printer) throws IOException {
        StringBuilder all = new StringBuilder();
        for (String packet : perPacket(file, printer)) all.append(packet).append('\n');
        return all.toString();
    }

    /** What {@code printer} prints for each packet of {@code file} (with -x and -v, several lines each). */
    static List<String> perPacket(Path file, PacketPrinter printer) throws IOException {
        List<String> lines = new ArrayList<>();
        Packet p = new Packet();
        Layers l = new Layers();
        StringBuilder sb = new StringBuilder();
        try (PacketSource src = CaptureFiles.open(file.toString(), ProblemReporter.IGNORE)) {
            while (src.next(p)) {
                Dissector.dissect(p, l);
                sb.setLength(0);
                printer.format(p, l, sb);
                lines.add(sb.toString());
            }
        }
        return lines;
    }

    /** Writes the frames, then requires our line == tcpdump's headline for each, in all three verbosities. */
    void assertSameAsTcpdump(int linkType, List<Frame> frames) throws Exception {
        Path file = dir.resolve("frames.pcap");
        TestPcap.write(file, linkType, 1_700_000_000L, frames);
        for (int m = 0; m < MODES.length; m++) {
            List<Tcpdump.Record> expected = Tcpdump.run(file, "UTC", MODES[m]);
            List<String> actual = ours(file, VERBOSITIES[m], ZoneId.of("UTC"));
            assertEquals(frames.size(), expected.size(), "tcpdump records " + String.join(" ", MODES[m]));
            for (int i = 0; i < frames.size(); i++) {
                assertEquals(expected.get(i).comparable(actual.get(i)), actual.get(i),
                        "frame " + (i + 1) + " with tcpdump -n " + String.join(" ", MODES[m]));
            }
        }
    }

    static Frame eth4(int proto, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(proto, payload)));
    }

    @Test
    void tcpFlagsSequenceNumbersAndOptions() throws Exception {
        byte[] synOptions = hex("020405b4 0402 080a 00000001 00000000 01 030307");
        List<Frame> f = new ArrayList<>();
        f.add(eth4(6, tcp(0x002, synOptions, new byte[0])));                                  // SYN, options
        f.add(eth4(6, tcp(0x012, synOptions, new byte[0])));                                  // SYN-ACK
        f.add(eth4(6, tcp(0x018, hex("0101 050a 00000010 00000020"), "abc".getBytes())));     // data, sack
        f.add(eth4(6, tcp(0x010, hex("0101 0512 00000010 00000020 00000030 00000040"), new byte[0])));
        f.add(eth4(6, tcp(0x000, new byte[0], new byte[0])));                                 // Flags [none]
        f.add(eth4(6, tcp(40000, 5001, 0xfffffffeL, 7, 0x1ff, 1, 77, new byte[0], "wrap".getBytes(), IP_A, IP_B)));
        f.add(eth4(6, tcp(0x011, new byte[0], new byte[0])));                                 // FIN-ACK
        f.add(eth4(6, tcp(0x014, new byte[0], new byte[0])));                                 // RST-ACK
        f.add(eth4(6, tcp(0x014, new byte[0], "connection reset by \u0001peer".getBytes()))); // RST text (-v)
        f.add(eth4(6, tcp(0x0c2, hex("1312 000102030405060708090a0b0c0d0e0f 0000"), new byte[0]))); // md5, ECE/CWR
        f.add(eth4(6, tcp(0x010, hex("fe06f9890102 fe041234 fd041234 2202 0000"), "xy".getBytes()))); // exp, 253, tfo
        f.add(eth4(6, tcp(0x002, hex("fe0cf989 0102030405060708 2206aabbccdd"), new byte[0]))); // exp-tfo, tfo cookie
        f.add(eth4(6, tcp(0x010, hex("6305aabbcc 010101"), new byte[0])));                    // unknown-99
        f.add(eth4(6, tcp(0x010, hex("02030101"), new byte[0])));                              // mss [len 3]
        f.add(eth4(6, tcp(0x010, hex("0101 0209 0000"), "zz".getBytes())));                   // [bad opt]
        f.add(eth4(6, tcp(0x010, hex("0101 0101 1c048005 1404 0107"), new byte[0])));         // uto, scps
        f.add(eth4(6, tcp(0x010, hex("0606 00000001 0706 00000002 0b06 00000003 0d06 00000004"), new byte[0])));
        f.add(eth4(6, tcp(0x010, hex("1d06 0102 aabb 1d03 00 00"), new byte[0])));           // tcp-ao, bad
        f.add(eth4(6, tcp(0x010, hex("0503 00 01"), new byte[0])));                             // invalid sack
        f.add(eth4(6, tcp(0x010, hex("00 000000"), new byte[0])));                              // eol first
        byte[] bad = tcp(0x018, new byte[0], "xyz".getBytes());
        bad[16] = 0x12;
        bad[17] = 0x34;
        f.add(eth4(6, bad));                                                                    // wrong checksum
        assertSameAsTcpdump(LinkType.EN10MB, f);
    }

    @Test
    void udpIcmpFragmentsAndIpv4Header() throws Exception {
        byte[] udp = udp(258, 772, "abcd".getBytes(), IP_A, IP_B);
        List<Frame> f = new ArrayList<>();
        f.add(eth4(17, udp));
        f.add(eth4(17, udp(40000, 4791, new byte[32], IP_A, IP_B)));                            // RoCEv2 port
        f.add(new Frame(ethernet(0x0800, ipv4(17, udp, 0, 64, 7, 0x2000, new byte[0], -1, IP_A, IP_B)))); // first frag
        f.add(new Frame(ethernet(0x0800, ipv4(17, "abcdefgh".getBytes(), 0, 64, 7, 0x0003, new byte[0], -1, IP_A, IP_B))));
        f.add(new Frame(ethernet(0x0800, ipv4(6, "abcdefgh".getBytes(), 0, 64, 7, 0x2003, new byte[0], -1, IP_A, IP_B))));
        f.add(new Frame(ethernet(0x0800, ipv4(6, tcp(0x010, new byte[0], new byte[0]), 0x03, 0, 9, 0xc000,
                new byte[0], -1, IP_A, IP_B))));                                                // CE, ttl 0, DF+rsvd
        f.add(new Frame(ethernet(0x0800, ipv4(6, tcp(0x010, new byte[0], new byte[0]), 0xb9, 1, 9, 0,
                hex("94040000"), -1, IP_A, IP_B))));                                            // option RA, ECT(1)
        f.add(new Frame(ethernet(0x0800, ipv4(6, tcp(0x010, new byte[0], new byte[0]), 0, 64, 9, 0,
                hex("01 07 07 04 0a000009 00"), -1, IP_A, IP_B))));                            // NOP, RR
        byte[] badHeader = ipv4(17, udp);
        badHeader[10] ^= 0x55;
        f.add(new Frame(ethernet(0x0800, badHeader)));                                          // bad IP cksum
        f.add(eth4(1, icmpEcho(8, 1, 2, "abcdefgh".getBytes())));
        f.add(eth4(1, icmpEcho(0, 1, 2, "abcdefgh".getBytes())));
        byte[] badIcmp = icmpEcho(8, 3, 4, new byte[4]);
        badIcmp[2] = 0;
        badIcmp[3] = 0;
        f.add(eth4(1, badIcmp));
        f.add(eth4(1, hex("6301")));                                   // -v: checksum field not there (fuzzer find)
        f.add(new Frame(concat(ethernet(0x0800, ipv4(1, hex("630100"))), new byte[30])));    // ... nor in the IP length
        f.add(eth4(99, "opaque".getBytes()));                                                  // ip-proto-99
        assertSameAsTcpdump(LinkType.EN10MB, f);
    }

    @Test
    void ipv6Lines() throws Exception {
        List<Frame> f = new ArrayList<>();
        byte[] t = tcp(40000, 443, 1, 2, 0x018, 100, 0, hex("0101080a 00000005 00000006"), "hello".getBytes(), IP6_A, IP6_B);
        f.add(new Frame(ethernet(0x86dd, ipv6(6, t, 0x600b3d7fL, IP6_A, IP6_B))));
        f.add(new Frame(ethernet(0x86dd, ipv6(6, t, 0x6b800000L, IP6_A, IP6_B))));            // class, no flow
        f.add(new Frame(ethernet(0x86dd, ipv6(17, udp(5000, 4791, new byte[16], IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B))));
        byte[] badUdp = udp(5000, 6000, new byte[3], IP6_A, IP6_B);
        badUdp[6] ^= 1;
        f.add(new Frame(ethernet(0x86dd, ipv6(17, badUdp, 0x60000000L, IP6_A, IP6_B))));
        byte[] mapped = hex("00000000000000000000ffff0a000001");
        byte[] loop = hex("00000000000000000000000000000001");
        f.add(new Frame(ethernet(0x86dd, ipv6(17, udp(1, 2, new byte[0], mapped, loop), 0x60000001L, mapped, loop))));
        byte[] zeros = hex("20010db8000000000001000000000000");
        f.add(new Frame(ethernet(0x86dd, ipv6(6, tcp(1, 2, 3, 4, 0x002, 5, 0, new byte[0], new byte[0], zeros, IP6_A),
                0x60000000L, zeros, IP6_A))));
        assertSameAsTcpdump(LinkType.EN10MB, f);
    }

    @Test
    void arpVlanSlowProtocolsAndUnknownEthertypes() throws Exception {
        byte[] zeroMac = new byte[6];
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(ethernet(0x0806, concat(arp(1, MAC_B, IP_A, zeroMac, IP_B), new byte[18]))));  // padded
        f.add(new Frame(ethernet(0x0806, arp(2, MAC_B, IP_A, MAC_A, IP_B))));
        f.add(new Frame(ethernet(0x0806, arp(1, MAC_B, IP_A, MAC_A, IP_B))));
        f.add(new Frame(ethernet(0x0806, arp(3, MAC_B, IP_A, MAC_A, IP_B))));
        f.add(new Frame(vlan(5, 0x0800, ipv4(6, tcp(0x010, new byte[0], new byte[0])))));
        f.add(new Frame(vlan(0x2007, 0x0806, arp(2, MAC_B, IP_A, MAC_A, IP_B))));
        f.add(new Frame(ethernet(0x8809, concat(hex("0101"), new byte[108]))));                 // LACPv1
        f.add(new Frame(ethernet(0x8809, concat(hex("0201"), new byte[108]))));                 // MARKERv1
        f.add(new Frame(ethernet(0x8809, concat(hex("0102"), new byte[20]))));                  // LACP version 2
        f.add(new Frame(ethernet(0x1234, "hello".getBytes())));                                 // unknown ethertype
        f.add(new Frame(ethernet(0x8915, new byte[60])));                                       // RoCEv1: unknown to tcpdump
        assertSameAsTcpdump(LinkType.EN10MB, f);
    }

    /** Frames cut at every interesting place, and length fields that disagree with the frame. */
    @Test
    void truncatedAndMalformed() throws Exception {
        byte[] full = ethernet(0x0800, ipv4(6, tcp(0x018, hex("020405b4 0402 080a 00000001 00000000 01 030307"),
                "hello world".getBytes())));
        List<Frame> f = new ArrayList<>();
        for (int cut : new int[] {10, 14, 20, 24, 34, 36, 38, 44, 53, 54, 55, 56, 62, 66, 70, 74, 80}) {
            f.add(new Frame(full, full.length).cut(cut));
        }
        byte[] udpFrame = ethernet(0x0800, ipv4(17, udp(258, 772, "abcd".getBytes(), IP_A, IP_B)));
        for (int cut : new int[] {35, 36, 38, 40, 42, 44}) f.add(new Frame(udpFrame, udpFrame.length).cut(cut));
        byte[] udp = udp(258, 772, "abcd".getBytes(), IP_A, IP_B);
        f.add(new Frame(ethernet(0x0800, ipv4(17, udp, 0, 64, 1, 0x4000, new byte[0], 60, IP_A, IP_B))));  // bytes missing
        byte[] longUdp = udp.clone();
        longUdp[5] = 0x20;
        f.add(eth4(17, longUdp));                                                               // UDP bad length
        byte[] shortUdp = udp.clone();
        shortUdp[5] = 0x04;
        f.add(eth4(17, shortUdp));                                                              // truncated-udplength
        byte[] tcp = TestFrames.tcp(0x018, new byte[0], new byte[0]);
        byte[] shortOffset = tcp.clone();
        shortOffset[12] = 0x40;
        f.add(eth4(6, shortOffset));                                                            // hlen 16
        byte[] longOffset = tcp.clone();
        longOffset[12] = (byte) 0xf0;
        f.add(eth4(6, longOffset));                                                             // hlen 60 > 20
        f.add(new Frame(ethernet(0x0800, ipv4(6, tcp, 0, 64, 1, 0x4000, new byte[0], 30, IP_A, IP_B))));
        f.add(new Frame(ethernet(0x0800, ipv4(6, tcp, 0, 64, 1, 0x4000, new byte[0], 10, IP_A, IP_B))));  // bad-len
        f.add(new Frame(ethernet(0x0800, hex("4500"))));
        f.add(new Frame(ethernet(0x0800, ipv6(6, tcp, 0x60000000L, IP6_A, IP6_B))));           // IPv6 in 0x0800
        f.add(new Frame(ethernet(0x8100, hex("0005")), 20));                                     // VLAN cut
        f.add(new Frame(ethernet(0x0806, hex("0001080006040001 6677")), 60));                   // ARP cut
        byte[] v6 = ethernet(0x86dd, ipv6(6, TestFrames.tcp(1, 2, 3, 4, 0x010, 5, 0, new byte[0], new byte[0], IP6_A, IP6_B),
                0x60000000L, IP6_A, IP6_B));
        for (int cut : new int[] {20, 54, 56, 60, 70}) f.add(new Frame(v6, v6.length).cut(cut));
        assertSameAsTcpdump(LinkType.EN10MB, f);
    }

    @Test
    void otherLinkTypes() throws Exception {
        byte[] ip = ipv4(6, tcp(0x018, new byte[0], "raw".getBytes()));
        byte[] ip6 = ipv6(17, udp(1, 2, new byte[3], IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B);
        assertSameAsTcpdump(LinkType.RAW, List.of(new Frame(ip), new Frame(ip6), new Frame(hex("45")), new Frame(hex("7f"))));
        assertSameAsTcpdump(LinkType.NULL, List.of(new Frame(concat(hex("02000000"), ip)),
                new Frame(concat(hex("1e000000"), ip6))));
        assertSameAsTcpdump(LinkType.LOOP, List.of(new Frame(concat(hex("00000002"), ip))));
        byte[] sll = hex("0000 0001 0006 66778899aabb 0000");
        assertSameAsTcpdump(LinkType.LINUX_SLL, List.of(new Frame(concat(sll, u16(0x0800), ip)),
                new Frame(concat(sll, u16(0x86dd), ip6)), new Frame(concat(sll, u16(0x0806), arp(1, MAC_B, IP_A, new byte[6], IP_B)))));
    }

    /** SLL2: tcpdump names the interface index as this machine does (1 is the loopback), 999 as "?". */
    @Test
    void linuxSll2() throws Exception {
        byte[] ip = ipv4(6, tcp(0x018, new byte[0], "raw".getBytes()));
        byte[] ip6 = ipv6(17, udp(1, 2, new byte[3], IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B);
        assertSameAsTcpdump(LinkType.LINUX_SLL2, List.of(
                new Frame(concat(u16(0x0800), hex("0000 00000001 0001 04 06 66778899aabb0000"), ip)),
                new Frame(concat(u16(0x86dd), hex("0000 000003e7 0001 00 06 66778899aabb0000"), ip6))));
    }

    /** The hot path allocates nothing per packet once warmed up (JMH -prof gc measures it properly). */
    @Test
    void formattingDoesNotAllocatePerPacket() throws Exception {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "thread allocation counter not available");
        byte[] frame = ethernet(0x0800, ipv4(6, tcp(0x018, hex("0101080a 00000005 00000006"), new byte[100])));
        Packet p = new Packet().set(frame, 0, frame.length, frame.length,
                1_700_000_000_123_456_789L, 0, LinkType.EN10MB, 1);
        Layers l = new Layers();
        StringBuilder sb = new StringBuilder(512);
        for (Verbosity v : Verbosity.values()) for (boolean relative : new boolean[] {false, true}) {
            PacketPrinter printer = new PacketPrinter(ZoneId.of("Europe/Berlin"), v,
                relative ? java.util.Set.of(PacketPrinter.Option.RELATIVE_SEQUENCE_NUMBERS) : java.util.Set.of());
            for (int i = 0; i < 50_000; i++) {  // warm-up
                Dissector.dissect(p, l);
                sb.setLength(0);
                printer.format(p, l, sb);
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 100_000; i++) {
                Dissector.dissect(p, l);
                sb.setLength(0);
                printer.format(p, l, sb);
            }
            long perPacket = (threads.getCurrentThreadAllocatedBytes() - before) / 100_000;
            assertEquals(0, perPacket, v + (relative ? ", relative numbers" : "") + ": bytes allocated per packet");
        }
    }

    /** The local-time conversion across a daylight-saving change (Europe/Berlin, 2024-03-31 01:00 UTC). */
    @Test
    void timestampsInAZoneAcrossATransition() throws Exception {
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < 5; i++) frames.add(eth4(17, udp(1, 2, new byte[0], IP_A, IP_B)));
        Path file = dir.resolve("dst.pcap");
        TestPcap.write(file, LinkType.EN10MB, 1_711_846_800L - 2, frames);
        List<Tcpdump.Record> expected = Tcpdump.run(file, "Europe/Berlin", "-q");
        List<String> actual = ours(file, Verbosity.QUIET, ZoneId.of("Europe/Berlin"));
        for (int i = 0; i < frames.size(); i++) assertEquals(expected.get(i).line(), actual.get(i));
        assertTrue(actual.get(1).startsWith("01:59:59.000005") && actual.get(2).startsWith("03:00:00.000005"),
                "the transition is inside the file");
    }

    // ---- (b) whole captures, compared line by line with known differences filtered by rule

    static Path shared() {
        String dir = System.getProperty("fabricscope.shared");
        Path p = dir == null ? null : Path.of(dir, "captures");
        assumeTrue(p != null && Files.isDirectory(p), "shared captures not found (system property fabricscope.shared)");
        return p.getParent();
    }

    static void assertNoMismatches(CaptureComparison c, int minimumCompared) {
        System.out.println(c.summary());
        assertTrue(c.mismatches.isEmpty(), c.mismatches.size() + " lines differ from tcpdump, first: \n"
                + String.join("\n", c.mismatches.subList(0, Math.min(15, c.mismatches.size()))));
        assertTrue(c.compared >= minimumCompared, "only " + c.compared + " lines compared: " + c.summary());
    }

    @Test
    void sharedCapturesMatchTcpdump() throws Exception {
        Path captures = shared().resolve("captures");
        CaptureComparison c = new CaptureComparison();
        List<Path> files;
        try (var walk = Files.walk(captures)) {
            files = walk.filter(f -> f.toString().endsWith(".pcap") || f.toString().endsWith(".pcapng")).sorted().toList();
        }
        assumeTrue(!files.isEmpty(), "no captures under " + captures);
        for (Path f : files) {
            if (f.toString().endsWith(".pcapng")) continue;  // our pcapng reader is not on this branch yet
            c.compare(f);
        }
        assertNoMismatches(c, 100);
    }

    @Test
    void generatedSmcBenchCaptureMatchesTcpdump() throws Exception {
        Path generator = shared().resolve("bench/gen_smc_bench.py");
        assumeTrue(Files.isRegularFile(generator), "generator missing: " + generator);
        Path file = dir.resolve("smc-bench.pcap");
        Process py;
        try {
            py = new ProcessBuilder("python3", generator.toString(), "--connections", "300", "--seed", "3",
                    "-o", file.toString(), "-q").redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "python3 is not installed: cannot generate the bench capture");
            return;
        }
        String log = new String(py.getInputStream().readAllBytes());
        assertEquals(0, py.waitFor(), log);
        CaptureComparison c = new CaptureComparison();
        c.compare(file);
        assertNoMismatches(c, 30_000);  // about 14000 packets x 3 verbosities, most of them TCP
    }

    /**
     * IP over InfiniBand: our line is the IB headers (our own format: tcpdump prints "UNSUPPORTED" for IB links),
     * then ": " and exactly what tcpdump prints for the same IP packet on its own (LINKTYPE_RAW), in all three
     * verbosities.
     */
    @Test
    void ipOverInfinibandContinuesAsTcpdumpPrintsItsIpPacket() throws Exception {
        List<byte[]> packets = List.of(
            ipv4(1, icmpEcho(8, 0x1702, 1, ascii("0123456789abcdef0123456789abcdef"))),
            ipv6(17, udp(40000, 40001, ascii("hello"), IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B),
            ipv4(6, tcp(0x018, new byte[0], ascii("GET / HTTP/1.0\r\n\r\n"))));
        List<Frame> raw = new ArrayList<>();
        List<Frame> ib = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < packets.size(); i++) {
            byte[] ip = packets.get(i);
            raw.add(new Frame(ip));
            boolean ud = i % 2 == 0;   // datagram mode (UD SEND ONLY + DETH), else connected mode (RC SEND ONLY)
            byte[] frame = InfinibandFrames.ipOverIb(ud ? 0x64 : 0x04, ud ? 0xffffff : 0x870408,
                ud ? InfinibandFrames.deth(0x48) : new byte[0], (ip[0] >>> 4) == 4 ? 0x0800 : 0x86dd, 0, ip);
            ib.add(new Frame(frame));
            headers.add("IB LRH dlid 4 slid 1, BTH opcode " + (ud ? 100 : 4) + " dqpn " + (ud ? 16777215 : 8848392)
                + ", length " + frame.length + ": ");
        }
        Path rawFile = dir.resolve("ip.pcap");
        Path ibFile = dir.resolve("ib.pcap");
        TestPcap.write(rawFile, LinkType.RAW, 1_700_000_000L, raw);
        TestPcap.write(ibFile, LinkType.INFINIBAND, 1_700_000_000L, ib);
        for (int m = 0; m < MODES.length; m++) {
            List<Tcpdump.Record> expected = Tcpdump.run(rawFile, "UTC", MODES[m]);
            List<String> actual = ours(ibFile, VERBOSITIES[m], ZoneId.of("UTC"));
            assertEquals(packets.size(), expected.size());
            for (int i = 0; i < packets.size(); i++) {
                String ipText = expected.get(i).comparable(actual.get(i));
                int afterTime = ipText.indexOf(' ') + 1;
                assertEquals(ipText.substring(0, afterTime) + headers.get(i) + ipText.substring(afterTime), actual.get(i),
                    "packet " + (i + 1) + " with tcpdump -n " + String.join(" ", MODES[m]));
            }
        }
    }
}
