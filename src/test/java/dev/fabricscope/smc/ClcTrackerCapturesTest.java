package dev.fabricscope.smc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fabricscope.capture.CaptureFiles;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.capture.ProblemReporter;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.tcp.TcpFlow;
import dev.fabricscope.tcp.TcpReassemblyOptions;
import dev.fabricscope.testing.Oracles;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Framing over the shared SMC captures and a generated benchmark capture. Expected messages come from
 * smc-clc's own output (the *.smc-clc.txt oracle files: endpoints, type and "Length:" of every line) and
 * from the generator's summary.
 */
class ClcTrackerCapturesTest {
    private static final String[] TYPES = {"?", "Proposal", "Accept", "Confirm", "Decline"};
    private static final Pattern ORACLE_LINE =
        Pattern.compile("^(\\S+) -> (\\S+): (\\w+): Eyecatcher: .*?, Length: (\\d+),");

    /** Collects "src -> dst: Type length" per message, problems and "no CLC" reports. */
    static final class Collect implements ClcListener {
        final List<String> messages = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final List<String> noClc = new ArrayList<>();
        final List<String> ends = new ArrayList<>();
        final Map<String, Integer> byType = new TreeMap<>();
        final boolean keepLines;

        Collect(boolean keepLines) { this.keepLines = keepLines; }

        @Override
        public void message(TcpFlow<?> f, int dir, byte[] b, int off, int len, long t, long frame) {
            int type = b[off + 4] & 0xff;
            String name = type < TYPES.length ? TYPES[type] : "?";
            byType.merge(name, 1, Integer::sum);
            if (keepLines) messages.add(endpoint(f.srcAddress(dir), f.srcPort(dir)) + " -> "
                + endpoint(f.dstAddress(dir), f.dstPort(dir)) + ": " + name + " " + len);
        }

        @Override
        public void malformed(TcpFlow<?> f, int dir, String reason, long t, long frame) {
            problems.add(f.srcPort(dir) + " frame " + frame + ": " + reason);
        }

        @Override
        public void noClc(TcpFlow<?> f, String reason, long t) {
            noClc.add(f.port(0) + ": " + reason);
        }

        @Override
        public void ended(TcpFlow<?> f, ClcFlowEnd why, long t) {
            ends.add(why.name());
        }
    }

    static String endpoint(byte[] a, int port) {
        try {
            String s = InetAddress.getByAddress(a).getHostAddress();
            return (a.length == 16 ? "[" + s + "]" : s) + ":" + port;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static ClcTracker run(Path file, ClcTrackingRule rule, Collect c) throws IOException {
        ClcTracker t = new ClcTracker(c, rule, TcpReassemblyOptions.DEFAULTS);
        Packet p = new Packet();
        Layers l = new Layers();
        try (PacketSource src = CaptureFiles.open(file.toString(), ProblemReporter.IGNORE)) {
            while (src.next(p)) {
                Dissector.dissect(p, l);
                t.packet(p, l);
            }
        }
        t.finish();
        return t;
    }

    /** smc-clc's lines as "src -> dst: Type length". */
    static List<String> oracle(Path txt) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(txt)) {
            Matcher m = ORACLE_LINE.matcher(line);
            if (m.find()) out.add(m.group(1) + " -> " + m.group(2) + ": " + m.group(3) + " " + m.group(4));
        }
        return out;
    }

    @Test
    void fourConnectionsMatchSmcClc() throws IOException {
        Path pcap = Oracles.sharedCapture("smc/synthetic-4conn.pcap");
        List<String> want = oracle(Oracles.sharedCapture("smc/synthetic-4conn.smc-clc.txt"));
        assertEquals(10, want.size());
        for (ClcTrackingRule rule : ClcTrackingRule.values()) {
            Collect c = new Collect(true);
            run(pcap, rule, c);
            assertEquals(want, c.messages, rule.name());
            assertEquals(List.of(), c.problems);
            assertEquals(List.of(), c.noClc);
        }
    }

    @Test
    void edgeCasesMatchSmcClcAndReportTheBadOnes() throws IOException {
        Path pcap = Oracles.sharedCapture("smc/synthetic-edge.pcap");
        // smc-clc printed these 14 lines, then panicked on 20009's Length 4 (see the .stderr.txt oracle)
        List<String> want = oracle(Oracles.sharedCapture("smc/synthetic-edge.smc-clc.txt"));
        assertEquals(14, want.size());
        for (ClcTrackingRule rule : ClcTrackingRule.values()) {
            Collect c = new Collect(true);
            run(pcap, rule, c);
            assertEquals(want, c.messages, rule.name());
            // frames from `tshark -r synthetic-edge.pcap`: 76 is 20008's Decline, 84 is 20009's 16-byte segment
            assertEquals(List.of("20008 frame 76: zeroed trailer does not match eyecatcher E2D4C3D9",
                "20009 frame 84: CLC header Length 4 is less than the 8-byte header; stopped decoding this direction"),
                c.problems);
            assertEquals(List.of(), c.noClc);
        }
    }

    @Test
    void generatedBenchmarkCaptureEveryMessageExactlyOnce(@TempDir Path dir) throws Exception {
        Path gen = Oracles.sharedCaptures().getParent().resolve("bench/gen_smc_bench.py");
        assumeTrue(Files.isReadable(gen), "generator missing: " + gen);
        Oracles.requireTool("python3", "python3");
        Path pcap = dir.resolve("bench.pcap");
        Process proc = new ProcessBuilder("python3", gen.toString(), "--connections", "2000", "--seed", "1",
            "-o", pcap.toString(), "-q").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String summary = new String(proc.getInputStream().readAllBytes());
        assertEquals(true, proc.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, proc.exitValue(), summary);

        Map<String, Integer> all = new TreeMap<>();
        for (String type : List.of("Proposal", "Accept", "Confirm", "Decline")) {
            all.put(type, Integer.parseInt(find(summary, "(?m)^  " + type + "\\s+(\\d+)$")));
        }
        int total = Integer.parseInt(find(summary, "CLC messages: (\\d+) total"));
        int withSyn = Integer.parseInt(find(summary, "CLC messages in conns with captured SYN/SYN-ACK: (\\d+)"));
        Matcher m = Pattern.compile("Proposal (\\d+), Accept (\\d+), Confirm (\\d+), Decline (\\d+)").matcher(summary);
        assertEquals(true, m.find(), summary);
        Map<String, Integer> synOnly = new TreeMap<>(Map.of("Proposal", Integer.parseInt(m.group(1)),
            "Accept", Integer.parseInt(m.group(2)), "Confirm", Integer.parseInt(m.group(3)),
            "Decline", Integer.parseInt(m.group(4))));

        Collect c = new Collect(false);
        ClcTracker t = run(pcap, ClcTrackingRule.SYN_OPTION_OR_EYECATCHER, c);
        assertEquals(all, c.byType);
        assertEquals(total, t.messages());
        assertEquals(List.of(), c.problems);
        assertEquals(List.of(), c.noClc);

        Collect s = new Collect(false);
        ClcTracker ts = run(pcap, ClcTrackingRule.SYN_OPTION, s);
        assertEquals(synOnly, s.byType);
        assertEquals(withSyn, ts.messages());
        assertEquals(List.of(), s.problems);
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertEquals(true, m.find(), "no " + regex + " in:\n" + text);
        return m.group(1);
    }
}
