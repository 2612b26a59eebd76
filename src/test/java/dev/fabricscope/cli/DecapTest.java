package dev.fabricscope.cli;

import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fabricscope.capture.CaptureFiles;
import dev.fabricscope.capture.CaptureFormat;
import dev.fabricscope.capture.CaptureInterface;
import dev.fabricscope.capture.CaptureWriter;
import dev.fabricscope.capture.CaptureWriters;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.capture.ProblemReporter;
import dev.fabricscope.capture.TimestampPrecision;
import dev.fabricscope.capture.WriterOptions;
import dev.fabricscope.testing.Oracles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --decap} (analyzers) and {@code -decap} (smc-clc): a capture whose every frame travels in a tunnel
 * (VXLAN, Geneve, ERSPAN III with its platform subheader, IP in GRE) reads as the capture itself; without the
 * flag, nothing of it is seen. Tunnel headers are built here from RFC 7348, RFC 8926 and draft-foschiano-erspan.
 */
class DecapTest {
    @TempDir Path dir;

    @Test
    void smcClcSeesTheHandshakesInsideVxlanAndGeneve() throws IOException {
        String plain = CliRun.of("smc-clc", "-f", "samples/smc-4conn.pcap", "-show-timestamps=false").out();
        assertEquals(10, plain.lines().count(), plain);
        for (UnaryOperator<byte[]> tunnel : java.util.List.<UnaryOperator<byte[]>>of(DecapTest::vxlan,
                DecapTest::geneve)) {
            Path wrapped = wrap(Path.of("samples/smc-4conn.pcap"), tunnel);
            assertEquals(plain, CliRun.of("smc-clc", "-f", wrapped.toString(), "-show-timestamps=false", "-decap").out());
            assertEquals("", CliRun.of("smc-clc", "-f", wrapped.toString(), "-show-timestamps=false").out());
        }
        // -w keeps the packets as captured: tunnel and all, so the saved file needs -decap again
        Path wrapped = wrap(Path.of("samples/smc-4conn.pcap"), DecapTest::vxlan);
        Path saved = dir.resolve("saved.pcap");
        CliRun.of("smc-clc", "-f", wrapped.toString(), "-decap", "-w", saved.toString());
        assertEquals(plain, CliRun.of("smc-clc", "-f", saved.toString(), "-show-timestamps=false", "-decap").out());
        assertEquals("", CliRun.of("smc-clc", "-f", saved.toString(), "-show-timestamps=false").out());
    }

    /**
     * VXLAN's header on UDP port 8472 (Linux's default VXLAN port), and the IP packet of each frame (its Ethernet
     * header dropped) in VXLAN-GPE and in Geneve.
     */
    @Test
    void smcClcSeesTheHandshakesOnPort8472AndAsIpPacketsInVxlanGpeAndGeneve() throws IOException {
        String plain = CliRun.of("smc-clc", "-f", "samples/smc-mixed.pcap", "-show-timestamps=false").out();
        for (UnaryOperator<byte[]> tunnel : java.util.List.<UnaryOperator<byte[]>>of(DecapTest::vxlanOnPort8472,
                DecapTest::ipInVxlanGpe, DecapTest::ipInGeneve)) {
            Path wrapped = wrap(Path.of("samples/smc-mixed.pcap"), tunnel);
            assertEquals(plain, CliRun.of("smc-clc", "-f", wrapped.toString(), "-show-timestamps=false", "-decap").out());
            assertEquals("", CliRun.of("smc-clc", "-f", wrapped.toString(), "-show-timestamps=false").out());
        }
    }

