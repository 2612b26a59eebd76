package dev.fabricscope.capture;

import static dev.fabricscope.capture.WriterTestSupport.assumeTool;
import static dev.fabricscope.capture.WriterTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fabricscope.capture.ReadBack.Frame;
import dev.fabricscope.capture.ReadBack.Way;
import dev.fabricscope.capture.WriterTestSupport.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The pcap file variants libpcap 1.10 reads besides 2.4, and the headers it refuses (sf-pcap.c): versions before 2.3
 * and DG/UX's 543.0 store len before caplen, 2.3 either way (swapped when caplen exceeds len); Alexey Kuznetzov's
 * patched libpcap (magic a1b2cd34) has 8 more bytes in each record header; 2.5 and later are refused. tcpdump is
 * the oracle: it rewrites each variant as a 2.4 file (-r F -w OUT), which we must read as the same packets.
 */
class PcapFileVariantsTest {
    @TempDir Path dir;

    private static final byte[] TEN = Bytes.seq(10, 1);

    /** A little-endian µs file with two records of 10 captured bytes of 60, lengths stored as {@code swapped} says. */
    private static byte[] file(long magic, int major, int minor, boolean[] swapped, int extraHeaderBytes) {
        Bytes b = PcapReaderTest.header(Bytes.le(), magic, major, minor, 65535, 1);
        for (int i = 0; i < swapped.length; i++) {
            b.u32(1_700_000_000L + i).u32(5).u32(swapped[i] ? 60 : 10).u32(swapped[i] ? 10 : 60);
            for (int k = 0; k < extraHeaderBytes; k++) b.u8(0xee);
            b.raw(TEN);
        }
        return b.toArray();
    }

    private List<Frame> read(byte[] bytes, Way way) throws IOException {
        ReadBack.Result r = ReadBack.read(bytes, way, dir);
        assertEquals(List.of(), r.problems());
        return r.frames();
    }

    private static void assertTenOfSixty(List<Frame> frames) {
        assertEquals(2, frames.size());
        for (Frame f : frames) {
            assertEquals(10, f.capLen(), "caplen of frame " + f.number());
            assertEquals(60, f.origLen(), "len of frame " + f.number());
            assertArrayEquals(TEN, f.data(), "bytes of frame " + f.number());
        }
        assertEquals(1_700_000_001_000_005_000L, frames.get(1).ts());
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void versionsBefore23AndDgUxStoreLenFirst(Way way) throws IOException {
        for (int[] version : new int[][] {{2, 0}, {2, 2}, {543, 0}}) {
            assertTenOfSixty(read(file(PcapReader.MAGIC_MICROS, version[0], version[1], new boolean[] {true, true}, 0),
                way));
        }
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void version23IsSwappedWhereCaplenExceedsLen(Way way) throws IOException {
        assertTenOfSixty(read(file(PcapReader.MAGIC_MICROS, 2, 3, new boolean[] {false, true}, 0), way));
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void kuznetzovRecordsHaveEightMoreHeaderBytes(Way way) throws IOException {
        List<Frame> frames = read(file(PcapReader.MAGIC_KUZNETZOV, 2, 4, new boolean[] {false, false}, 8), way);
        assertTenOfSixty(frames);
        assertEquals(1_700_000_000_000_005_000L, frames.get(0).ts(), "µs, as libpcap reads this magic");
    }

    @Test
    void versionsAfter24AreRefused() {
        byte[] bytes = file(PcapReader.MAGIC_MICROS, 2, 5, new boolean[] {false}, 0);
        CaptureFormatException e = assertThrows(CaptureFormatException.class,
            () -> ReadBack.read(bytes, Way.FILE, dir));
        assertEquals(ReadBack.fileName(Way.FILE, dir) + ": unsupported pcap version 2.5", e.getMessage());
    }

    /** Bits 16-25 of the link-type field must be zero; libpcap 1.10 takes them for part of an unknown link type. */
    @Test
    void reservedLinkTypeBitsAreRefused() {
        byte[] bytes = PcapReaderTest.header(Bytes.le(), PcapReader.MAGIC_MICROS, 65535, 0x0030_0001L).toArray();
        CaptureFormatException e = assertThrows(CaptureFormatException.class,
            () -> ReadBack.read(bytes, Way.FILE, dir));
        assertEquals(ReadBack.fileName(Way.FILE, dir)
            + ": link-type field 0x00300001 has reserved bits set (16-25 must be zero)", e.getMessage());
    }

    /** Each variant, rewritten by tcpdump as a 2.4 file, reads as the same packets as the variant itself. */
    @Test
    void tcpdumpReadsEachVariantAsWeDo() throws Exception {
        assumeTool("tcpdump");
        byte[][] variants = {
            file(PcapReader.MAGIC_MICROS, 2, 2, new boolean[] {true, true}, 0),
            file(PcapReader.MAGIC_MICROS, 543, 0, new boolean[] {true, true}, 0),
            file(PcapReader.MAGIC_MICROS, 2, 3, new boolean[] {false, true}, 0),
            file(PcapReader.MAGIC_KUZNETZOV, 2, 4, new boolean[] {false, false}, 8),
        };
        for (byte[] variant : variants) {
            Path in = Files.write(dir.resolve("variant.pcap"), variant);
            Path out = dir.resolve("tcpdump.pcap");
            Result r = run(List.of("tcpdump", "-r", in.toString(), "-w", out.toString()));
            assertEquals(0, r.exit(), r.err());
            List<Frame> theirs = read(Files.readAllBytes(out), Way.FILE);
            List<Frame> ours = read(variant, Way.FILE);
            assertEquals(theirs.size(), ours.size());
            for (int i = 0; i < ours.size(); i++) {
                Frame t = theirs.get(i);
                Frame o = ours.get(i);
                assertEquals(List.of(t.ts(), t.capLen(), t.origLen()), List.of(o.ts(), o.capLen(), o.origLen()),
                    "frame " + (i + 1));
                assertArrayEquals(t.data(), o.data(), "bytes of frame " + (i + 1));
            }
        }
    }
}
