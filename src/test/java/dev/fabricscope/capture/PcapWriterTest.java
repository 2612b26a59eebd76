package dev.fabricscope.capture;

import static dev.fabricscope.capture.WriterTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PcapWriter output is compared byte for byte with what tcpdump 4.99 -r IN -w OUT writes. */
class PcapWriterTest {
    @TempDir Path dir;

    /** Nanosecond times chosen to show libpcap's truncation to µs (…999 ns, < 1 µs, exact µs). */
    private static List<Rec> handMadePackets() {
        long base = 1_650_970_174L * 1_000_000_000L;
        long[] offsets = {0, 999_999_999, 1_000_000_999, 2_000_000_500, 3_123_456_789L, 4_000_001_000L};
        int[] lengths = {60, 61, 1514, 62, 0, 99};
        List<Rec> out = new ArrayList<>();
        for (int i = 0; i < offsets.length; i++) {
            byte[] data = frame(lengths[i], i);
            int orig = i == 2 ? 9000 : lengths[i]; // one record cut by a snaplen: origlen > caplen
            out.add(new Rec(base + offsets[i], orig, data, LinkType.EN10MB, 0));
        }
        return out;
    }

    /** A nanosecond pcap written by hand from the pcap layout (tcpdump.org/manpages/pcap-savefile.5). */
    private static byte[] handMadeNanoPcap(List<Rec> records, int snapLen) {
        ByteBuffer b = pcapHeader(TimestampPrecision.NANO.magic(), snapLen, LinkType.EN10MB,
            records.stream().mapToInt(r -> 16 + r.data().length).sum());
        for (Rec r : records) {
            b.putInt((int) (r.tsNanos() / 1_000_000_000L)).putInt((int) (r.tsNanos() % 1_000_000_000L))
                    .putInt(r.data().length).putInt(r.origLen()).put(r.data());
        }
        return b.array();
    }

    /** A little-endian pcap file header (version 2.4) in a buffer with room for {@code recordBytes} more. */
    private static ByteBuffer pcapHeader(int magic, int snapLen, int linkType, int recordBytes) {
        return ByteBuffer.allocate(24 + recordBytes).order(ByteOrder.LITTLE_ENDIAN).putInt(magic)
            .putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(snapLen).putInt(linkType);
    }

    /** Reads {@code in} with our reader and writes each packet with the options for its first interface; the count. */
    private static int rewrite(Path in, Path out, Function<CaptureInterface, WriterOptions> options)
            throws IOException {
        int n = 0;
        try (PacketSource source = CaptureFiles.open(in.toString(), ProblemReporter.IGNORE);
             CaptureWriter w = CaptureWriters.open(out.toString(), options.apply(source.interfaces().getFirst()))) {
            Packet packet = new Packet();
            while (source.next(packet)) {
                w.write(packet, source.interfaces().getFirst());
                n++;
            }
        }
        return n;
    }

    @Test
    void microsecondFileEqualsTcpdumpFromNanosecondInput() throws Exception {
        assumeTool("tcpdump");
        List<Rec> packets = handMadePackets();
        Path in = Files.write(dir.resolve("in.pcap"), handMadeNanoPcap(packets, 65535));
        Path oracle = dir.resolve("tcpdump.pcap");
        Result r = run(List.of("tcpdump", "-r", in.toString(), "-w", oracle.toString()));
        assertEquals(0, r.exit(), r.err());

        Path ours = dir.resolve("ours.pcap");
        write(ours, new WriterOptions(CaptureFormat.PCAP, 65535, LinkType.EN10MB, TimestampPrecision.MICRO), packets, ethernet());
        assertArrayEquals(Files.readAllBytes(oracle), Files.readAllBytes(ours));
    }

    @Test
    void nanosecondFileEqualsTcpdumpWithNanoPrecision() throws Exception {
        assumeTool("tcpdump");
        List<Rec> packets = handMadePackets();
        Path in = Files.write(dir.resolve("in.pcap"), handMadeNanoPcap(packets, 1514));
        Path oracle = dir.resolve("tcpdump.pcap");
        Result r = run(List.of("tcpdump", "--time-stamp-precision=nano", "-r", in.toString(), "-w", oracle.toString()));
        assertEquals(0, r.exit(), r.err());

        Path ours = dir.resolve("ours.pcap");
        write(ours, new WriterOptions(CaptureFormat.PCAP, 1514, LinkType.EN10MB, TimestampPrecision.NANO), packets, ethernet());
        assertArrayEquals(Files.readAllBytes(oracle), Files.readAllBytes(ours));
    }