    /**
     * VXLAN on a site's own port (Azure's 65330 here, and one on Geneve's 6081, which it then takes over) is seen by
     * every command with --decap once --vxlan-port names it; without it, nothing. Ports come as a list or repeated.
     */
    @Test
    void vxlanOnASitesOwnPortWithVxlanPort() throws IOException {
        String plain = CliRun.of("smc-clc", "-f", "samples/smc-mixed.pcap", "-show-timestamps=false").out();
        String summary = CliRun.of("smc", "-r", "samples/smc-mixed.pcap", "--json").out();
        String printed = CliRun.of("capture", "-r", "samples/smc-mixed.pcap", "-e").out();
        for (int port : new int[] {65330, 6081}) {
            Path wrapped = wrap(Path.of("samples/smc-mixed.pcap"), frame -> vxlanOn(port, frame));
            String f = wrapped.toString();
            String ports = "4000," + port;
            assertEquals(plain, CliRun.of("smc-clc", "-f", f, "-show-timestamps=false", "-decap", "-vxlan-port", ports)
                .out());
            assertEquals("", CliRun.of("smc-clc", "-f", f, "-show-timestamps=false", "-decap").out());
            assertEquals(summary, CliRun.of("smc", "-r", f, "--json", "--decap", "--vxlan-port", "4000",
                "--vxlan-port", String.valueOf(port)).out());
            assertNotEquals(summary, CliRun.of("smc", "-r", f, "--json", "--decap").out());
            assertEquals(printed, CliRun.of("capture", "-r", f, "-e", "--decap", "--vxlan-port=" + ports).out());
            Path stripped = dir.resolve("stripped-" + port + ".pcap");
            assertEquals(0, CliRun.of("strip", "--vxlan", "--vxlan-port", ports, "-r", f, "-w", stripped.toString()).exitCode());
            assertEquals(printed, CliRun.of("capture", "-r", stripped.toString(), "-e").out());
        }
    }

