package dev.fabricscope.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fabricscope.capture.ReadBack.Frame;
import dev.fabricscope.capture.ReadBack.Result;
import dev.fabricscope.capture.ReadBack.Way;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Classic pcap per the tcpdump.org file format: headers built here, expected values read off the bytes. */
class PcapReaderTest {
    @TempDir Path dir;

    /** File header: magic, version 2.4, thiszone, sigfigs, snaplen, linktype. */
    static Bytes header(Bytes b, long magic, long snapLen, long linkType) {
        return header(b, magic, 2, 4, snapLen, linkType);
    }

    /** File header of version {@code major}.{@code minor}. */
    static Bytes header(Bytes b, long magic, int major, int minor, long snapLen, long linkType) {
        return b.u32(magic).u16(major).u16(minor).u32(0).u32(0).u32(snapLen).u32(linkType);
    }

    static Bytes record(Bytes b, long sec, long frac, long capLen, long origLen, byte[] data) {
        return b.u32(sec).u32(frac).u32(capLen).u32(origLen).raw(data);
    }

    private static void assertFrame(Frame f, long ts, int cap, int orig, int linkType, long number, byte[] data) {
        assertEquals(ts, f.ts(), "timestamp of frame " + number);
        assertEquals(cap, f.capLen(), "caplen of frame " + number);
        assertEquals(orig, f.origLen(), "origlen of frame " + number);
        assertEquals(0, f.iface());
        assertEquals(linkType, f.linkType());
        assertEquals(number, f.number());
        assertArrayEquals(data, f.data());
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void littleEndianMicroseconds(Way way) throws IOException {
        Bytes b = header(Bytes.le(), 0xa1b2c3d4L, 65535, 1);
        record(b, 1_700_000_000L, 123_456, 10, 60, Bytes.seq(10, 1));
        record(b, 1_700_000_001L, 999_999, 3, 3, Bytes.seq(3, 50));
        byte[] bytes = b.toArray();
        assertEquals((byte) 0xd4, bytes[0], "little-endian magic is stored d4 c3 b2 a1");
        Result r = ReadBack.read(bytes, way, dir);
        assertEquals(List.of(), r.problems());
        assertEquals(2, r.frames().size());
        assertFrame(r.frames().get(0), 1_700_000_000_123_456_000L, 10, 60, 1, 1, Bytes.seq(10, 1));
        assertFrame(r.frames().get(1), 1_700_000_001_999_999_000L, 3, 3, 1, 2, Bytes.seq(3, 50));
        assertEquals(List.of(new CaptureInterface("", "", 1, 65535, 1000)), r.interfaces());
        assertEquals(CaptureFormat.PCAP, r.format());
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void bigEndianNanoseconds(Way way) throws IOException {
        Bytes b = header(Bytes.be(), 0xa1b23c4dL, 262144, 113);
        record(b, 1_600_000_000L, 987_654_321, 5, 1514, Bytes.seq(5, 9));
        record(b, 0xfffffff0L, 1, 0, 0, new byte[0]);
        byte[] bytes = b.toArray();
        assertEquals((byte) 0xa1, bytes[0], "big-endian nanosecond magic is stored a1 b2 3c 4d");
        Result r = ReadBack.read(bytes, way, dir);
        assertEquals(List.of(), r.problems());
        assertEquals(2, r.frames().size());
        assertFrame(r.frames().get(0), 1_600_000_000_987_654_321L, 5, 1514, 113, 1, Bytes.seq(5, 9));
        // Seconds are unsigned 32-bit.
        assertFrame(r.frames().get(1), 0xfffffff0L * 1_000_000_000L + 1, 0, 0, 113, 2, new byte[0]);
        assertEquals(List.of(new CaptureInterface("", "", 113, 262144, 1)), r.interfaces());
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void fcsBitsAreNotPartOfTheLinkTypeButAreKept(Way way) throws IOException {
        // pcap-savefile(5): bits 28-31 FCS length in 16-bit words, bit 26 "FCS length present"; link type below.
        Bytes b = header(Bytes.le(), 0xa1b2c3d4L, 65535, 0x2400_0001L);
        record(b, 1, 0, 1, 1, new byte[] {7});
        Result r = ReadBack.read(b.toArray(), way, dir);
        assertEquals(1, r.frames().get(0).linkType());
        assertEquals(1, r.interfaces().get(0).linkType());
        assertEquals(0x2400_0000, r.interfaces().get(0).linkTypeExtension());
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void emptyCaptureHasNoPackets(Way way) throws IOException {
        Result r = ReadBack.read(header(Bytes.be(), 0xa1b2c3d4L, 65535, 1).toArray(), way, dir);
        assertEquals(List.of(), r.frames());
        assertEquals(List.of(), r.problems());
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void capLenAboveOrigLenIsKeptAsTsharkDoes(Way way) throws IOException {
        // tshark 4.0.17 on this record prints frame.cap_len 20, frame.len 10 (checked by hand with
        // `tshark -r F -T fields -e frame.cap_len -e frame.len`; the integration test re-checks it).
        Bytes b = header(Bytes.le(), 0xa1b2c3d4L, 65535, 1);
        record(b, 10, 5, 20, 10, Bytes.seq(20, 0));
        record(b, 11, 0, 4, 4, Bytes.seq(4, 97));
        Result r = ReadBack.read(b.toArray(), way, dir);
        assertEquals(2, r.frames().size());
        assertFrame(r.frames().get(0), 10_000_005_000L, 20, 10, 1, 1, Bytes.seq(20, 0));
        assertFrame(r.frames().get(1), 11_000_000_000L, 4, 4, 1, 2, Bytes.seq(4, 97));
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void truncatedLastRecordKeepsEarlierPackets(Way way) throws IOException {
        Bytes b = header(Bytes.le(), 0xa1b2c3d4L, 65535, 1);
        record(b, 1, 0, 4, 4, Bytes.seq(4, 0));
        int second = b.size();
        record(b, 2, 0, 100, 100, Bytes.seq(100, 0));
        byte[] cut = Bytes.cut(b.toArray(), second + 16 + 30);
        Result r = ReadBack.read(cut, way, dir);
        assertEquals(1, r.frames().size());
        assertEquals(List.of(ReadBack.fileName(way, dir) + ": truncated record at offset " + second
                + " (caplen 100, 30 bytes left)"), r.problems());
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void truncatedRecordHeader(Way way) throws IOException {
        Bytes b = header(Bytes.le(), 0xa1b2c3d4L, 65535, 1);
        record(b, 1, 0, 4, 4, Bytes.seq(4, 0));
        int second = b.size();
        b.u32(2).u32(0);
        Result r = ReadBack.read(b.toArray(), way, dir);
        assertEquals(1, r.frames().size());
        assertEquals(List.of(ReadBack.fileName(way, dir) + ": truncated record header at offset " + second
                + " (8 of 16 bytes)"), r.problems());
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void absurdCapLenStops(Way way) throws IOException {
        Bytes b = header(Bytes.le(), 0xa1b2c3d4L, 0xffffffffL, 1);
        record(b, 1, 0, 2, 2, Bytes.seq(2, 0));
        int second = b.size();
        // 0x7fffffff: beyond 256 MiB whatever the snaplen says; the file holds nothing near that.
        record(b, 2, 0, 0x7fffffffL, 0x7fffffffL, Bytes.seq(8, 0));
        Result r = ReadBack.read(b.toArray(), way, dir);
        assertEquals(1, r.frames().size());
        assertEquals(List.of(ReadBack.fileName(way, dir) + ": record at offset " + second
                + " has caplen 2147483647, larger than the maximum 262144; stopping"), r.problems());
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void capLenAboveSnapLenIsCutAndAboveTheMaximumStops(Way way) throws IOException {
        Bytes b = header(Bytes.le(), 0xa1b2c3d4L, 96, 1);
        // Above the snaplen but within 262144: cut to the snaplen, as libpcap does (tcpdump -r -w writes
        // caplen 40 for a 60-byte record in a file with snaplen 40); the next record is read normally.
        record(b, 1, 0, 200, 200, Bytes.seq(200, 0));
        int second = b.size();
        record(b, 2, 0, 262145, 262145, Bytes.seq(64, 0));
        Result r = ReadBack.read(b.toArray(), way, dir);
        assertEquals(1, r.frames().size());
        assertEquals(96, r.frames().get(0).capLen());
        assertArrayEquals(Bytes.seq(96, 0), r.frames().get(0).data());
        assertEquals(List.of(ReadBack.fileName(way, dir) + ": record at offset " + second
                + " has caplen 262145, larger than the maximum 262144; stopping"), r.problems());
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void largeSnapLenDoesNotRaiseTheEthernetMaximum(Way way) throws IOException {
        // tcpdump on a file with snaplen 1,000,000 and a 300,000-byte record: "invalid packet capture
        // length 300000, bigger than maximum of 262144"
        Bytes b = header(Bytes.be(), 0xa1b2c3d4L, 3_000_000, 1);
        record(b, 1, 0, 300_000, 300_000, Bytes.seq(300_000, 3));
        Result r = ReadBack.read(b.toArray(), way, dir);
        assertEquals(0, r.frames().size());
        assertEquals(List.of(ReadBack.fileName(way, dir) + ": record at offset 24 has caplen 300000, larger than"
                + " the maximum 262144; stopping"), r.problems());
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void dbusAllowsLargeRecords(Way way) throws IOException {
        // LINKTYPE_DBUS (231): libpcap's maximum is 128 MiB
        Bytes b = header(Bytes.be(), 0xa1b2c3d4L, 3_000_000, 231);
        byte[] big = Bytes.seq(2_500_000, 3);
        record(b, 1, 0, big.length, big.length, big);
        record(b, 2, 0, 1, 1, new byte[] {42});
        Result r = ReadBack.read(b.toArray(), way, dir);
        assertEquals(List.of(), r.problems());
        assertArrayEquals(big, r.frames().get(0).data());
        assertArrayEquals(new byte[] {42}, r.frames().get(1).data());
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void manyRecordsCrossStreamBufferBoundaries(Way way) throws IOException {
        Bytes b = header(Bytes.le(), 0xa1b2c3d4L, 65535, 1);
        int n = 20_000;
        for (int i = 0; i < n; i++) record(b, i, i % 1_000_000, 1 + i % 97, 1500, Bytes.seq(1 + i % 97, i));
        Result r = ReadBack.read(b.toArray(), way, dir);
        assertEquals(n, r.frames().size());
        for (int i = 0; i < n; i += 997) {
            assertFrame(r.frames().get(i), i * 1_000_000_000L + (i % 1_000_000) * 1000L, 1 + i % 97, 1500, 1, i + 1,
                    Bytes.seq(1 + i % 97, i));
        }
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void truncatedFileHeaderIsAFormatError(Way way) {
        byte[] cut = Bytes.cut(header(Bytes.le(), 0xa1b2c3d4L, 65535, 1).toArray(), 20);
        CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> ReadBack.read(cut, way, dir));
        assertEquals(ReadBack.fileName(way, dir) + ": truncated pcap file header (20 of 24 bytes)", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void unknownMagicNamesFileAndBytes(Way way) {
        byte[] bytes = Bytes.be().u32(0x12345678).u32(0).u32(0).toArray();
        CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> ReadBack.read(bytes, way, dir));
        String inside = way == Way.GZIP_FILE || way == Way.GZIP_STREAM ? "gzip data " : "";
        assertEquals(ReadBack.fileName(way, dir) + ": not a pcap or pcapng file (" + inside
                + "starts with 0x12345678)", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void tinyFileIsAFormatError(Way way) {
        CaptureFormatException e = assertThrows(CaptureFormatException.class,
                () -> ReadBack.read(new byte[] {(byte) 0xd4, (byte) 0xc3}, way, dir));
        assertTrue(e.getMessage().startsWith(ReadBack.fileName(way, dir) + ": not a pcap or pcapng file ("),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("only 2 bytes)"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void wrongVersionIsAFormatError(Way way) {
        byte[] bytes = header(Bytes.le(), 0xa1b2c3d4L, 1, 0, 65535, 1).toArray();
        CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> ReadBack.read(bytes, way, dir));
        assertEquals(ReadBack.fileName(way, dir) + ": unsupported pcap version 1.0", e.getMessage());
    }
}
