package dev.fabricscope.libpcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fabricscope.capture.CaptureFiles;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.testing.Oracles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every packet of every capture under ${fabricscope.shared}/captures: our interpreter against libpcap's
 * pcap_offline_filter, and our match counts against tcpdump's on the same file.
 */
class CaptureFilesFilterTest {
    @TempDir
    static Path tmp;

    @BeforeAll
    static void needLibpcap() {
        assumeTrue(Libpcap.available(), "libpcap (package libpcap0.8) is not installed: no oracle");
    }

    static List<Path> captures() throws IOException {
        String shared = System.getProperty("fabricscope.shared");
        assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "captures")),
            "fabricscope.shared is not set or has no captures/ (run through Maven from the project)");
        try (Stream<Path> files = Files.walk(Path.of(shared, "captures"))) {
            return files.filter(p -> p.toString().matches(".*\\.(pcap|pcapng)(\\.gz)?$")).sorted().toList();
        }
    }

    private record Loaded(byte[] bytes, int wirelen, int linkType) { }

    private static List<Loaded> load(Path file) throws IOException {
        List<Loaded> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (PacketSource src = CaptureFiles.open(file.toString(), problems::add)) {
            Packet p = new Packet();
            while (src.next(p)) out.add(new Loaded(p.copyBytes(), p.origLen(), p.linkType()));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("captures")
    void everyPacketAgreesWithLibpcap(Path file) throws IOException {
        List<Loaded> packets = load(file);
        assertTrue(!packets.isEmpty(), file + " has no packets");
        int compiled = 0;
        for (String filter : BpfInterpreterTest.FILTERS) {
            for (boolean optimize : new boolean[] {true, false}) {
                Map<Integer, BpfProgram> programs = new HashMap<>();
                for (Loaded l : packets) {
                    BpfProgram program;
                    if (programs.containsKey(l.linkType())) {
                        program = programs.get(l.linkType());
                    } else {
                        try {
                            program = BpfCompiler.compileForFile(filter, l.linkType(), 262144, optimize, 0);
                            compiled++;
                        } catch (BpfCompileException e) {
                            program = null;   // e.g. "vlan" on raw IP: nothing to compare
                        }
                        programs.put(l.linkType(), program);
                    }
                    if (program == null) continue;
                    try (OfflineFilterOracle oracle = new OfflineFilterOracle(program)) {
                        int expected = oracle.run(l.bytes(), l.bytes().length, l.wirelen());
                        int actual = new BpfInterpreter(program).run(TestFrames.packet(l.bytes(), l.bytes().length, l.wirelen()));
                        assertEquals(expected, actual, () -> file + ": '" + filter + "'");
                    }
                }
            }
        }
        assertTrue(compiled > 0, file + ": no filter compiled");   // ERF: libpcap compiles few primitives
    }

    @ParameterizedTest
    @MethodSource("captures")
    void matchCountsEqualTcpdumps(Path file) throws IOException {
        List<Loaded> packets = load(file);
        for (String filter : BpfInterpreterTest.FILTERS) {
            Path out = tmp.resolve("out.pcap");
            Files.deleteIfExists(out);
            // tcpdump writes the matching packets; counting records of that file is independent of how
            // many lines tcpdump would print per packet
            Oracles.Run tcpdump = Oracles.tcpdump("-r", file.toString(), "-w", out.toString(), "--", filter);
            long ours;
            try {
                ours = count(packets, filter);
            } catch (BpfCompileException e) {
                assertEquals(1, tcpdump.exitCode(), file + ": tcpdump accepted '" + filter + "': " + e.getMessage());
                continue;
            }
            assertEquals(0, tcpdump.exitCode(), file + " '" + filter + "': " + tcpdump.err());
            assertEquals(countRecords(out), ours, () -> file + ": '" + filter + "'");
        }
    }

    private static long count(List<Loaded> packets, String filter) {
        Map<Integer, BpfInterpreter> byLinkType = new HashMap<>();
        long n = 0;
        for (Loaded l : packets) {
            BpfInterpreter in = byLinkType.computeIfAbsent(l.linkType(),
                lt -> new BpfInterpreter(BpfCompiler.compileForFile(filter, lt, 262144, true, 0)));
            if (in.matches(TestFrames.packet(l.bytes(), l.bytes().length, l.wirelen()))) n++;
        }
        return n;
    }

    /** Records in a classic pcap file as tcpdump -w writes it (host byte order header, 16-byte record headers). */
    private static long countRecords(Path pcap) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(pcap)).order(ByteOrder.nativeOrder());
        assertEquals(0xa1b2c3d4, b.getInt(0), "tcpdump -w output magic");
        long n = 0;
        int at = 24;
        while (at + 16 <= b.limit()) {
            at += 16 + b.getInt(at + 8);
            n++;
        }
        assertEquals(b.limit(), at, "torn record in tcpdump's output");
        return n;
    }
}
