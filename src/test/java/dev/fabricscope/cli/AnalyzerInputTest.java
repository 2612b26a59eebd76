package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fabricscope.capture.ProblemReporter;
import dev.fabricscope.testing.Oracles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shared -r / -i input of the analyzer commands: files with filters, one and several live interfaces. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AnalyzerInputTest {
    private static final Path SAMPLE = Path.of("samples/lacp.pcap");

    private static AnalyzerInput input(String file, String... interfaces) {
        AnalyzerInput input = new AnalyzerInput();
        input.readFile = file;
        input.interfaces = new ArrayList<>(List.of(interfaces));
        input.snaplen = 262144;
        return input;
    }

    private static int count(AnalyzerInput input, String filter) {
        int[] n = {0};
        input.run(filter, new PrintWriter(new StringWriter()), ProblemReporter.IGNORE, (p, l) -> n[0]++);
        return n[0];
    }

    @Test
    void fileWithAndWithoutFilterCountsWhatTcpdumpCounts() throws Exception {
        Oracles.requireTcpdump();
        Oracles.requireLibpcap();
        for (String filter : List.of("", "ether proto 0x8809", "ether src 00:13:c4:12:0f:0d", "udp")) {
            List<String> args = new ArrayList<>(List.of("tcpdump", "-n", "-r", SAMPLE.toString()));
            if (!filter.isEmpty()) args.addAll(List.of(filter.split(" ")));
            Oracles.Run tcpdump = Oracles.run(args);
            assertEquals(0, tcpdump.exitCode(), tcpdump.err());
            assertEquals(tcpdump.out().lines().count(), count(input(SAMPLE.toString()), filter), filter);
        }
    }

    @Test
    void interfaceNamesOfAFileWithoutThemAreEmpty() {
        AnalyzerInput input = input(SAMPLE.toString());
        List<String> names = new ArrayList<>();
        input.run("", new PrintWriter(new StringWriter()), ProblemReporter.IGNORE,
            (p, l) -> names.add(input.interfaceName(p.interfaceId())));
        assertTrue(names.stream().allMatch(""::equals), names.toString());
        assertEquals("", input.interfaceName(7));
    }

    /**
     * A file run draws the progress line every 65536 packets (here with no least interval) and ends it with a
     * newline; the counts are the packets read and those that passed the filter before the current one.
     */
    @Test
    void fileRunsDrawProgressEvery65536Packets(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("many.pcap");
        int packets = 70_000;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(24 + packets * (16 + 14))
            .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        for (int i = 0; i < packets; i++) {
            b.putInt(1_700_000_000 + i).putInt(0).putInt(14).putInt(14);
            b.put(new byte[12]).putShort(Short.reverseBytes((short) (i % 2 == 0 ? 0x0800 : 0x86dd)));
        }
        java.nio.file.Files.write(file, b.array());
        AnalyzerInput input = input(file.toString());
        input.progress = (err, source) -> new Progress(err, source, 0);
        StringWriter err = new StringWriter();
        int[] seen = {0};
        input.run("", new PrintWriter(err, true), ProblemReporter.IGNORE, (p, l) -> seen[0]++);
        assertEquals(packets, seen[0]);
        String shown = err.toString();
        assertTrue(shown.matches("(?s)\r" + java.util.regex.Pattern.quote(file.toString())
            + ": \\d+% of 2 MB, 65536 packets, 65535 matched, \\d+ [kM]B/s +\n"), shown);
        assertEquals(1, shown.chars().filter(c -> c == '\r').count(), shown);
    }

    @Test
    void usageErrors() {
        PrintWriter err = new PrintWriter(new StringWriter());
        UserError neither = assertThrows(UserError.class, () -> input(null).run("", err, ProblemReporter.IGNORE, (p, l) -> { }));
        assertEquals(UserError.USAGE, neither.exitCode());
        UserError both = assertThrows(UserError.class,
            () -> input(SAMPLE.toString(), "lo").run("", err, ProblemReporter.IGNORE, (p, l) -> { }));
        assertEquals(UserError.USAGE, both.exitCode());
        UserError badFilter = assertThrows(UserError.class,
            () -> input(SAMPLE.toString()).run("no such protocol", err, ProblemReporter.IGNORE, (p, l) -> { }));
        assertEquals(UserError.USAGE, badFilter.exitCode());
        UserError missing = assertThrows(UserError.class,
            () -> input("/nonexistent.pcap").run("", err, ProblemReporter.IGNORE, (p, l) -> { }));
        assertEquals(UserError.RUNTIME, missing.exitCode());
    }

    @Test
    void oneLiveInterface() throws Exception {
        assertEquals(List.of(5), live(5, "lo"));
    }

    @Test
    void twoLiveHandlesAreReadAsOneStreamWithTheirInterfaceIds() throws Exception {
        // two handles on lo both see every datagram: each must deliver all of them, tagged with its id
        List<Integer> perInterface = live(6, "lo", "lo");
        assertEquals(List.of(6, 6), perInterface);
    }

    /** Captures {@code datagrams} UDP datagrams sent to lo; returns how many each interface delivered. */
    private static List<Integer> live(int datagrams, String... devices) throws Exception {
        Oracles.requireRootAndLibpcap();
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        AnalyzerInput input = input(null, devices);
        StringWriter errText = new StringWriter();
        PrintWriter err = new PrintWriter(errText, true);
        int[] seen = new int[devices.length];
        int expected = datagrams * devices.length;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<String> names = Collections.synchronizedList(new ArrayList<>());
        try (StopSignal stop = new StopSignal()) {
            Thread reader = Thread.ofPlatform().start(() -> {
                try {
                    input.run("udp dst port " + port, err, ProblemReporter.IGNORE, (p, l) -> {
                        seen[p.interfaceId()]++;
                        names.add(input.interfaceName(p.interfaceId()));
                        if (l.dstPort != port) throw new AssertionError("filter not applied: port " + l.dstPort);
                        int total = 0;
                        for (int s : seen) total += s;
                        if (total == expected) stop.stop();
                    }, stop);
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            awaitListening(errText, devices.length, reader);
            try (DatagramSocket s = new DatagramSocket()) {
                for (int i = 0; i < datagrams; i++) {
                    byte[] data = ("datagram " + i).getBytes();
                    s.send(new DatagramPacket(data, data.length, InetAddress.getLoopbackAddress(), port));
                }
            }
            reader.join(30_000);
            if (reader.isAlive()) {
                stop.stop();
                reader.join(10_000);
            }
        }
        if (failure.get() != null) throw new AssertionError(failure.get());
        assertTrue(errText.toString().contains("packets received by filter"), errText.toString());
        assertTrue(names.stream().allMatch("lo"::equals), names.toString());
        List<Integer> counts = new ArrayList<>();
        for (int s : seen) counts.add(s);
        return counts;
    }

    private static void awaitListening(StringWriter err, int interfaces, Thread reader) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (err.toString().lines().filter(l -> l.startsWith("listening on ")).count() >= interfaces) {
                Thread.sleep(200);
                return;
            }
            if (!reader.isAlive()) throw new AssertionError("input ended early: " + err);
            Thread.sleep(50);
        }
        throw new AssertionError("no listening line: " + err);
    }
}