    /** capture -T vxlan prints VXLAN on any port as tcpdump -T vxlan does; -T's names are tcpdump's. */
    @Test
    void captureDashTPrintsAsTcpdump() throws IOException {
        Path wrapped = wrap(Path.of("samples/smc-mixed.pcap"), frame -> vxlanOn(65330, frame));
        Oracles.requireTcpdump();
        for (String[] flags : new String[][] {{"-T", "vxlan"}, {"-T", "VXLAN", "-v"}, {"-T", "domain", "-e"}, {"-T", "zmtp1"}, {"-T", "pgm", "-v"}}) {
            CliRun ours = CliRun.of(args(flags, "capture", "-r", wrapped.toString()));
            assertEquals(0, ours.exitCode(), ours.err());
            assertEquals(Oracles.run(args(flags, "tcpdump", "-n", "-r", wrapped.toString())).out(), ours.out());
        }
        CliRun unknown = CliRun.of("capture", "-r", wrapped.toString(), "-T", "nosuch");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown packet type `nosuch'"), unknown.err());
    }

    /** --vxlan-port needs what it serves (--decap, strip's VXLAN) and real ports: usage errors, exit 2. */
    @Test
    void vxlanPortMisuseIsAUsageError() {
        String f = "samples/smc-mixed.pcap";
        String[][] misuses = {
            {"smc", "-r", f, "--vxlan-port", "65330"},
            {"smc", "-r", f, "--decap", "--vxlan-port", "65536"},
            {"capture", "-r", f, "--vxlan-port", "65330"},
            {"strip", "--gre", "--vxlan-port", "65330", "-r", f, "-w", dir.resolve("x.pcap").toString()},
            {"rdma", "cnp", "--src", "10.1.0.2", "--dst", "10.1.0.1", "--dqpn", "1", "--vxlan-port", "65330", "--raw",
                "-w", dir.resolve("cnp.pcap").toString()},
        };
        for (String[] misuse : misuses) {
            CliRun run = CliRun.of(misuse);
            assertEquals(2, run.exitCode(), String.join(" ", misuse) + ": " + run.err());
            assertTrue(run.err().contains("--vxlan-port"), run.err());
        }
        for (String[] goMisuse : new String[][] {{"-vxlan-port", "65330"}, {"-decap", "-vxlan-port", "0"},
                {"-decap", "-vxlan-port", "x"}}) {
            CliRun run = CliRun.of(args(goMisuse, "smc-clc", "-f", f));
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().contains("-vxlan-port") && run.err().contains("Usage of smc-clc"), run.err());
        }
    }

    /** rdma query and rdma cnp --for-flow find the RDMA-CM connection mirrored in ERSPAN or carried in VXLAN-GPE. */
    @Test
    void rdmaQueryAndCnpForFlowSeeRdmaCmInsideTunnels() throws IOException {
        Path cm = dev.fabricscope.rdma.cm.CmHandshakeFile.write(dir.resolve("cm.pcap"), 0x100, 0x200);
        for (UnaryOperator<byte[]> tunnel : java.util.List.<UnaryOperator<byte[]>>of(DecapTest::erspanIII,
                DecapTest::ipInVxlanGpe)) {
            Path wrapped = wrap(cm, tunnel);
            String[] query = {"rdma", "query", "-r", wrapped.toString(), "--src", "10.1.0.1", "--dst", "10.1.0.2",
                "--dqpn", "0x200"};
            CliRun found = CliRun.of(args(new String[] {"--decap"}, query));
            assertEquals(0, found.exitCode(), found.err());
            assertEquals(String.valueOf(0x100), found.out().strip());
            assertEquals(1, CliRun.of(query).exitCode());
            String[] cnp = {"rdma", "cnp", "--src", "10.1.0.2", "--dst", "10.1.0.1", "--for-flow", wrapped.toString(),
                "--flow-qpn", "0x200", "--raw", "-w", dir.resolve("cnp.pcap").toString()};
            CliRun built = CliRun.of(args(new String[] {"--decap"}, cnp));
            assertEquals(0, built.exitCode(), built.err());
            assertEquals(1, CliRun.of(cnp).exitCode());
        }
        CliRun alone = CliRun.of("rdma", "cnp", "--src", "10.1.0.2", "--dst", "10.1.0.1", "--dqpn", "1", "--decap",
            "--raw", "-w", dir.resolve("cnp.pcap").toString());
        assertEquals(2, alone.exitCode());
        assertTrue(alone.err().contains("--decap goes with --for-flow"), alone.err());
    }

    @Test
    void smcSummarySeesTheConnectionsInsideErspanAndGre() throws IOException {
        String plain = CliRun.of("smc", "-r", "samples/smc-mixed.pcap", "--json").out();
        for (UnaryOperator<byte[]> tunnel : java.util.List.<UnaryOperator<byte[]>>of(DecapTest::erspanIII,
                DecapTest::ipInGre, DecapTest::vxlanOverIpv6, DecapTest::erspanIIOverIpv6)) {
            Path wrapped = wrap(Path.of("samples/smc-mixed.pcap"), tunnel);
            assertEquals(plain, CliRun.of("smc", "-r", wrapped.toString(), "--json", "--decap").out());
            assertNotEquals(plain, CliRun.of("smc", "-r", wrapped.toString(), "--json").out());
        }
    }

    /**
     * capture --decap: an ERSPAN mirror prints as the mirrored capture (text and JSON), and -w writes what tcpdump
     * reads as the mirrored capture.
     */
    @Test
    void captureShowsAndWritesWhatAnErspanMirrorCarries() throws IOException {
        Path wrapped = wrap(Path.of("samples/smc-mixed.pcap"), DecapTest::erspanIII);
        for (String[] flags : new String[][] {{"-e", "-v"}, {"--json"}}) {
            String plain = CliRun.of(args(flags, "capture", "-r", "samples/smc-mixed.pcap")).out();
            assertEquals(plain, CliRun.of(args(flags, "capture", "-r", wrapped.toString(), "--decap")).out());
            assertNotEquals(plain, CliRun.of(args(flags, "capture", "-r", wrapped.toString())).out());
        }
        Path written = dir.resolve("mirrored.pcap");
        assertEquals(0, CliRun.of("capture", "-r", wrapped.toString(), "--decap", "-w", written.toString()).exitCode());
        Oracles.requireTcpdump();
        assertEquals(Oracles.run("tcpdump", "-n", "-e", "-v", "-r", "samples/smc-mixed.pcap").out(),
            Oracles.run("tcpdump", "-n", "-e", "-v", "-r", written.toString()).out());
    }

    /** {@code first}, then {@code flags}. */
    private static String[] args(String[] flags, String... first) {
        String[] all = java.util.Arrays.copyOf(first, first.length + flags.length);
        System.arraycopy(flags, 0, all, first.length, flags.length);
        return all;
    }

    /**
     * Tunnels seen on a Linux cooked capture ({@code -i any}): analyzers and printing look inside; files keep the
     * packets as captured (an Ethernet frame cannot go into an SLL2 file).
     */
    @Test
    void tunnelsOnALinuxCookedCapture() throws IOException {
        Path wrapped = wrap(Path.of("samples/smc-mixed.pcap"), frame -> sll2(vxlan(frame)), LinkType.LINUX_SLL2);
        assertEquals(CliRun.of("smc", "-r", "samples/smc-mixed.pcap", "--json").out(),
            CliRun.of("smc", "-r", wrapped.toString(), "--json", "--decap").out());
        assertEquals(CliRun.of("capture", "-r", "samples/smc-mixed.pcap", "-e", "-v").out(),
            CliRun.of("capture", "-r", wrapped.toString(), "-e", "-v", "--decap").out());
        Path stripped = dir.resolve("stripped.pcap");
        CliRun strip = CliRun.of("strip", "-r", wrapped.toString(), "-w", stripped.toString());
        assertEquals(0, strip.exitCode(), strip.err());
        assertTrue(strip.err().contains("strip: 0 of 2759 packets changed"), strip.err());
        Path written = dir.resolve("decap-w.pcap");
        assertEquals(0, CliRun.of("capture", "-r", wrapped.toString(), "--decap", "-w", written.toString()).exitCode());
        assertEquals(CliRun.of("capture", "-r", wrapped.toString()).out(), CliRun.of("capture", "-r", written.toString()).out());

        // an IP packet in a tunnel (here Geneve) becomes a raw IP packet: no Ethernet header, so -v without -e
        Path ipInTunnel = wrap(Path.of("samples/smc-mixed.pcap"), frame -> sll2(ipInGeneve(frame)), LinkType.LINUX_SLL2);
        assertEquals(CliRun.of("smc", "-r", "samples/smc-mixed.pcap", "--json").out(),
            CliRun.of("smc", "-r", ipInTunnel.toString(), "--json", "--decap").out());
        assertEquals(CliRun.of("capture", "-r", "samples/smc-mixed.pcap", "-v").out(),
            CliRun.of("capture", "-r", ipInTunnel.toString(), "-v", "--decap").out());
    }

    /** A Linux cooked v2 header (LINKTYPE_LINUX_SLL2) in front of the IP packet of an Ethernet frame. */
    private static byte[] sll2(byte[] ethernetFrame) {
        return concat(u16(0x0800), u16(0), u32(2), u16(1), hex("00 06"), hex("02 00 00 00 00 0a 00 00"),
            java.util.Arrays.copyOfRange(ethernetFrame, 14, ethernetFrame.length));
    }

    /** A real RoCE capture, mirrored by ERSPAN: the same decoding, ICRC checks included. */
    @Test
    void rdmaDecodesRoceMirroredInErspan() throws IOException {
        Path roce = Oracles.sharedCapture("rdma/oferby-proxy_roce.pcap");
        String plain = CliRun.of("rdma", "decode", "-r", roce.toString()).out();
        Path wrapped = wrap(roce, DecapTest::erspanIII);
        assertEquals(plain, CliRun.of("rdma", "decode", "-r", wrapped.toString(), "--decap").out());
        assertNotEquals(plain, CliRun.of("rdma", "decode", "-r", wrapped.toString()).out());
    }

    private Path wrap(Path capture, UnaryOperator<byte[]> tunnel) throws IOException {
        return wrap(capture, tunnel, LinkType.EN10MB);
    }

    private Path wrap(Path capture, UnaryOperator<byte[]> tunnel, int linkType) throws IOException {
        return wrap(capture, tunnel, linkType, dir.resolve("wrapped-" + System.nanoTime() + ".pcap"));
    }

    /** Every frame of {@code capture} (any interfaces) through {@code tunnel}, into pcap {@code out}: one interface. */
    static Path wrap(Path capture, UnaryOperator<byte[]> tunnel, int linkType, Path out) throws IOException {
        CaptureInterface iface = new CaptureInterface("", "", linkType, 262144, 1000);
        try (PacketSource in = CaptureFiles.open(capture.toString(), ProblemReporter.IGNORE);
             CaptureWriter w = CaptureWriters.open(out.toString(),
                 new WriterOptions(CaptureFormat.PCAP, 262144, linkType, TimestampPrecision.MICRO))) {
            Packet p = new Packet();
            Packet outer = new Packet();
            while (in.next(p)) {
                byte[] frame = tunnel.apply(p.copyBytes());
                outer.set(frame, 0, frame.length, frame.length + p.origLen() - p.capLen(), p.timestampNanos(), 0,
                    linkType, p.frameNumber());
                w.write(outer, iface);
            }
        }
        return out;
    }

    static byte[] vxlan(byte[] frame) {
        return outerIpv4(17, udp(4789, concat(hex("08 00 00 00"), u32(4242L << 8), frame)));
    }

    /** VXLAN's header on UDP port {@code port}. */
    static byte[] vxlanOn(int port, byte[] frame) {
        return outerIpv4(17, udp(port, concat(hex("08 00 00 00"), u32(4242L << 8), frame)));
    }

    /** VXLAN's header, on the port Linux uses when none is configured (also Cisco OTV's). */
    static byte[] vxlanOnPort8472(byte[] frame) {
        return outerIpv4(17, udp(8472, concat(hex("08 00 00 00"), u32(4242L << 8), frame)));
    }

    /** The IP packet of an untagged Ethernet frame in VXLAN-GPE (I and P flags; next protocol 1 IPv4 or 2 IPv6). */
    static byte[] ipInVxlanGpe(byte[] frame) {
        int nextProtocol = frame[12] == 0x08 ? 1 : 2;
        return outerIpv4(17, udp(4790, concat(hex("0c 00 00"), new byte[] {(byte) nextProtocol}, u32(4242L << 8),
            java.util.Arrays.copyOfRange(frame, 14, frame.length))));
    }

    /** The IP packet of an untagged Ethernet frame in Geneve (its protocol the frame's ethertype, no options). */
    static byte[] ipInGeneve(byte[] frame) {
        return outerIpv4(17, udp(6081, concat(hex("00 00"), java.util.Arrays.copyOfRange(frame, 12, 14),
            u32(4242L << 8), java.util.Arrays.copyOfRange(frame, 14, frame.length))));
    }

    static byte[] geneve(byte[] frame) {
        // version 0, one word of options, Ethernet; an option of class 0x0101, type 1, no data
        return outerIpv4(17, udp(6081, concat(hex("01 00 65 58"), u32(4242L << 8), hex("01 01 01 00"), frame)));
    }

    static byte[] erspanIII(byte[] frame) {
        // GRE with sequence number, ERSPAN III (version 2, VLAN 7, session 3), O flag, platform subheader
        return outerIpv4(47, concat(hex("10 00 22 eb"), u32(1), hex("20 07 00 03"), u32(99), hex("00 00 00 01"),
            zeros(8), frame));
    }

    /** VXLAN over IPv6 (UDP checksum left 0, which the dissector does not check), behind an 802.1Q tag. */
    static byte[] vxlanOverIpv6(byte[] frame) {
        byte[] udp = udp(4789, concat(hex("08 00 00 00"), u32(4242L << 8), frame));
        return concat(hex("02 00 00 00 00 0b 02 00 00 00 00 0a 81 00 00 64 86 dd 60 00 00 00"), u16(udp.length),
            hex("11 40 fd 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01 fd 00 00 00 00 00 00 00 00 00 00 00 00 00 00 02"),
            udp);
    }

    /** ERSPAN II over IPv6. */
    static byte[] erspanIIOverIpv6(byte[] frame) {
        byte[] gre = concat(hex("10 00 88 be"), u32(7), hex("10 64 00 01"), u32(5), frame);
        return concat(hex("02 00 00 00 00 0b 02 00 00 00 00 0a 86 dd 60 00 00 00"), u16(gre.length),
            hex("2f 40 fd 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01 fd 00 00 00 00 00 00 00 00 00 00 00 00 00 00 02"),
            gre);
    }

    /** Plain GRE carrying the packet of an untagged Ethernet frame (its Ethernet header dropped, its type kept). */
    static byte[] ipInGre(byte[] frame) {
        return outerIpv4(47, concat(hex("00 00"), java.util.Arrays.copyOfRange(frame, 12, frame.length)));
    }

    private static byte[] udp(int dstPort, byte[] payload) {
        return concat(u16(49152), u16(dstPort), u16(8 + payload.length), u16(0), payload);
    }

    /** Ethernet and IPv4 (RFC 791, header checksum computed) from 172.16.0.1 to 172.16.0.2. */
    private static byte[] outerIpv4(int protocol, byte[] payload) {
        byte[] ip = concat(hex("45 00"), u16(20 + payload.length), hex("00 01 40 00 40"), new byte[] {(byte) protocol},
            hex("00 00 ac 10 00 01 ac 10 00 02"));
        int sum = 0;
        for (int i = 0; i < 20; i += 2) sum += (ip[i] & 0xff) << 8 | ip[i + 1] & 0xff;
        sum = (sum >>> 16) + (sum & 0xffff);
        sum += sum >>> 16;
        ip[10] = (byte) (~sum >>> 8);
        ip[11] = (byte) ~sum;
        return concat(hex("02 00 00 00 00 0b 02 00 00 00 00 0a 08 00"), ip, payload);
    }
}