    /**
     * A record whose fraction field is out of range keeps that field, scaled to the output's unit, as tcpdump -r IN -w
     * OUT writes it (pcap_dump copies what it read): a second or more (1.5 s, 2 s), and fields libpcap reads as
     * negative (signed 32 bits: 0xffffffff is -1, 0x80000000 the least; scaled down, divided toward zero); our rewrite
     * used to move whole seconds into the seconds field and read 0x80000000 and up as positive. A microsecond field
     * of 0x80000000 scaled up to nanoseconds no longer fits 32 bits: not compared (the test below).
     */
    @Test
    void anOutOfRangeFractionFieldIsWrittenBackAsTcpdumpDoes() throws Exception {
        assumeTool("tcpdump");
        for (TimestampPrecision input : TimestampPrecision.values()) {
            long unitsPerSecond = 1_000_000_000L / input.nanosPerUnit();
            long[][] times = {{1000, unitsPerSecond * 3 / 2}, {1001, 2 * unitsPerSecond}, {1002, unitsPerSecond - 1},
                {1003, 0xFFFF_FFFFL}, {1004, -1500 & 0xFFFF_FFFFL},
                {1005, input == TimestampPrecision.NANO ? 0x8000_0000L : -2_147_483 & 0xFFFF_FFFFL}};   // fit ns
            ByteBuffer b = pcapHeader(input.magic(), 65535, LinkType.EN10MB, times.length * (16 + 60));
            for (int i = 0; i < times.length; i++) {
                b.putInt((int) times[i][0]).putInt((int) times[i][1]).putInt(60).putInt(60).put(frame(60, i));
            }
            Path in = Files.write(dir.resolve("in-" + input + ".pcap"), b.array());
            for (TimestampPrecision output : TimestampPrecision.values()) {
                Path oracle = dir.resolve("tcpdump.pcap");
                Result r = run(List.of("tcpdump", "--time-stamp-precision=" + output.name().toLowerCase(),
                    "-r", in.toString(), "-w", oracle.toString()));
                assertEquals(0, r.exit(), r.err());
                Path ours = dir.resolve("ours.pcap");
                rewrite(in, ours, iface -> WriterOptions.of(CaptureFormat.PCAP, 65535, iface, output));
                assertArrayEquals(Files.readAllBytes(oracle), Files.readAllBytes(ours), input + " -> " + output);
            }
        }
    }

    /**
     * A file whose header holds a DLT value in place of its LINKTYPE (11, 12, 15, 16, 19: ATM_RFC1483, RAW,
     * SLIP_BSDOS, PPP_BSDOS, ATM_CLIP) is rewritten with the LINKTYPE (100-103, 106) in pcap, as tcpdump -r -w does,
     * and in pcapng's IDB (editcap -F pcapng writes 100, 101, 106 for 11, 12, 19 too; it reads 16 as ATM CLIP and
     * refuses 15); other link types stay as they are.
     */
    @Test
    void aDltValueInAFileHeaderIsWrittenAsItsLinkType() throws Exception {
        assumeTool("tcpdump");
        for (int linkType : new int[] {11, 12, 15, 16, 19, 100, 101, 1, 113}) {
            ByteBuffer b = pcapHeader(TimestampPrecision.MICRO.magic(), 65535, linkType, 16 + 20);
            b.putInt(1000).putInt(0).putInt(20).putInt(20).put(frame(20, linkType));
            Path in = Files.write(dir.resolve("lt" + linkType + ".pcap"), b.array());
            Path oracle = dir.resolve("tcpdump.pcap");
            Result r = run(List.of("tcpdump", "-r", in.toString(), "-w", oracle.toString()));
            assertEquals(0, r.exit(), r.err());
            for (CaptureFormat format : new CaptureFormat[] {CaptureFormat.PCAP, CaptureFormat.PCAPNG}) {
                Path ours = dir.resolve("ours");
                rewrite(in, ours, iface -> WriterOptions.of(format, 65535, iface, TimestampPrecision.MICRO));
                if (format == CaptureFormat.PCAP) {
                    assertArrayEquals(Files.readAllBytes(oracle), Files.readAllBytes(ours), "link type " + linkType);
                } else {   // the link type field of tcpdump's pcap header
                    int libpcaps = ByteBuffer.wrap(Files.readAllBytes(oracle)).order(ByteOrder.LITTLE_ENDIAN)
                        .getInt(20);
                    assertEquals(libpcaps, idbLinkType(ours), "pcapng, link type " + linkType);
                }
            }
        }
    }

