package dev.fabricscope.capture;

import static dev.fabricscope.capture.WriterTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotation: -C/-W checked byte for byte against tcpdump's own split; -G on packet time by its rules. */
class RotatingSinkTest {
    private static final WriterOptions PCAP = new WriterOptions(CaptureFormat.PCAP, 262144, LinkType.EN10MB, TimestampPrecision.MICRO);
    private static final ZoneId UTC = ZoneId.of("UTC");

    @TempDir Path dir;

    // ---- -C and -W against tcpdump ----

    /** ~3 MB: the packets of a shared RoCE capture repeated with increasing times, written by our PcapWriter. */
    private Path bigInput(WriterOptions options) throws IOException {
        PcapFile roce = readPcap(shared("captures/rdma/oferby-proxy_roce.pcap"));
        List<Rec> packets = new ArrayList<>();
        for (int rep = 0; rep < 40; rep++) {
            for (Rec r : roce.records()) packets.add(new Rec(r.tsNanos() + rep * 30_000_000_000L, r.origLen(), r.data(), r.linkType(), 0));
        }
        Path in = dir.resolve("big.pcap");
        write(in, options, packets, ethernet());
        return in;
    }

    private static List<String> tcpdumpWrite(Path in, Path pattern, String... rotation) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tcpdump"));
        // as root, tcpdump drops to user "tcpdump" before opening -C files; keep root for the temp dir
        if ("root".equals(System.getProperty("user.name"))) cmd.addAll(List.of("-Z", "root"));
        cmd.addAll(List.of("-r", in.toString(), "-w", pattern.toString()));
        cmd.addAll(List.of(rotation));
        return cmd;
    }

    private void compareWithTcpdump(String name, RotationPolicy policy, String... flags) throws Exception {
        compareWithTcpdump(name, policy, PCAP, flags);
    }

    /** {@code options}: how the input is written, and how our rotating sink writes (same link-type field). */
    private void compareWithTcpdump(String name, RotationPolicy policy, WriterOptions options, String... flags)
            throws Exception {
        assumeTool("tcpdump");
        Path in = bigInput(options);
        Path theirs = Files.createDirectory(dir.resolve("tcpdump-" + name));
        Path ours = Files.createDirectory(dir.resolve("ours-" + name));
        Result r = run(tcpdumpWrite(in, theirs.resolve("tcp"), flags));
        assertEquals(0, r.exit(), r.err());

        PcapFile input = readPcap(in);
        try (RotatingSink sink = new RotatingSink(ours.resolve("tcp").toString(), policy, options)) {
            writeAll(sink, input.records(), ethernet());
        }
        List<String> theirNames = names(theirs);
        assertEquals(theirNames, names(ours));
        assertTrue(theirNames.size() >= 2, "tcpdump split into " + theirNames);
        for (String n : theirNames) {
            assertArrayEquals(Files.readAllBytes(theirs.resolve(n)), Files.readAllBytes(ours.resolve(n)), n);
        }
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void sizeRotationEqualsTcpdump() throws Exception {
        compareWithTcpdump("C1", new RotationPolicy(RotationPolicy.bytesFromMegabytes(1), 0, 0, false), "-C", "1");
    }

    @Test
    void everyRotatedFileKeepsTheFcsBitsAsTcpdump() throws Exception {
        WriterOptions fcs4 = new WriterOptions(CaptureFormat.PCAP, 262144, LinkType.EN10MB, TimestampPrecision.MICRO,
            0x2400_0000);
        compareWithTcpdump("C1fcs", new RotationPolicy(RotationPolicy.bytesFromMegabytes(1), 0, 0, false), fcs4, "-C", "1");
    }

    @Test
    void ringOfTwoEqualsTcpdump() throws Exception {
        compareWithTcpdump("C1W2", new RotationPolicy(1_000_000, 0, 2, false), "-C", "1", "-W", "2");
    }

    @Test
    void ringNamesPaddedLikeTcpdump() throws Exception {
        compareWithTcpdump("C1W11", new RotationPolicy(1_000_000, 0, 11, false), "-C", "1", "-W", "11");
    }

    // ---- -G on packet time ----

    /** Packets every 0.37 s from an odd start, with a 35 s silence in the middle. */
    private static List<Rec> timedPackets() {
        List<Rec> out = new ArrayList<>();
        long t = 1_700_000_003_500_000_000L;
        for (int i = 0; i < 240; i++) {
            if (i == 120) t += 35_000_000_000L;
            out.add(new Rec(t, frame(60 + i % 50, i)));
            t += 370_000_000L;
        }
        return out;
    }

    private record OutFile(String name, long start, int counter, List<Rec> records) { }

    /** Output files named "g-<epoch seconds>-<counter>", ordered by start time then counter. */
    private List<OutFile> outputs(Path d) throws IOException {
        List<OutFile> files = new ArrayList<>();
        for (String n : names(d)) {
            String[] parts = n.split("-", -1);
            int counter = parts[2].isEmpty() ? 0 : Integer.parseInt(parts[2]);
            files.add(new OutFile(n, Long.parseLong(parts[1]), counter, readPcap(d.resolve(n)).records()));
        }
        files.sort(Comparator.comparingLong(OutFile::start).thenComparingInt(OutFile::counter));
        return files;
    }

    private RotatingSink sink(Path d, RotationPolicy policy) throws IOException {
        return new RotatingSink(d.resolve("g-%s-").toString(), policy, name -> CaptureWriters.open(name, PCAP),
                UTC, InstantSource.fixed(Instant.ofEpochSecond(42)));
    }

    private static void assertSameRecords(List<Rec> expected, List<Rec> got) {
        assertEquals(expected.size(), got.size(), "packet count");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).tsNanos() / 1000, got.get(i).tsNanos() / 1000, "time of packet " + i);
            assertArrayEquals(expected.get(i).data(), got.get(i).data(), "bytes of packet " + i);
        }
    }

    private static long second(Rec r) {
        return Math.floorDiv(r.tsNanos(), 1_000_000_000L);
    }

    @Test
    void timeRotationOnPacketTimeDriftsFromFirstPacket() throws Exception {
        List<Rec> input = timedPackets();
        try (RotatingSink s = sink(dir, new RotationPolicy(0, 10, 0, false))) {
            writeAll(s, input, ethernet());
        }
        List<OutFile> files = outputs(dir);
        assertSameRecords(input, files.stream().flatMap(f -> f.records().stream()).toList());
        for (int i = 0; i < files.size(); i++) {
            OutFile f = files.get(i);
            assertEquals(f.start(), second(f.records().getFirst()), f.name() + " starts at its first packet's second");
            for (Rec r : f.records()) assertTrue(second(r) - f.start() < 10, f.name() + " holds only its interval");
            if (i + 1 < files.size()) {
                assertTrue(files.get(i + 1).start() - f.start() >= 10, "rotated only when due: " + files.get(i + 1).name());
            }
        }
        assertTrue(files.size() >= 8, "files: " + files.size());
    }

    @Test
    void alignedTimeRotationStartsOnMultiplesOfThePeriod() throws Exception {
        List<Rec> input = timedPackets();
        try (RotatingSink s = sink(dir, new RotationPolicy(0, 10, 0, true))) {
            writeAll(s, input, ethernet());
        }
        List<OutFile> files = outputs(dir);
        assertSameRecords(input, files.stream().flatMap(f -> f.records().stream()).toList());
        for (OutFile f : files) {
            assertEquals(0, f.start() % 10, f.name());
            for (Rec r : f.records()) {
                assertTrue(second(r) >= f.start() && second(r) < f.start() + 10, f.name() + " holds its interval only");
            }
        }
        // first packet at …003.5 s: the first file is the interval starting at …000
        assertEquals(1_700_000_000L, files.getFirst().start());
        // the 35 s silence makes no empty files
        assertTrue(files.stream().noneMatch(f -> f.records().isEmpty()));
    }

    @Test
    void timeRotationWithFileLimitStopsAfterWFiles() throws Exception {
        List<Rec> input = timedPackets();
        int written = 0;
        try (RotatingSink s = sink(dir, new RotationPolicy(0, 10, 3, true))) {
            Packet view = new Packet();
            for (Rec r : input) {
                s.write(r.packet(view, written + 1), ethernet());
                if (s.limitReached()) break;
                written++;
            }
            assertTrue(s.limitReached());
            assertThrows(IllegalStateException.class, () -> s.write(input.getLast().packet(view, 1), ethernet()));
        }
        List<OutFile> files = outputs(dir);
        assertEquals(3, files.size());
        // exactly the packets before the first one of the fourth interval were written
        long fourth = files.getLast().start() + 10;
        List<Rec> expected = input.stream().filter(r -> second(r) < fourth).toList();
        assertEquals(expected.size(), written);
        assertSameRecords(expected, files.stream().flatMap(f -> f.records().stream()).toList());
    }

    @Test
    void timeAndSizeRotationNumberFilesWithinEachInterval() throws Exception {
        List<Rec> input = timedPackets();
        try (RotatingSink s = sink(dir, new RotationPolicy(800, 10, 0, true))) {
            writeAll(s, input, ethernet());
        }
        List<OutFile> files = outputs(dir);
        assertSameRecords(input, files.stream().flatMap(f -> f.records().stream()).toList());
        long start = Long.MIN_VALUE;
        int expectedCounter = 0;
        for (OutFile f : files) {
            expectedCounter = f.start() == start ? expectedCounter + 1 : 0;
            start = f.start();
            assertEquals(expectedCounter, f.counter(), f.name() + ": -C numbering restarts with each -G interval");
            assertEquals(expectedCounter == 0, f.name().endsWith("-"), f.name() + ": first file of an interval unnumbered");
            for (Rec r : f.records()) assertTrue(second(r) >= f.start() && second(r) < f.start() + 10, f.name());
        }
        assertTrue(files.stream().anyMatch(f -> f.counter() >= 2), "size rotation happened within intervals");
    }

    @Test
    void emptyTimeRotatedRunStillLeavesOneFile() throws Exception {
        try (RotatingSink s = sink(dir, new RotationPolicy(0, 60, 0, false))) {
            assertNull(s.currentFileName());
        }
        assertEquals(List.of("g-42-"), names(dir));
        assertEquals(24, Files.size(dir.resolve("g-42-")));
    }

    @Test
    void namesFollowTcpdumpRules() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertEquals("dump", new RotationPolicy(1, 0, 0, false).fileName("dump", 0, 0, berlin));
        assertEquals("dump7", new RotationPolicy(1, 0, 0, false).fileName("dump", 0, 7, berlin));
        assertEquals("dump0", new RotationPolicy(1, 0, 3, false).fileName("dump", 0, 0, berlin));
        assertEquals("dump05", new RotationPolicy(1, 0, 11, false).fileName("dump", 0, 5, berlin));
        assertEquals("dump", new RotationPolicy(1, 0, 1, false).fileName("dump", 0, 0, berlin));
        // -G: strftime in local time (here Berlin, CEST = UTC+2 on 2022-04-26); no number without -C
        assertEquals("d-20220426-1249", new RotationPolicy(0, 60, 0, false).fileName("d-%Y%m%d-%H%M", 1650970174L, 0, berlin));
        assertEquals("d-12492", new RotationPolicy(1, 60, 0, false).fileName("d-%H%M", 1650970174L, 2, berlin));
        // without -G a % in the name is literal
        assertEquals("100%s", new RotationPolicy(1, 0, 0, false).fileName("100%s", 1650970174L, 0, berlin));
    }

    @Test
    void invalidPoliciesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RotationPolicy(0, 0, 0, true));
        assertThrows(IllegalArgumentException.class, () -> new RotationPolicy(-1, 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> RotationPolicy.bytesFromMegabytes(0));
        assertThrows(IllegalArgumentException.class,
                () -> new RotatingSink("-", new RotationPolicy(1, 0, 0, false), PCAP));
    }

    // ---- disk full during rotation ----

    @Test
    void diskFullInThirdFileLeavesEveryFileWhole() throws Exception {
        List<Rec> input = timedPackets();
        List<String> opened = new ArrayList<>();
        RotatingSink.FileOpener opener = name -> {
            opened.add(name);
            FileChannel real = FileChannel.open(Path.of(name), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            FileChannel channel = opened.size() == 3 ? new FailingFileChannel(real, 5000) : real;
            return CaptureWriters.open(name, channel, true, true, PCAP);
        };
        String pattern = dir.resolve("part").toString();
        IOException e = assertThrows(IOException.class, () -> {
            try (RotatingSink s = new RotatingSink(pattern, new RotationPolicy(8000, 0, 0, false), opener, UTC,
                    InstantSource.system())) {
                writeAll(s, input, ethernet());
            }
        });
        assertEquals(3, opened.size(), "no file opened after the failure: " + opened);
        assertTrue(e.getMessage().startsWith(pattern + "2: disk full"), e.getMessage());
        List<Rec> written = new ArrayList<>();
        for (String name : opened) written.addAll(readPcap(Path.of(name)).records()); // throws on a torn record
        assertTrue(Files.size(Path.of(opened.get(2))) <= 5000);
        assertTrue(Files.size(Path.of(opened.get(0))) > 8000 && Files.size(Path.of(opened.get(1))) > 8000);
        assertSameRecords(input.subList(0, written.size()), written);
    }
}
