package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fabricscope.testing.ByteArrays;
import dev.fabricscope.testing.Oracles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `fabricscope smc-clc` as users run it, against smc-clc's own output for the shared captures. */
class SmcClcEndToEndTest {
    @TempDir
    Path tmp;

    private static Oracles.Run smcClc(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "smc-clc";
        System.arraycopy(args, 0, all, 1, args.length);
        return Oracles.run(Oracles.fabricscopeCommand(all), Map.of("TZ", "UTC"));
    }

    @Test
    void sameTextAsSmcClc() throws Exception {
        Path smc = Oracles.sharedCapture("smc/synthetic-4conn.pcap").getParent();
        Oracles.Run plain = smcClc("-f", smc.resolve("synthetic-4conn.pcap").toString(), "-show-timestamps=false");
        assertEquals(0, plain.exitCode(), plain.err());
        assertEquals(Files.readString(smc.resolve("synthetic-4conn.smc-clc.txt")), plain.out());
        Oracles.Run detailed = smcClc("-f", smc.resolve("synthetic-4conn.pcap").toString(), "-show-timestamps=false",
            "-show-reserved", "-show-hex");
        assertEquals(Files.readString(smc.resolve("synthetic-4conn.smc-clc-reserved-hex.txt")), detailed.out());
        assertTrue(plain.err().lines().anyMatch(l -> l.matches("\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d Reading packets from file .*synthetic-4conn.pcap:")),
            plain.err());
    }

    /** Where smc-clc is right we print its text; where it is wrong (README 20001-20003) we decode correctly. */
    @Test
    void edgeCasesCorrectedAndMalformedHeaderSurvived() throws Exception {
        Path smc = Oracles.sharedCapture("smc/synthetic-edge.pcap").getParent();
        Oracles.Run r = smcClc("-f", smc.resolve("synthetic-edge.pcap").toString(), "-show-timestamps=false");
        assertEquals(0, r.exitCode(), r.err());
        List<String> ours = r.out().lines().toList();
        List<String> theirs = Files.readString(smc.resolve("synthetic-edge.smc-clc.txt")).lines().toList();
        assertEquals(theirs.size(), ours.size());
        int same = 0;
        for (int i = 0; i < ours.size(); i++) {
            String line = ours.get(i);
            if (line.contains(":20001:") || line.contains(":20002:") || line.contains(":20003:")) {
                if (line.contains(": Accept:") || line.contains(": Decline:")) continue;
            }
            assertEquals(theirs.get(i), line);
            same++;
        }
        assertEquals(11, same);
        assertTrue(r.out().contains("Hostname: ThisIsHostname01, Feature Mask: 0x1"), r.out());          // 20001 v2.x FCE
        assertTrue(r.out().contains("Additional Peer Diagnosis: [0x3030002 (no SMC-R device found)"), r.out()); // 20002
        assertTrue(r.err().contains("frame 84, 10.0.0.1:20009 -> 10.0.0.2:50000: CLC header Length 4"), r.err());
        assertTrue(r.err().contains("frame 76, 10.0.0.1:20008"), r.err());
    }

    /** smc-clc prints the clock at print time; we print each message's capture time (README: 03:04:05 + 1 us per packet). */
    @Test
    void timestampsAreThePacketsCaptureTime() {
        Path f = Oracles.sharedCapture("smc/synthetic-4conn.pcap");
        Oracles.Run r = smcClc("-f", f.toString());
        assertTrue(r.out().startsWith("03:04:05.000004 10.0.0.1:10001 -> 10.0.0.2:50000: Proposal:"), r.out());
        assertEquals(10, r.out().lines().filter(l -> l.startsWith("03:04:05.0000")).count(), r.out());
    }