    /** The link type of a little-endian pcapng's first IDB (after the SHB, whose length is at offset 4). */
    private static int idbLinkType(Path pcapng) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(pcapng)).order(ByteOrder.LITTLE_ENDIAN);
        int idb = b.getInt(4);
        assertEquals(1, b.getInt(idb), pcapng + ": no IDB after the SHB");
        return b.getShort(idb + 8) & 0xffff;
    }

    /**
     * A fraction field that does not fit a signed 32-bit number in the output's unit (what libpcap reads) is written as
     * the same time, normalized; pcap_dump writes its low 32 bits.
     */
    @Test
    void aFractionFieldTooLargeForTheOutputUnitKeepsTheTime() throws IOException {
        ByteBuffer b = pcapHeader(TimestampPrecision.MICRO.magic(), 65535, LinkType.EN10MB, 16 + 60);
        b.putInt(1000).putInt(0x7FFFFFFF).putInt(60).putInt(60).put(frame(60, 1));   // 2147.483647 s of fraction
        Path in = Files.write(dir.resolve("in.pcap"), b.array());
        Path ours = dir.resolve("ours.pcap");
        assertEquals(1, rewrite(in, ours,
            iface -> WriterOptions.of(CaptureFormat.PCAP, 65535, iface, TimestampPrecision.NANO)));
        ByteBuffer written = ByteBuffer.wrap(Files.readAllBytes(ours)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1000 + 2147, written.getInt(24));
        assertEquals(483_647_000, written.getInt(28));
    }

    /** Every little-endian shared capture (several link types): tcpdump -r F -w OUT equals our rewrite. */
    @Test
    void sharedCapturesRewrittenLikeTcpdump() throws Exception {
        assumeTool("tcpdump");
        Path root = shared("captures");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".pcap")).sorted().toList();
        }
        int compared = 0;
        for (Path f : files) {
            PcapFile parsed;
            try {
                parsed = readPcap(f);
            } catch (IOException notLittleEndian) {
                continue; // big-endian input: our test parser does not read it; tcpdump would swap anyway
            }
            Path oracle = dir.resolve(f.getFileName() + ".tcpdump");
            Result r = run(List.of("tcpdump", "-r", f.toString(), "-w", oracle.toString()));
            assertEquals(0, r.exit(), f + ": " + r.err());
            Path ours = dir.resolve(f.getFileName() + ".ours");
            CaptureInterface iface = new CaptureInterface("", "", parsed.linkType(), parsed.snapLen(), 1000);
            write(ours, WriterOptions.pcap(iface), parsed.records(), iface);
            assertArrayEquals(Files.readAllBytes(oracle), Files.readAllBytes(ours), f.toString());
            compared++;
        }
        assertTrue(compared >= 5, "compared only " + compared + " files");
    }

    @Test
    void secondLinkTypeIsRefusedWithAdvice() throws Exception {
        Path out = dir.resolve("mixed.pcap");
        try (CaptureWriter w = CaptureWriters.open(out.toString(),
                new WriterOptions(CaptureFormat.PCAP, 262144, LinkType.EN10MB, null))) {
            Packet view = new Packet();
            w.write(new Rec(1, frame(60, 1)).packet(view, 1), ethernet());
            Rec raw = new Rec(2, 20, frame(20, 2), LinkType.RAW, 1);
            IOException e = assertThrows(IOException.class, () -> w.write(raw.packet(view, 2),
                    new CaptureInterface("tun0", "", LinkType.RAW, 262144, 1000)));
            assertTrue(e.getMessage().contains("pcap holds one link type; use --format pcapng"), e.getMessage());
            assertTrue(e.getMessage().contains("mixed.pcap"), e.getMessage());
        }
        // the refused packet left the file as it was: header + one record
        assertEquals(24 + 16 + 60, Files.size(out));
        assertEquals(1, readPcap(out).records().size());
    }

    @Test
    void tcpdumpSnapLenFollowsLibpcap() {
        // measured with tcpdump 4.99.3 / libpcap 1.10.3: tcpdump -r F -w OUT for header snaplen values
        assertEquals(262144, WriterOptions.tcpdumpSnapLen(0));
        assertEquals(100, WriterOptions.tcpdumpSnapLen(100));
        assertEquals(262145, WriterOptions.tcpdumpSnapLen(262145));
        assertEquals(1_000_000, WriterOptions.tcpdumpSnapLen(1_000_000));
        assertEquals(262144, WriterOptions.tcpdumpSnapLen(0x80000000L));
        assertEquals(262144, WriterOptions.tcpdumpSnapLen(-1));
    }

    @Test
    void missingDirectoryIsOneClearMessage() {
        String path = dir.resolve("no/such/dir/out.pcap").toString();
        IOException e = assertThrows(IOException.class, () -> CaptureWriters.open(path,
                new WriterOptions(CaptureFormat.PCAP, 262144, LinkType.EN10MB, null)));
        assertEquals(path + ": cannot create: no such directory", e.getMessage());
    }
}
