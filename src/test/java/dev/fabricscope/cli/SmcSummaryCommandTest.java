package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fabricscope.capture.CaptureFormat;
import dev.fabricscope.capture.CaptureInterface;
import dev.fabricscope.capture.CaptureWriter;
import dev.fabricscope.capture.CaptureWriters;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.TimestampPrecision;
import dev.fabricscope.capture.WriterOptions;
import dev.fabricscope.tcp.TcpFrames;
import dev.fabricscope.testing.Oracles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fabricscope smc}: outcomes checked against the shared captures' README (what each connection
 * contains), smc-clc's oracle lines (decline codes) and the benchmark generator's own summary (counts).
 */
class SmcSummaryCommandTest {
    private static final Pattern CLC_LINE = Pattern.compile("^10\\.0\\.0\\.[12]:(\\d+) -> 10\\.0\\.0\\.[12]:(\\d+): (\\w+):.*");
    private static final Pattern DIAGNOSIS = Pattern.compile("Peer Diagnosis: 0x([0-9a-f]+) \\(([^)]*\\)?)\\)");

    @TempDir
    Path tmp;

    private static List<String> connectionLines(String out) {
        return out.lines().takeWhile(l -> !l.isEmpty()).toList();
    }

    private static String lineFor(List<String> lines, int port) {
        List<String> hits = lines.stream().filter(l -> l.contains(":" + port + " -> ")).toList();
        assertEquals(1, hits.size(), port + " in " + lines);
        return hits.getFirst();
    }

    private static String jsonFor(List<String> lines, int port) {
        List<String> hits = lines.stream().filter(l -> l.contains("\"client\":\"10.0.0.1:" + port + "\"")).toList();
        assertEquals(1, hits.size(), port + " in " + lines);
        return hits.getFirst();
    }

    /** Per client port: the Decline's sender ("client"/"server") and code, from smc-clc's oracle text. */
    private static Map<Integer, String> oracleDeclines(Path oracle) throws Exception {
        Map<Integer, String> declines = new HashMap<>();
        for (String l : Files.readAllLines(oracle)) {
            Matcher m = CLC_LINE.matcher(l);
            if (!m.matches() || !m.group(3).equals("Decline")) continue;
            int src = Integer.parseInt(m.group(1));
            boolean fromServer = src == 50000;
            Matcher d = DIAGNOSIS.matcher(l);
            assertTrue(d.find(), l);
            declines.put(fromServer ? Integer.parseInt(m.group(2)) : src, (fromServer ? "server" : "client") + ": "
                + String.format("0x%08x", Long.parseLong(d.group(1), 16)) + " (" + d.group(2) + ")");
        }
        return declines;
    }

