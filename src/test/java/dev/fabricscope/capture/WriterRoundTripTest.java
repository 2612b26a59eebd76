package dev.fabricscope.capture;

import static dev.fabricscope.capture.WriterTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers (CaptureFiles) feeding the writers: the pipeline `capture -r IN -w OUT` uses. */
class WriterRoundTripTest {
    @TempDir Path dir;

    private static List<Path> sharedPcaps() throws IOException {
        try (Stream<Path> s = Files.walk(shared("captures"))) {
            return s.filter(p -> p.toString().endsWith(".pcap")).sorted().toList();
        }
    }

    /** Copies every packet of {@code in} to {@code sink}; returns the packet count. */
    private static int copy(String in, PacketSink sink) throws IOException {
        List<String> problems = new ArrayList<>();
        int n = 0;
        try (PacketSource source = CaptureFiles.open(in, problems::add)) {
            Packet p = new Packet();
            while (source.next(p)) {
                sink.write(p, source.interfaces().get(p.interfaceId()));
                n++;
            }
        }
        assertEquals(List.of(), problems, in);
        return n;
    }

    private static CaptureInterface firstInterface(Path file) throws IOException {
        try (PacketSource source = CaptureFiles.open(file.toString(), ProblemReporter.IGNORE)) {
            return source.interfaces().getFirst();
        }
    }

    /** Every shared capture, big-endian ones included: read + PcapWriter equals tcpdump -r F -w OUT. */
    @Test
    void readThenWriteEqualsTcpdump() throws Exception {
        assumeTool("tcpdump");
        List<Path> files = sharedPcaps();
        for (Path f : files) {
            Path oracle = dir.resolve(f.getFileName() + ".tcpdump");
            Result r = run(List.of("tcpdump", "-r", f.toString(), "-w", oracle.toString()));
            assertEquals(0, r.exit(), f + ": " + r.err());
            Path ours = dir.resolve(f.getFileName() + ".ours");
            try (CaptureWriter w = CaptureWriters.open(ours.toString(), WriterOptions.pcap(firstInterface(f)))) {
                copy(f.toString(), w);
            }
            assertArrayEquals(Files.readAllBytes(oracle), Files.readAllBytes(ours), f.toString());
        }
        assertFalse(files.isEmpty());
    }

    /** pcap → our pcapng → read back: same packets, times (ns) and bytes; tshark agrees on the count. */
    @Test
    void pcapngWrittenThenReadBackIsTheSame() throws Exception {
        for (Path f : sharedPcaps()) {
            Path ng = dir.resolve(f.getFileName() + ".pcapng");
            try (CaptureWriter w = CaptureWriters.open(ng.toString(), new WriterOptions(CaptureFormat.PCAPNG, 0, 0, null))) {
                copy(f.toString(), w);
            }
            try (PacketSource a = CaptureFiles.open(f.toString(), ProblemReporter.IGNORE);
                 PacketSource b = CaptureFiles.open(ng.toString(), ProblemReporter.IGNORE)) {
                assertEquals(CaptureFormat.PCAPNG, b.format());
                Packet pa = new Packet();
                Packet pb = new Packet();
                while (a.next(pa)) {
                    assertTrue(b.next(pb), f + ": packet " + pa.frameNumber() + " missing");
                    assertEquals(pa.timestampNanos(), pb.timestampNanos(), f + " time");
                    assertEquals(pa.origLen(), pb.origLen());
                    assertEquals(pa.linkType(), pb.linkType());
                    assertArrayEquals(pa.copyBytes(), pb.copyBytes(), f + " bytes of " + pa.frameNumber());
                }
                assertFalse(b.next(pb), f + ": extra packets");
                assertEquals(a.interfaces().getFirst().snapLen(), b.interfaces().getFirst().snapLen());
            }
        }
    }

