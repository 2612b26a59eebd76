package dev.fabricscope.dissect;

import static dev.fabricscope.dissect.SampleFrames.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.fabricscope.capture.CaptureFiles;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.capture.ProblemReporter;
import dev.fabricscope.cli.Main;
import dev.fabricscope.testing.ByteArrays;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fabricscope strip}: tshark must decode each stripped frame as the inner packet of the input
 * frame: the inner fields (tshark's last occurrence in the input) become the output's first ones,
 * with no VLAN/MPLS/PPPoE/GRE layer left and the expected ethertype.
 */
class StripCommandTest {
    @TempDir Path dir;

    /** Input frames and the ethertype tshark must show first after stripping everything. */
    private static final List<Sample> FRAMES = List.of(ETH_VLAN_IPV4_UDP, ETH_QINQ_IPV6_UDP, ETH_THREE_TAGS_TCP,
        ETH_MPLS_IPV4_UDP, ETH_MPLS_NULL_IPV6_TCP, ETH_MPLS_PW_ETH, ETH_PPPOE_IPV4_TCP, ETH_PPPOE_IPV6_UDP,
        ETH_GRE_IPV4, ETH_GRE_ETH, ETH_IPV4_TCP, ETH_SLOW, ETH_VXLAN_ETH, ETH_GENEVE_ETH, ETH_ERSPAN_I, ETH_ERSPAN_II,
        ETH_ERSPAN_III_PLATFORM, ETH_ERSPAN_III, ETH_VXLAN_8472_ETH, ETH_VXLAN_GPE_IPV4, ETH_VXLAN_GPE_ETH,
        ETH_GENEVE_IPV6);
    private static final List<String> EXPECTED_TYPE = List.of("0x0800", "0x86dd", "0x0800", "0x0800", "0x86dd",
        "0x0800", "0x0800", "0x86dd", "0x0800", "0x0800", "0x0800", "0x8809", "0x0800", "0x0800", "0x0800", "0x0800",
        "0x0800", "0x0800", "0x0800", "0x0800", "0x0800", "0x86dd");
    /** Bytes each frame loses. */
    private static final int[] REMOVED = {4, 8, 12, 8, 4, 4 + 4 + 4 + 14 + 4, 8, 8, 20 + 12, 14 + 20 + 8 + 4, 0, 0,
        14 + 20 + 8 + 8, 14 + 20 + 8 + 8 + 8, 14 + 20 + 4, 14 + 20 + 8 + 8, 14 + 20 + 8 + 12 + 8, 14 + 20 + 8 + 12,
        14 + 20 + 8 + 8, 20 + 8 + 8, 14 + 20 + 8 + 8, 40 + 8 + 8};

    private static final List<String> INNER = List.of("ip.src", "ip.dst", "ipv6.src", "tcp.srcport", "tcp.dstport",
        "udp.srcport", "udp.dstport", "tcp.len", "udp.length");
    private static final List<String> ENCAP = List.of("vlan.id", "ieee8021ad.id", "mpls.label", "pppoe.session_id",
        "gre.proto", "vxlan.vni", "geneve.vni", "erspan.version");

    @Test
    void stripAllDecodesAsTheInnerPacket() throws Exception {
        TsharkOracle.assumeTshark();
        Path in = dir.resolve("in.pcap");
        Path out = dir.resolve("out.pcap");
        TsharkOracle.writePcap(in, LinkType.EN10MB, FRAMES.stream().map(Sample::bytes).toList());
        assertEquals(0, strip(in, out));

        List<String[]> before = fields(in, "l", INNER, List.of("-d", "mpls.label==100,pwethcw", "-d", "udp.port==8472,vxlan"));
        List<String[]> after = fields(out, "f", INNER, List.of());
        List<String[]> types = fields(out, "f", List.of("eth.type"), List.of());
        List<String[]> encap = fields(out, "a", ENCAP, List.of());
        assertEquals(FRAMES.size(), after.size());
        for (int i = 0; i < FRAMES.size(); i++) {
            String name = FRAMES.get(i).name();
            assertArrayEquals(before.get(i), after.get(i), name);
            assertEquals(EXPECTED_TYPE.get(i), types.get(i)[0], name);
            assertEquals("", String.join("", encap.get(i)), name + " still encapsulated");
        }
        List<Packet> read = new ArrayList<>();
        try (PacketSource s = CaptureFiles.open(out.toString(), ProblemReporter.IGNORE)) {
            int i = 0;
            Packet p = new Packet();
            while (s.next(p)) {
                int expected = FRAMES.get(i).bytes().length - REMOVED[i];
                assertEquals(expected, p.capLen(), FRAMES.get(i).name() + " caplen");
                assertEquals(expected, p.origLen(), FRAMES.get(i).name() + " origlen");
                i++;
            }
            assertEquals(FRAMES.size(), i);
        }
    }

    @Test
    void onlyTheSelectedEncapsulationGoes() throws Exception {
        TsharkOracle.assumeTshark();
        Path in = dir.resolve("in.pcap");
        Path out = dir.resolve("out.pcap");
        // VLAN + MPLS pseudowire: --vlan removes the outer tag only; MPLS (and the inner frame's tag) stay
        TsharkOracle.writePcap(in, LinkType.EN10MB, List.of(ETH_MPLS_PW_ETH.bytes(), ETH_PPPOE_IPV4_TCP.bytes()));
        assertEquals(0, strip(in, out, "--vlan"));
        List<String[]> r = fields(out, "a", List.of("eth.type", "vlan.id", "mpls.label", "pppoe.session_id"),
            List.of("-d", "mpls.label==100,pwethcw"));
        assertArrayEquals(new String[] {"0x8847,0x8100", "40", "100", ""}, r.get(0));
        assertArrayEquals(new String[] {"0x8864", "", "", "0x1234"}, r.get(1));

        assertEquals(0, strip(in, out, "--mpls"));
        r = fields(out, "a", List.of("eth.type", "vlan.id", "mpls.label"), List.of());
        assertArrayEquals(new String[] {"0x8100", "40", ""}, r.get(0));   // the inner frame, its tag kept
    }

    /**
     * VXLAN on a site's own port (65330, Azure's): --vxlan-port makes strip take it off, giving what tshark decodes
     * inside when told the port is VXLAN; without it the frame stays as it is.
     */
    @Test
    void vxlanOnASitesOwnPort() throws Exception {
        TsharkOracle.assumeTshark();
        byte[] frame = Frames.eth(0x0800, Frames.ipv4(17, Frames.udp(49154, 65330, ByteArrays.concat(
            ByteArrays.hex("08 00 00 00 00 00 07 00"), Frames.eth(0x0800, Frames.ipv4(17, Frames.udp(4446, 5557,
                ByteArrays.ascii("own"))))))));
        Path in = dir.resolve("in.pcap");
        Path out = dir.resolve("out.pcap");
        TsharkOracle.writePcap(in, LinkType.EN10MB, List.of(frame));
        assertEquals(0, strip(in, out, "--vxlan", "--vxlan-port", "65330"));
        List<String[]> inside = fields(in, "l", INNER, List.of("-d", "udp.port==65330,vxlan"));
        assertArrayEquals(inside.get(0), fields(out, "f", INNER, List.of()).get(0));
        assertEquals("", String.join("", fields(out, "a", ENCAP, List.of()).get(0)));
        assertEquals(frame.length - (14 + 20 + 8 + 8), Files.size(out) - 24 - 16);

        assertEquals(0, strip(in, out, "--vxlan"));
        assertArrayEquals(fields(in, "a", INNER, List.of()).get(0), fields(out, "a", INNER, List.of()).get(0));
        assertEquals(Files.size(in), Files.size(out));
    }

    /** The use the flags are for: SMC handshakes carried in VXLAN read, once stripped, as if captured inside. */
    @Test
    void smcInsideVxlanReadsAsTheSampleOnceStripped() throws Exception {
        List<byte[]> wrapped = new ArrayList<>();
        try (PacketSource s = CaptureFiles.open("samples/smc-4conn.pcap", ProblemReporter.IGNORE)) {
            Packet p = new Packet();
            while (s.next(p)) {
                wrapped.add(Frames.eth(0x0800, Frames.ipv4(17, Frames.udp(49152, 4789,
                    ByteArrays.concat(ByteArrays.hex("08 00 00 00 00 10 92 00"), p.copyBytes())))));
            }
        }
        Path in = dir.resolve("vxlan.pcap");
        Path out = dir.resolve("inner.pcap");
        TsharkOracle.writePcap(in, LinkType.EN10MB, wrapped);
        assertEquals(0, strip(in, out, "--vxlan"));
        String inside = smcClc(out.toString());
        assertEquals(smcClc("samples/smc-4conn.pcap"), inside);
        assertEquals(10, inside.lines().count(), inside);
        assertEquals("", smcClc(in.toString()), "smc-clc itself does not look inside VXLAN (nor does the Go tool)");
    }

    private static String smcClc(String file) {
        StringWriter out = new StringWriter();
        Main.run(new String[] {"smc-clc", "-f", file, "-show-timestamps=false"}, new PrintWriter(out),
            new PrintWriter(new StringWriter()));
        return out.toString();
    }

    /**
     * A damaged input (its last record cut short): the records before it are stripped and written, the damage is one
     * line, and the exit status is 1, as tcpdump's when it copies such a file with -r and -w.
     */
    @Test
    void damagedInputWritesWhatWasReadAndExitsOne() throws Exception {
        Path in = dir.resolve("in.pcap");
        Path out = dir.resolve("out.pcap");
        TsharkOracle.writePcap(in, LinkType.EN10MB, List.of(ETH_VLAN_IPV4_UDP.bytes(), ETH_QINQ_IPV6_UDP.bytes()));
        byte[] whole = Files.readAllBytes(in);
        int cut = ETH_QINQ_IPV6_UDP.bytes().length / 2;
        Files.write(in, Arrays.copyOf(whole, whole.length - cut));
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"strip", "-r", in.toString(), "-w", out.toString()},
            new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(1, code, err.toString());
        assertTrue(err.toString().contains("in.pcap: truncated record"), err.toString());
        try (PacketSource s = CaptureFiles.open(out.toString(), ProblemReporter.IGNORE)) {
            Packet p = new Packet();
            assertTrue(s.next(p));
            assertEquals(ETH_VLAN_IPV4_UDP.bytes().length - 4, p.capLen(), "the first frame, its tag removed");
            assertFalse(s.next(p));
        }
    }

    @Test
    void missingInputIsAOneLineError() throws Exception {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"strip", "-r", dir.resolve("nope.pcap").toString(), "-w",
            dir.resolve("o.pcap").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(1, code);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    private static int strip(Path in, Path out, String... flags) {
        List<String> args = new ArrayList<>(List.of("strip", "-r", in.toString(), "-w", out.toString()));
        args.addAll(List.of(flags));
        return Main.run(args.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    private static List<String[]> fields(Path file, String occurrence, List<String> fields, List<String> extra)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", file.toString(), "-T", "fields",
            "-E", "occurrence=" + occurrence, "-E", "separator=\t"));
        cmd.addAll(extra);
        for (String f : fields) {
            cmd.add("-e");
            cmd.add(f);
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "tshark failed: " + cmd);
        List<String[]> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) rows.add(Arrays.copyOf(line.split("\t", -1), fields.size()));
        }
        for (String[] row : rows) for (int i = 0; i < row.length; i++) if (row[i] == null) row[i] = "";
        return rows;
    }
}