    @Test
    void fourConnectionsAsTheReadmeDescribes() throws Exception {
        Path pcap = Oracles.sharedCapture("smc/synthetic-4conn.pcap");
        CliRun r = CliRun.of("smc", "-r", pcap.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = connectionLines(r.out());
        assertEquals(4, lines.size(), r.out());
        Map<Integer, String> declines = oracleDeclines(pcap.resolveSibling("synthetic-4conn.smc-clc.txt"));
        assertEquals(2, declines.size());
        // README: 10001 v1 Proposal / v1 SMC-R Accept / v1 SMC-R Confirm; the Proposal is frame 4, and
        // timestamps start 2020-01-02T03:04:05Z + 1 us per packet
        assertEquals("2020-01-02T03:04:05.000004Z 10.0.0.1:10001 -> 10.0.0.2:50000: SMC-R v1 established; "
            + "proposed v1 SMC-R", lineFor(lines, 10001));
        assertTrue(lineFor(lines, 10002).contains(": declined by " + declines.get(10002) + "; proposed v1 SMC-R"),
            lineFor(lines, 10002));
        // README: 10003 v2 Proposal / SMC-Dv2 Accept / SMC-Dv2 Confirm; Pathv2 and Path from smc-clc's line
        assertTrue(lineFor(lines, 10003).endsWith(": SMC-D v2 established; proposed v2 SMC-R + SMC-D (v1 SMC-R + SMC-D)"),
            lineFor(lines, 10003));
        assertTrue(lineFor(lines, 10004).contains(": declined by " + declines.get(10004) + ";"), lineFor(lines, 10004));
        assertTrue(declines.get(10004).startsWith("server: 0x03030000 (no SMC device found (R or D))"));
        assertTrue(r.out().contains("\n4 SMC connections (declined by server: 2, by client: 0)\n"), r.out());
        assertTrue(r.out().contains("\n       2  declined by server\n       1  SMC-D v2 established\n"
            + "       1  SMC-R v1 established\n"), r.out());
        assertTrue(r.out().contains("\n       2  0x03030000  no SMC device found (R or D)\n"), r.out());
    }

    @Test
    void edgeCapture() throws Exception {
        Path pcap = Oracles.sharedCapture("smc/synthetic-edge.pcap");
        CliRun r = CliRun.of("smc", "-r", pcap.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = connectionLines(r.out());
        // README: 9 connections; 20006 has no SMC option in its SYN, so it is not an SMC connection
        assertEquals(8, lines.size(), r.out());
        assertTrue(lines.stream().noneMatch(l -> l.contains(":20006 ")), r.out());
        Map<Integer, String> declines = oracleDeclines(pcap.resolveSibling("synthetic-edge.smc-clc.txt"));
        // 20001 / 20003: Proposal and Accept (SMC-Dv2 / SMC-Rv2), no Confirm, then FIN
        assertTrue(lineFor(lines, 20001).contains(": fell back to TCP: no Confirm after the Accept;"), lineFor(lines, 20001));
        assertTrue(lineFor(lines, 20003).contains(": fell back to TCP: no Confirm after the Accept;"), lineFor(lines, 20003));
        // 20002: the 44-byte v2 Decline; its first diagnosis is the one that counts
        assertTrue(lineFor(lines, 20002).contains(": declined by " + declines.get(20002) + ";"), lineFor(lines, 20002));
        assertTrue(declines.get(20002).startsWith("server: 0x03030007"));
        // 20004: split Proposal still recognized; Decline from the server
        assertTrue(lineFor(lines, 20004).contains(": declined by " + declines.get(20004) + "; proposed v1 SMC-R"),
            lineFor(lines, 20004));
        // 20005: Proposal+Confirm coalesced, the Accept after them: no Confirm after an Accept
        assertTrue(lineFor(lines, 20005).contains(": fell back to TCP: Confirm before the Accept;"), lineFor(lines, 20005));
        // 20007: Decline then plain data
        assertTrue(lineFor(lines, 20007).contains(": declined by " + declines.get(20007) + ";"), lineFor(lines, 20007));
        // 20008: the client's Decline with zeroed trailer (smc-clc: 10.0.0.1:20008 -> ...: Decline)
        assertEquals("client: 0x03030000 (no SMC device found (R or D))", declines.get(20008));
        assertTrue(lineFor(lines, 20008).contains(": declined by client: 0x03030000 (no SMC device found (R or D)); no Proposal"),
            lineFor(lines, 20008));
        // 20009: header Length 4 in frame 84 (tshark: frame 84 is 20009's 16-byte payload)
        assertTrue(lineFor(lines, 20009).contains(": malformed CLC: CLC header Length 4 "), lineFor(lines, 20009));
        assertTrue(lineFor(lines, 20009).contains("(frame 84)"), lineFor(lines, 20009));
        assertTrue(r.out().contains("\n8 SMC connections (declined by server: 3, by client: 1)\n"), r.out());
        assertTrue(r.out().contains("\n       3  0x03030000  no SMC device found (R or D)\n"
            + "       1  0x03030007  no SMC-Dv2 device found\n"), r.out());
    }

    @Test
    void jsonFields() throws Exception {
        Path pcap = Oracles.sharedCapture("smc/synthetic-4conn.pcap");
        CliRun r = CliRun.of("smc", "-r", pcap.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(5, lines.size(), r.out());
        assertEquals("{\"type\":\"connection\",\"client\":\"10.0.0.1:10001\",\"server\":\"10.0.0.2:50000\","
            + "\"outcome\":\"established\",\"outcome_text\":\"SMC-R v1 established\",\"smc_type\":\"SMC-R\",\"version\":1,"
            + "\"decline_code\":null,\"decline_reason\":null,\"declined_by\":null,\"proposed_version\":1,"
            + "\"proposed_path\":\"SMC-R\",\"proposed_path_v2\":null,\"note\":null,\"messages\":3,"
            + "\"first_seen\":\"2020-01-02T03:04:05.000004Z\",\"last_seen\":\"2020-01-02T03:04:05.000011Z\","
            + "\"first_frame\":1,\"end\":\"fin\"}", lines.get(0));
        String v2 = jsonFor(lines, 10004);
        assertTrue(v2.contains("\"outcome\":\"declined\""), v2);
        assertTrue(v2.contains("\"decline_code\":\"0x03030000\",\"decline_reason\":\"no SMC device found (R or D)\","
            + "\"declined_by\":\"server\",\"proposed_version\":2,\"proposed_path\":\"SMC-R + SMC-D\","
            + "\"proposed_path_v2\":\"SMC-R + SMC-D\""), v2);
        assertTrue(jsonFor(lines, 10003).contains("\"smc_type\":\"SMC-D\",\"version\":2"), jsonFor(lines, 10003));
        assertEquals("{\"type\":\"summary\",\"connections\":4,\"outcomes\":{\"declined by server\":2,"
            + "\"SMC-D v2 established\":1,\"SMC-R v1 established\":1},\"declined_by_server\":2,\"declined_by_client\":0,"
            + "\"declines\":[{\"code\":\"0x03030000\",\"reason\":\"no SMC device found (R or D)\",\"count\":2}],"
            + "\"smc_option_not_echoed\":0,\"syn_without_answer\":0,\"roce_qps_over_limit\":false}", lines.get(4));
    }

    /** Counts against the generator's own summary (what it put in the file), not against our output. */
    @Test
    void generatedCaptureMatchesTheGeneratorsSummary() throws Exception {
        Path generator = Oracles.sharedCaptures().getParent().resolve("bench/gen_smc_bench.py");
        assumeTrue(Files.isReadable(generator), "benchmark generator missing: " + generator);
        Oracles.requireTool("python3", "python3");
        Path pcap = tmp.resolve("gen.pcap");
        Oracles.Run gen = Oracles.run("python3", generator.toString(), "--connections", "1500", "--seed", "11",
            "-o", pcap.toString(), "-q");
        assertEquals(0, gen.exitCode(), gen.err());
        Map<String, Long> expected = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^  (SMC-[RD] v[12]|Decline by server|Decline by client|Accept\\+Decline by server) +(\\d+)$")
            .matcher(gen.out());
        while (m.find()) expected.put(m.group(1), Long.parseLong(m.group(2)));
        assertEquals(7, expected.size(), gen.out());
        Matcher total = Pattern.compile("connections: (\\d+) SMC connections").matcher(gen.out());
        assertTrue(total.find(), gen.out());
        Matcher synOnly = Pattern.compile("\\((\\d+) with SMC option in SYN only, no CLC\\)").matcher(gen.out());
        assertTrue(synOnly.find(), gen.out());

        CliRun r = CliRun.of("smc", "-r", pcap.toString());
        assertEquals(0, r.exitCode(), r.err());
        long server = expected.get("Decline by server") + expected.get("Accept+Decline by server");
        assertTrue(r.out().contains("\n" + total.group(1) + " SMC connections (declined by server: " + server
            + ", by client: " + expected.get("Decline by client") + ")\n"), r.out());
        assertEquals(Long.parseLong(total.group(1)), connectionLines(r.out()).size());
        for (String kind : List.of("SMC-R v1", "SMC-D v1", "SMC-D v2", "SMC-R v2")) {
            assertTrue(r.out().contains(String.format("\n%8d  %s established\n", expected.get(kind), kind)), kind + "\n" + r.out());
        }
        assertTrue(r.out().contains(String.format("\n%8d  declined by server\n", server)), r.out());

        CliRun json = CliRun.of("smc", "-r", pcap.toString(), "--json");
        String summary = json.out().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(summary.contains("\"connections\":" + total.group(1) + ","), summary);
        assertTrue(summary.contains("\"declined_by_server\":" + server + ",\"declined_by_client\":"
            + expected.get("Decline by client") + ","), summary);
        // the background flows with the SMC option in the SYN only are not SMC connections
        Matcher notSmc = Pattern.compile("\"smc_option_not_echoed\":(\\d+),\"syn_without_answer\":(\\d+)").matcher(summary);
        assertTrue(notSmc.find(), summary);
        assertEquals(Long.parseLong(synOnly.group(1)), Long.parseLong(notSmc.group(1)) + Long.parseLong(notSmc.group(2)));
    }

    /** Hand-built: SYN and SYN-ACK with the SMC option, then plain data both ways; and a SYN-ACK without it. */
    @Test
    void optionEchoedButNoClc() throws Exception {
        Path pcap = tmp.resolve("echoed.pcap");
        CaptureInterface eth = new CaptureInterface("eth0", "", LinkType.EN10MB, 65535, 1000);
        TcpFrames f = new TcpFrames();
        TcpFrames.Pair echoed = TcpFrames.Pair.v4(1, 40000, 2, 443);
        TcpFrames.Pair refused = TcpFrames.Pair.v4(1, 40001, 2, 443);
        byte[] none = new byte[0];
        byte[] get = "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] ok = "HTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        long t0 = 1_700_000_000_000_000_000L;
        try (CaptureWriter w = CaptureWriters.open(pcap.toString(),
                new WriterOptions(CaptureFormat.PCAP, 65535, LinkType.EN10MB, TimestampPrecision.MICRO))) {
            w.write(f.frame(echoed, true, 1000, 0, TcpFrames.SYN, TcpFrames.SMC_OPTION, none, t0), eth);
            w.write(f.frame(echoed, false, 5000, 1001, TcpFrames.SYN | TcpFrames.ACK, TcpFrames.SMC_OPTION, none, t0 + 1000), eth);
            w.write(f.frame(echoed, true, 1001, 5001, TcpFrames.ACK, null, none, t0 + 2000), eth);
            w.write(f.frame(echoed, true, 1001, 5001, TcpFrames.ACK | TcpFrames.PSH, null, get, t0 + 3000), eth);
            w.write(f.frame(echoed, false, 5001, 1001 + get.length, TcpFrames.ACK | TcpFrames.PSH, null, ok, t0 + 4000), eth);
            w.write(f.frame(refused, true, 2000, 0, TcpFrames.SYN, TcpFrames.SMC_OPTION, none, t0 + 5000), eth);
            w.write(f.frame(refused, false, 7000, 2001, TcpFrames.SYN | TcpFrames.ACK, null, none, t0 + 6000), eth);
            w.write(f.frame(refused, true, 2001, 7001, TcpFrames.ACK | TcpFrames.PSH, null, get, t0 + 7000), eth);
        }
        CliRun r = CliRun.of("smc", "-r", pcap.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = connectionLines(r.out());
        // the time the fallback was clear: both sides had spoken plain TCP
        assertEquals(List.of("2023-11-14T22:13:20.000004Z 10.0.0.1:40000 -> 10.0.0.2:443: SMC option echoed, no CLC; "
            + "no Proposal"), lines);
        assertTrue(r.out().contains("\n1 SMC connection (declined by server: 0, by client: 0)\n"), r.out());
        assertTrue(r.out().contains("\n       1  SMC option echoed, no CLC\n"), r.out());
        assertTrue(r.out().contains("\n1 more SYN(s) offered SMC, but the SYN-ACK did not echo the option"), r.out());
        CliRun json = CliRun.of("smc", "-r", pcap.toString(), "--json");
        assertTrue(json.out().startsWith("{\"type\":\"connection\",\"client\":\"10.0.0.1:40000\",\"server\":\"10.0.0.2:443\","
            + "\"outcome\":\"no_clc\",\"outcome_text\":\"SMC option echoed, no CLC\","), json.out());
        assertTrue(json.out().contains("\"first_seen\":null,"), json.out());
        assertTrue(json.out().contains("\"smc_option_not_echoed\":1,"), json.out());
    }

    /** The first 4 frames of synthetic-4conn.pcap (SYN, SYN-ACK, ACK, 10001's Proposal): the capture ends there. */
    @Test
    void captureEndsAfterTheProposal() throws Exception {
        Path cut = tmp.resolve("cut.pcap");
        try (dev.fabricscope.capture.PacketSource in = dev.fabricscope.capture.CaptureFiles.open(
                 Oracles.sharedCapture("smc/synthetic-4conn.pcap").toString(), m -> { });
             CaptureWriter w = CaptureWriters.open(cut.toString(),
                 new WriterOptions(CaptureFormat.PCAP, 65535, LinkType.EN10MB, TimestampPrecision.MICRO))) {
            dev.fabricscope.capture.Packet p = new dev.fabricscope.capture.Packet();
            for (int i = 0; i < 4 && in.next(p); i++) w.write(p, in.interfaces().get(p.interfaceId()));
        }
        CliRun r = CliRun.of("smc", "-r", cut.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("2020-01-02T03:04:05.000004Z 10.0.0.1:10001 -> 10.0.0.2:50000: incomplete (capture ended): "
            + "no answer to the Proposal; proposed v1 SMC-R"), connectionLines(r.out()));
        assertTrue(r.out().contains("\n       1  incomplete (capture ended)\n"), r.out());
    }

    @Test
    void exitCodesAndHelp() {
        CliRun missing = CliRun.of("smc", "-r", tmp.resolve("absent.pcap").toString());
        assertEquals(1, missing.exitCode());
        assertEquals("fabricscope: " + tmp.resolve("absent.pcap") + ": no such file\n", missing.err());
        CliRun usage = CliRun.of("smc");
        assertEquals(2, usage.exitCode());
        assertEquals("fabricscope: give -r FILE or -i INTERFACE\n", usage.err());
        CliRun help = CliRun.of("smc", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("SMC option echoed, no CLC"), help.out());
        assertTrue(help.out().contains("--json"), help.out());
    }

    @Test
    void notACapture() throws Exception {
        Path junk = tmp.resolve("junk.pcap");
        Files.write(junk, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24});
        CliRun r = CliRun.of("smc", "-r", junk.toString());
        assertEquals(1, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("fabricscope: "), r.err());
    }
}
