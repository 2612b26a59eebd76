package dev.fabricscope.cli;

import static dev.fabricscope.lacp.LacpFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.fabricscope.capture.CaptureFormat;
import dev.fabricscope.capture.CaptureInterface;
import dev.fabricscope.capture.CaptureWriter;
import dev.fabricscope.capture.CaptureWriters;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.TimestampPrecision;
import dev.fabricscope.capture.WriterOptions;
import dev.fabricscope.testing.Oracles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fabricscope lacp}: --format=tcpdump against lacp-ev.out (tcpdump's own expected output) and
 * against tcpdump run by the test; text and JSON against the values of the tshark decode
 * (LACP.frame1.tshark-V.txt) and of frames built in the test; malformed PDUs; interface names of a
 * multi-interface pcapng written with our writer; exit codes.
 */
class LacpCommandTest {
    @TempDir
    Path dir;

    static final long T0 = 1_700_000_000_000_000_000L;

    /** Our command in a fresh JVM, so that TZ applies as it does for tcpdump. */
    static Oracles.Run fresh(String tz, String... args) {
        List<String> cmd = new ArrayList<>(List.of("lacp"));
        cmd.addAll(List.of(args));
        return Oracles.run(Oracles.fabricscopeCommand(cmd.toArray(String[]::new)), Map.of("TZ", tz));
    }

    @Test
    void tcpdumpFormatIsLacpEvOutByteForByte() throws Exception {
        Path pcap = Oracles.sharedCapture("lacp/LACP.pcap");
        byte[] expected = Files.readAllBytes(Oracles.sharedCapture("lacp/lacp-ev.out"));
        var r = fresh("GMT0", "-r", pcap.toString(), "--format=tcpdump");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(new String(expected, java.nio.charset.StandardCharsets.UTF_8), r.out());
        assertEquals("", r.err());
    }

    @Test
    void tcpdumpFormatMatchesTcpdumpOnTheSharedCaptures() throws Exception {
        for (String name : List.of("LACP.pcap", "synthetic-marker.pcap", "slow-ossp.pcap")) {
            Path file = Oracles.sharedCapture("lacp/" + name);
            var tcpdump = Oracles.run(List.of(Oracles.tcpdump(), "-#", "-n", "-tttt", "-e", "-v", "-r", file.toString()),
                    Map.of("TZ", "UTC"));
            assertEquals(0, tcpdump.exitCode(), tcpdump.err());
            var ours = fresh("UTC", "-r", file.toString(), "--format=tcpdump");
            assertEquals(tcpdump.out(), ours.out(), name);
        }
    }

    /** Slow frames between other frames, some malformed: the slow ones only, numbered as in the file. */
    @Test
    void tcpdumpFormatSkipsOtherFramesButCountsThem() throws Exception {
        byte[] lacp = ethernet(SRC_A, standardLacpdu(0x3d, 0x3d));
        byte[] actor18 = lacp.clone();
        actor18[17] = 18;
        byte[] ipv4 = concat(hex("020000000002 020000000001 0800"), hex("4500 0014 0000 4000 4011 0000 0a000001 0a000002"));
        Path file = writePcap(List.of(ipv4, lacp, ipv4, actor18, Arrays.copyOf(lacp, 40), ipv4,
                ethernet(SRC_B, markerPdu(2, 7, "00:0e:83:16:f5:00", 99))), List.of(0, 0, 0, 0, 0, 0, 0));
        var tcpdump = Oracles.run(List.of(Oracles.tcpdump(), "-#", "-n", "-tttt", "-e", "-v", "-r", file.toString()),
                Map.of("TZ", "UTC"));
        StringBuilder slowOnly = new StringBuilder();
        for (String record : tcpdump.out().split("(?m)^(?=\\s{0,4}\\d+  \\d{4}-)")) {
            if (record.contains("Slow Protocols")) slowOnly.append(record);
        }
        var ours = fresh("UTC", "-r", file.toString(), "--format=tcpdump");
        assertEquals(0, ours.exitCode(), ours.err());
        assertEquals(slowOnly.toString(), ours.out());
        assertTrue(ours.out().startsWith("    2  "), ours.out());
        assertEquals("fabricscope: frame 4: Actor TLV length 18, expected 20 (offset 16)\n"
                + "fabricscope: frame 5: Partner TLV too short: TLV needs 20 bytes at offset 36, 4 left (offset 36)\n",
                ours.err());
    }

    @Test
    void textAndJsonOfFrame1AgreeWithTshark() throws Exception {
        String v = Files.readString(Oracles.sharedCapture("lacp/LACP.frame1.tshark-V.txt"));
        Path pcap = Oracles.sharedCapture("lacp/LACP.pcap");
        CliRun text = CliRun.of("lacp", "-r", pcap.toString());
        assertEquals(0, text.exitCode(), text.err());
        String first = text.out().lines().findFirst().orElseThrow();
        // tshark: Epoch Time 1258257730.267147000, Src 00:13:c4:12:0f:0d, Actor 32768/00:13:c4:12:0f:00 key 13
        // port 32768/22 state 0x85 (Activity, Aggregation, Expired); Partner .../25 state 0x36
        assertEquals("2009-11-15T04:02:10.267147000Z 00:13:c4:12:0f:0d LACPv1 actor " + find(v, "Actor System Priority: (\\d+)")
                + "," + find(v, "Actor System ID: .*\\((.*)\\)") + " key " + find(v, "Actor Key: (\\d+)") + " port 32768,22 A.G....E"
                + " -> partner 32768," + find(v, "Partner System: .*\\((.*)\\)") + " key 13 port 32768,25 .TG.CD..", first);
        assertEquals(20, text.out().lines().count());
        CliRun json = CliRun.of("lacp", "-r", pcap.toString(), "--json");
        String j = json.out().lines().findFirst().orElseThrow();
        assertEquals("{\"frame\":1,\"time\":\"2009-11-15T04:02:10.267147000Z\",\"interface\":null,"
                + "\"src_mac\":\"00:13:c4:12:0f:0d\",\"protocol\":\"lacp\",\"subtype\":1,\"version\":1,"
                + "\"actor_system\":\"00:13:c4:12:0f:00\",\"actor_system_priority\":32768,\"actor_key\":13,"
                + "\"actor_port\":22,\"actor_port_priority\":32768,\"actor_state\":" + 0x85
                + ",\"actor_state_flags\":[\"activity\",\"aggregation\",\"expired\"],"
                + "\"partner_system\":\"00:0e:83:16:f5:00\",\"partner_system_priority\":32768,\"partner_key\":13,"
                + "\"partner_port\":25,\"partner_port_priority\":32768,\"partner_state\":" + 0x36
                + ",\"partner_state_flags\":[\"timeout\",\"aggregation\",\"collecting\",\"distributing\"],"
                + "\"collector_max_delay\":32768,\"tlvs\":[],\"error\":null}", j);
        CliRun verbose = CliRun.of("lacp", "-r", pcap.toString(), "-v");
        assertTrue(verbose.out().contains("\n    actor   system 00:13:c4:12:0f:00 priority 32768, key 13, port 22 priority "
                + "32768, state 0x85 [Activity, Aggregation, Expired] active, long timeout, aggregatable\n"), verbose.out());
    }

    @Test
    void malformedPdusAreMarkedAndDecodingGoesOn() throws Exception {
        byte[] lacp = ethernet(SRC_A, standardLacpdu(0x3d, 0x3d));
        byte[] actor18 = lacp.clone();
        actor18[17] = 18;
        byte[] noTerminator = Arrays.copyOf(lacp, 14 + 58);
        Path file = writePcap(List.of(actor18, noTerminator, lacp), List.of(0, 0, 0));
        CliRun r = CliRun.of("lacp", "-r", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(0).endsWith(" 00:13:c4:12:0f:0d [|lacp] Actor TLV length 18, expected 20 (offset 16)"), lines.get(0));
        assertTrue(lines.get(1).endsWith(" (malformed: LACPDU ends without Terminator TLV (offset 72))"), lines.get(1));
        assertTrue(lines.get(2).contains(" LACPv1 actor 32768,00:13:c4:12:0f:00 key 13 port 32768,22 A.GSCD.."), lines.get(2));
        CliRun json = CliRun.of("lacp", "-r", file.toString(), "--json");
        String j0 = json.out().lines().findFirst().orElseThrow();
        assertTrue(j0.endsWith("\"protocol\":null,\"error\":\"Actor TLV length 18, expected 20 (offset 16)\",\"error_offset\":16}"), j0);
    }

    @Test
    void multiInterfacePcapngNamesTheInterfaces() throws Exception {
        Path file = dir.resolve("bond.pcapng");
        CaptureInterface eth0 = new CaptureInterface("eth0", "", LinkType.EN10MB, 65535, 1000);
        CaptureInterface eth1 = new CaptureInterface("eth1", "", LinkType.EN10MB, 65535, 1000);
        try (CaptureWriter w = CaptureWriters.open(file.toString(),
                new WriterOptions(CaptureFormat.PCAPNG, 65535, LinkType.EN10MB, TimestampPrecision.MICRO))) {
            w.write(packet(ethernet(SRC_A, standardLacpdu(0x3d, 0x3d)), 1, T0), eth0);
            w.write(packet(ethernet(SRC_B, standardLacpdu(0x0d, 0x05)), 2, T0 + 1_000_000_000L), eth1);
        }
        CliRun r = CliRun.of("lacp", "-r", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("2023-11-14T22:13:20.000000000Z eth0 00:13:c4:12:0f:0d LACPv1 "), lines.get(0));
        assertTrue(lines.get(1).startsWith("2023-11-14T22:13:21.000000000Z eth1 00:0e:83:16:f5:10 LACPv1 "), lines.get(1));
        assertTrue(lines.get(1).endsWith(" A.GS.... -> partner 32768,00:0e:83:16:f5:00 key 13 port 32768,25 A.G....."),
                lines.get(1));
        CliRun json = CliRun.of("lacp", "-r", file.toString(), "--json");
        assertTrue(json.out().contains("\"frame\":2,\"time\":\"2023-11-14T22:13:21.000000000Z\",\"interface\":\"eth1\","),
                json.out());
    }

    @Test
    void exitCodesAndHelp() {
        assertEquals(2, CliRun.of("lacp").exitCode());
        CliRun missing = CliRun.of("lacp", "-r", dir.resolve("none.pcap").toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("no such file"), missing.err());
        assertEquals(2, CliRun.of("lacp", "-r", "x.pcap", "--format=pretty").exitCode());
        assertEquals(2, CliRun.of("lacp", "-r", "x.pcap", "--json", "--format=tcpdump").exitCode());
        assertEquals(2, CliRun.of("lacp", "-r", "x.pcap", "-i", "eth0").exitCode());
        CliRun help = CliRun.of("lacp", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--format=FORMAT") && help.out().contains("Exit status"), help.out());
    }

    private Path writePcap(List<byte[]> frames, List<Integer> cutTo) throws Exception {
        Path file = dir.resolve("frames.pcap");
        CaptureInterface eth = new CaptureInterface("eth0", "", LinkType.EN10MB, 65535, 1000);
        try (CaptureWriter w = CaptureWriters.open(file.toString(),
                new WriterOptions(CaptureFormat.PCAP, 65535, LinkType.EN10MB, TimestampPrecision.MICRO))) {
            for (int i = 0; i < frames.size(); i++) {
                w.write(packet(frames.get(i), i + 1, T0 + i * 1_000_000_000L), eth);
            }
        }
        return file;
    }

    private static Packet packet(byte[] frame, long number, long time) {
        return new Packet().set(frame, 0, frame.length, frame.length, time, 0, LinkType.EN10MB, number);
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex);
        return m.group(1);
    }
}