    /** The splitting workflow end to end: read a 3 MB file, split with -C 1 -W 3, compare with tcpdump. */
    @Test
    void readThenSplitEqualsTcpdump() throws Exception {
        assumeTool("tcpdump");
        Path roce = shared("captures/rdma/oferby-proxy_roce.pcap");
        Path big = dir.resolve("big.pcap");
        // 40 copies of the capture, 30 s apart, written by us (the equality with tcpdump is checked below)
        CaptureInterface iface = firstInterface(roce);
        try (CaptureWriter w = CaptureWriters.open(big.toString(), WriterOptions.pcap(iface))) {
            for (int rep = 0; rep < 40; rep++) {
                try (PacketSource s = CaptureFiles.open(roce.toString(), ProblemReporter.IGNORE)) {
                    Packet p = new Packet();
                    while (s.next(p)) {
                        p.set(p.bytes(), p.offset(), p.capLen(), p.origLen(), p.timestampNanos() + rep * 30_000_000_000L,
                                0, p.linkType(), p.frameNumber());
                        w.write(p, iface);
                    }
                }
            }
        }
        Path theirs = Files.createDirectory(dir.resolve("tcpdump"));
        Path ours = Files.createDirectory(dir.resolve("ours"));
        List<String> cmd = new ArrayList<>(List.of("tcpdump"));
        if ("root".equals(System.getProperty("user.name"))) cmd.addAll(List.of("-Z", "root"));
        cmd.addAll(List.of("-r", big.toString(), "-w", theirs.resolve("part").toString(), "-C", "1", "-W", "3"));
        Result r = run(cmd);
        assertEquals(0, r.exit(), r.err());
        try (PacketSink sink = CaptureWriters.open(ours.resolve("part").toString(), WriterOptions.pcap(firstInterface(big)),
                new RotationPolicy(RotationPolicy.bytesFromMegabytes(1), 0, 3, false))) {
            copy(big.toString(), sink);
        }
        List<String> names;
        try (Stream<Path> s = Files.list(theirs)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        try (Stream<Path> s = Files.list(ours)) {
            assertEquals(names, s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(List.of("part0", "part1", "part2"), names);
        for (String n : names) assertArrayEquals(Files.readAllBytes(theirs.resolve(n)), Files.readAllBytes(ours.resolve(n)), n);
    }

    /** Rotated pcapng files each start with their own SHB and IDBs, so every part names its interfaces. */
    @Test
    void rotatedPcapngPartsAreSelfContained() throws Exception {
        CaptureInterface eth0 = new CaptureInterface("eth0", "uplink", LinkType.EN10MB, 9000, 1);
        List<Rec> input = new ArrayList<>();
        for (int i = 0; i < 100; i++) input.add(new Rec(1_700_000_000_000_000_000L + i * 1_000_001L, frame(100 + i, i)));
        try (RotatingSink sink = new RotatingSink(dir.resolve("ng").toString(), new RotationPolicy(2000, 0, 0, false),
                new WriterOptions(CaptureFormat.PCAPNG, 0, 0, null))) {
            writeAll(sink, input, eth0);
        }
        List<Rec> back = new ArrayList<>();
        for (int part = 0; ; part++) {
            Path f = dir.resolve(part == 0 ? "ng" : "ng" + part);
            if (!Files.exists(f)) break;
            try (PacketSource s = CaptureFiles.open(f.toString(), ProblemReporter.IGNORE)) {
                Packet p = new Packet();
                while (s.next(p)) {
                    assertEquals(eth0.name(), s.interfaces().get(p.interfaceId()).name(), f.toString());
                    assertEquals(9000, s.interfaces().get(p.interfaceId()).snapLen(), f.toString());
                    back.add(new Rec(p.timestampNanos(), p.copyBytes()));
                }
            }
        }
        assertEquals(input.size(), back.size());
        for (int i = 0; i < input.size(); i++) {
            assertEquals(input.get(i).tsNanos(), back.get(i).tsNanos());
            assertArrayEquals(input.get(i).data(), back.get(i).data());
        }
    }
}