    @Test
    void jsonLinesCarryStableFields() {
        Path f = Oracles.sharedCapture("smc/synthetic-4conn.pcap");
        Oracles.Run r = smcClc("-f", f.toString(), "-json");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(10, lines.size());
        assertTrue(lines.getFirst().startsWith("{\"time\":\"2020-01-02T03:04:05.000004Z\",\"frame\":4,"
            + "\"src\":\"10.0.0.1:10001\",\"dst\":\"10.0.0.2:50000\",\"type\":\"Proposal\",\"version\":1,"
            + "\"path\":\"SMC-R\",\"length\":52,\"trailer_valid\":true,\"peer_id\":\"45472@98:03:9b:ab:cd:ef\","), lines.getFirst());
        assertTrue(lines.getFirst().contains(",\"text\":\"Proposal: Eyecatcher: SMC-R,"), lines.getFirst());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("{") && l.endsWith("}")), r.out());
    }

    @Test
    void writeSavesTheClcPacketsAndTheSmcHandshake() throws Exception {
        Oracles.requireTcpdump();
        Path f = Oracles.sharedCapture("smc/synthetic-4conn.pcap");
        Path out = tmp.resolve("clc.pcap");
        Oracles.Run r = smcClc("-f", f.toString(), "-show-timestamps=false", "-w", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        // the 10 messages, each in its own segment, and the SYN and SYN-ACK of the 4 connections (smc-clc
        // itself needs them to decode the saved file)
        Oracles.Run data = Oracles.run("tcpdump", "-n", "-q", "-r", out.toString(),
            "tcp[tcpflags] & (tcp-syn|tcp-fin) == 0");
        assertEquals(0, data.exitCode(), data.err());
        assertEquals(10, data.out().lines().count(), data.out());
        assertTrue(data.out().lines().allMatch(l -> !l.endsWith("tcp 0")), "only segments with CLC bytes: " + data.out());
        // and the FINs of the two connections still followed when they closed (10002 and 10004 were decided
        // by a Decline before)
        Oracles.Run fins = Oracles.run("tcpdump", "-n", "-q", "-r", out.toString(), "tcp[tcpflags] & tcp-fin != 0");
        assertEquals(List.of("10001 > 10.0.0.2.50000", "50000 > 10.0.0.1.10001", "10003 > 10.0.0.2.50000",
                "50000 > 10.0.0.1.10003"),
            fins.out().lines().map(l -> l.replaceAll("^.* IP 10\\.0\\.0\\.[12]\\.(\\d+ > [0-9.]+):.*$", "$1")).toList());
        Oracles.Run syns = Oracles.run("tcpdump", "-n", "-v", "-r", out.toString(), "tcp[tcpflags] & tcp-syn != 0");
        assertEquals(0, syns.exitCode(), syns.err());
        List<String> flags = syns.out().lines().filter(l -> l.contains("Flags [")).toList();
        assertEquals(8, flags.size(), syns.out());
        assertEquals(4, flags.stream().filter(l -> l.contains("Flags [S],")).count(), syns.out());
        assertEquals(4, flags.stream().filter(l -> l.contains("Flags [S.],")).count(), syns.out());
        // tcpdump names option 254 by its experiment ID: the SMC option E2D4C3D9 is "exp-e2d4"
        assertTrue(flags.stream().allMatch(l -> l.contains("options [exp-e2d4")), syns.out());
        // the saved file decodes to the same text as the original
        Oracles.Run again = smcClc("-f", out.toString(), "-show-timestamps=false");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(r.out(), again.out());
    }

    /**
     * The bundled mixed sample has CLC messages split over two segments (some cut inside the header, some parts
     * out of order), coalesced with others or with plain data, retransmitted, and connections without SYN: -w
     * must save every segment holding CLC bytes, not only those that complete a message, or reading the saved
     * file loses the split ones (it did: 280 of 294 messages).
     */
    @Test
    void writeSavesEveryPieceOfSplitAndOutOfOrderMessages() {
        Path sample = Path.of("samples/smc-mixed.pcap");
        Path out = tmp.resolve("mixed-clc.pcap");
        Oracles.Run r = smcClc("-f", sample.toString(), "-show-timestamps=false", "-w", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(294, r.out().lines().count(), "samples/smc-mixed.summary: 294 CLC messages");
        Oracles.Run again = smcClc("-f", out.toString(), "-show-timestamps=false");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(r.out(), again.out());
        // and no more than that: the plain TCP data after the handshakes (and pure ACKs) stay out
        assertTrue(out.toFile().length() < sample.toFile().length() / 2, out.toFile().length() + " bytes saved");
    }

    /**
     * The saved capture ends each connection as the whole one does: `fabricscope smc` gives every connection the
     * same outcome and the same end (fin, rst, decided...), since -w keeps the FIN and RST of followed connections,
     * and the same totals (the SYN-ACKs that did not echo the option are kept too: not echoed, rather than missing).
     */
    @Test
    void writtenConnectionsEndAsTheyDidInTheWholeCapture() {
        Path sample = Path.of("samples/smc-mixed.pcap");
        Path out = tmp.resolve("mixed-clc.pcap");
        assertEquals(0, smcClc("-f", sample.toString(), "-w", out.toString()).exitCode());
        Map<String, String> whole = outcomesAndEnds(sample);
        assertEquals(101, whole.size(), "samples/smc-mixed.summary: 100 SMC connections, and the summary");
        assertTrue(whole.get("summary").contains("\"smc_option_not_echoed\":2,\"syn_without_answer\":0"),
            whole.get("summary"));
        assertTrue(whole.values().stream().filter(v -> v.endsWith(" fin")).count() > 50, whole.toString());
        assertEquals(whole, outcomesAndEnds(out));
    }

    /** client server -> "outcome_text end", and "summary" -> the totals, from `fabricscope smc --json`. */
    private static Map<String, String> outcomesAndEnds(Path capture) {
        Oracles.Run r = Oracles.run(Oracles.fabricscopeCommand("smc", "-r", capture.toString(), "--json"), Map.of());
        assertEquals(0, r.exitCode(), r.err());
        Pattern connection = Pattern.compile(
            "\\{\"type\":\"connection\",\"client\":\"([^\"]+)\",\"server\":\"([^\"]+)\".*\"outcome_text\":\"([^\"]+)\".*\"end\":\"([a-z_]+)\"}");
        Map<String, String> byConnection = new TreeMap<>();
        r.out().lines().map(connection::matcher).filter(Matcher::matches)
            .forEach(m -> byConnection.put(m.group(1) + " " + m.group(2), m.group(3) + " " + m.group(4)));
        r.out().lines().filter(l -> l.startsWith("{\"type\":\"summary\",")).forEach(l -> byConnection.put("summary", l));
        return byConnection;
    }

    /**
     * Names in messages are bytes: Go writes a host name's byte 0xe9 as the one byte 0xe9, whatever the locale.
     * The edge capture's two host names get that byte (same length, so every length field stays right).
     */
    @Test
    void namesAreWrittenAsTheirRawBytesInAnyLocale() throws Exception {
        byte[] capture = Files.readAllBytes(Oracles.sharedCapture("smc/synthetic-edge.pcap"));
        byte[] plain = ByteArrays.ascii("ThisIsHostname01");
        byte[] raw = plain.clone();
        raw[7] = (byte) 0xe9;
        List<Integer> names = ByteArrays.offsetsOf(capture, plain);
        assertEquals(2, names.size(), "synthetic-edge.pcap holds two host names (README: 20001, 20003)");
        for (int at : names) System.arraycopy(raw, 0, capture, at, raw.length);
        Path input = Files.write(tmp.resolve("latin1-hostname.pcap"), capture);
        byte[] expected = "Hostname: ThisIsH\u00e9stname01,".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String locale : List.of("C.UTF-8", "C")) {
            Path out = tmp.resolve("out-" + locale);
            ProcessBuilder pb = new ProcessBuilder(Oracles.fabricscopeCommand("smc-clc", "-f", input.toString(),
                "-show-timestamps=false")).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("LC_ALL", locale);
            assertEquals(0, pb.start().waitFor(), locale);
            byte[] text = Files.readAllBytes(out);
            assertEquals(2, ByteArrays.offsetsOf(text, expected).size(),
                locale + ": " + new String(text, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
    }

    /** Every CLC message of a generated capture exactly once, as the generator's summary counts them. */
    @Test
    void everyMessageOfAGeneratedCaptureExactlyOnce() throws Exception {
        Path input = tmp.resolve("gen.pcap");
        Oracles.Run g = generate(1500, 11, input);
        Matcher total = Pattern.compile("CLC messages: (\\d+) total").matcher(g.out());
        assertTrue(total.find(), g.out());
        Oracles.Run r = smcClc("-f", input.toString(), "-show-timestamps=false");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(Long.parseLong(total.group(1)), r.out().lines().count());
        for (String type : List.of("Proposal", "Accept", "Confirm", "Decline")) {
            Matcher m = Pattern.compile("\\n\\s+" + type + "\\s+(\\d+)").matcher(g.out());
            assertTrue(m.find(), type + " in " + g.out());
            assertEquals(Long.parseLong(m.group(1)), r.out().lines().filter(l -> l.contains(": " + type + ": ")).count(), type);
        }
    }

    /**
     * The same TCP/IP packets carried over InfiniBand (LINKTYPE_INFINIBAND, IP over IB, RFC 4391 and 4755):
     * SMC's TCP handshake and CLC messages reach the reassembly from the IPoIB payload of RC SEND ONLY packets
     * (connected mode) and of UD SEND ONLY packets (datagram mode), and print smc-clc's text.
     */
    @Test
    void sameTextAsSmcClcOverIpOverInfiniband() throws Exception {
        Path smc = Oracles.sharedCapture("smc/synthetic-4conn.pcap").getParent();
        String expected = Files.readString(smc.resolve("synthetic-4conn.smc-clc.txt"));
        for (boolean connected : new boolean[] {true, false}) {
            Path ib = tmp.resolve(connected ? "ipoib-cm.pcap" : "ipoib-ud.pcap");
            overIpoib(smc.resolve("synthetic-4conn.pcap"), ib, connected);
            Oracles.Run r = smcClc("-f", ib.toString(), "-show-timestamps=false");
            assertEquals(0, r.exitCode(), r.err());
            assertEquals(expected, r.out(), connected ? "connected mode" : "datagram mode");
        }
    }

    /** Split, coalesced, out-of-order and retransmitted CLC segments over IPoIB connected mode: each once. */
    @Test
    void everyMessageOfAGeneratedCaptureExactlyOnceOverIpOverInfiniband() throws Exception {
        Path input = tmp.resolve("gen.pcap");
        Oracles.Run g = generate(300, 5, input);
        Path ib = tmp.resolve("gen-ipoib.pcap");
        overIpoib(input, ib, true);
        Oracles.Run ethernet = smcClc("-f", input.toString(), "-show-timestamps=false");
        Oracles.Run r = smcClc("-f", ib.toString(), "-show-timestamps=false");
        assertEquals(0, r.exitCode(), r.err());
        Matcher total = Pattern.compile("CLC messages: (\\d+) total").matcher(g.out());
        assertTrue(total.find(), g.out());
        assertEquals(Long.parseLong(total.group(1)), r.out().lines().count());
        assertEquals(ethernet.out(), r.out());
    }

    /** Runs ../shared/bench/gen_smc_bench.py into {@code output}; its stdout is the summary (the oracle counts). */
    private static Oracles.Run generate(int connections, int seed, Path output) {
        Oracles.requireTool("python3", "python3");
        Path gen = Oracles.sharedCaptures().getParent().resolve("bench/gen_smc_bench.py");
        assumeTrue(Files.exists(gen), gen + " missing");
        Oracles.Run g = Oracles.run("python3", gen.toString(), "--connections", String.valueOf(connections),
            "--seed", String.valueOf(seed), "-o", output.toString(), "-q");
        assertEquals(0, g.exitCode(), g.err());
        return g;
    }

    /**
     * Rewrites an Ethernet pcap's IPv4/IPv6 frames as native IB packets carrying IP over IB: LRH, BTH (RC SEND
     * ONLY, or UD SEND ONLY and a DETH), the IPoIB header and the IP packet. Every frame must be IP.
     */
    private static void overIpoib(Path ethernet, Path out, boolean connected) throws Exception {
        var frames = new java.io.ByteArrayOutputStream();
        int count = 0;
        dev.fabricscope.capture.Packet p = new dev.fabricscope.capture.Packet();
        try (var source = dev.fabricscope.capture.CaptureFiles.open(ethernet.toString(),
                dev.fabricscope.capture.ProblemReporter.IGNORE)) {
            while (source.next(p)) {
                int etherType = p.u16(12);
                assertTrue(etherType == 0x0800 || etherType == 0x86dd, "frame " + p.frameNumber() + " is not IP");
                byte[] ip = new byte[p.capLen() - 14];
                p.copyTo(14, ip, 0, ip.length);
                byte[] ib = connected
                    ? dev.fabricscope.testing.InfinibandFrames.ipOverIb(0x04, 0x000123 + (count & 1), new byte[0],
                        etherType, 0, ip)
                    : dev.fabricscope.testing.InfinibandFrames.ipOverIb(0x64, 0x000123,
                        dev.fabricscope.testing.InfinibandFrames.deth(0x000456), etherType, 0, ip);
                long micros = p.timestampNanos() / 1000;
                frames.write(ByteArrays.concat(le32(micros / 1_000_000), le32(micros % 1_000_000), le32(ib.length),
                    le32(ib.length), ib));
                count++;
            }
        }
        byte[] header = ByteArrays.concat(le32(0xa1b2c3d4L), new byte[] {2, 0, 4, 0}, le32(0), le32(0), le32(65535),
            le32(dev.fabricscope.capture.LinkType.INFINIBAND));
        Files.write(out, ByteArrays.concat(header, frames.toByteArray()));
    }

    private static byte[] le32(long v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }
}
