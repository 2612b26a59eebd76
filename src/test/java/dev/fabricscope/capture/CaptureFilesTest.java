package dev.fabricscope.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fabricscope.capture.ReadBack.Result;
import dev.fabricscope.capture.ReadBack.Way;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening files: detection by content, gzip damage, paths that are not captures. */
class CaptureFilesTest {
    @TempDir Path dir;

    private static byte[] smallPcap(int packets) {
        Bytes b = PcapReaderTest.header(Bytes.le(), 0xa1b2c3d4L, 65535, 1);
        for (int i = 0; i < packets; i++) PcapReaderTest.record(b, i, 0, 1000, 1000, Bytes.seq(1000, i));
        return b.toArray();
    }

    @Test
    void formatComesFromContentNotName() throws IOException {
        Bytes ng = Pcapng.shb(Bytes.le());
        Pcapng.idb(ng, 1, 0, null);
        Path misnamed = dir.resolve("really-pcapng.pcap");
        Files.write(misnamed, ng.toArray());
        try (PacketSource s = CaptureFiles.open(misnamed.toString(), ProblemReporter.IGNORE)) {
            assertEquals(CaptureFormat.PCAPNG, s.format());
            assertEquals(misnamed.toString(), s.name());
        }
        Path gz = dir.resolve("plain.pcapng");
        Files.write(gz, Bytes.gzip(smallPcap(1)));
        try (PacketSource s = CaptureFiles.open(gz.toString(), ProblemReporter.IGNORE)) {
            assertEquals(CaptureFormat.PCAP, s.format());
        }
    }

    @Test
    void truncatedGzipKeepsWhatArrived() throws IOException {
        byte[] gz = Bytes.gzip(smallPcap(2000));
        byte[] cut = Bytes.cut(gz, gz.length / 2);
        List<String> problems = new ArrayList<>();
        int count = 0;
        try (PacketSource s = CaptureFiles.open(new ByteArrayInputStream(cut), "x.pcap.gz", problems::add)) {
            Packet p = new Packet();
            while (s.next(p)) {
                assertEquals(++count, p.frameNumber());
                assertEquals((byte) (count - 1), p.bytes()[p.offset()]);
            }
        }
        assertTrue(count > 0 && count < 2000, "some but not all packets: " + count);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("x.pcap.gz: gzip data ends early after "), problems.get(0));
        assertTrue(problems.get(1).startsWith("x.pcap.gz: truncated record"), problems.get(1));
    }

    @Test
    void corruptGzipIsReportedNotThrown() throws IOException {
        byte[] gz = Bytes.gzip(smallPcap(2000));
        gz[gz.length - 8] ^= 1; // the CRC-32 in the gzip trailer (RFC 1952) no longer matches
        List<String> problems = new ArrayList<>();
        long last = 0;
        try (PacketSource s = CaptureFiles.open(new ByteArrayInputStream(gz), "x.gz", problems::add)) {
            Packet p = new Packet();
            while (s.next(p)) last = p.frameNumber();
        }
        assertEquals(2000, last);
        int size = smallPcap(2000).length;
        assertEquals(List.of("x.gz: gzip data is corrupt after " + size + " decompressed bytes (Corrupt GZIP trailer)"),
                problems);
    }

    @Test
    void damagedGzipHeaderIsAFormatError() {
        CaptureFormatException e = assertThrows(CaptureFormatException.class, () ->
                CaptureFiles.open(new ByteArrayInputStream(new byte[] {0x1f, (byte) 0x8b, 8}), "x.gz", ProblemReporter.IGNORE));
        assertTrue(e.getMessage().startsWith("x.gz: not a pcap or pcapng file (damaged gzip header"), e.getMessage());
    }

    @Test
    void emptyInput() throws IOException {
        Path empty = dir.resolve("empty.pcap");
        Files.write(empty, new byte[0]);
        CaptureFormatException e = assertThrows(CaptureFormatException.class,
                () -> CaptureFiles.open(empty.toString(), ProblemReporter.IGNORE));
        assertEquals(empty + ": not a pcap or pcapng file (empty)", e.getMessage());
    }

    @Test
    void missingFileAndDirectory() {
        String missing = dir.resolve("nope.pcap").toString();
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> CaptureFiles.open(missing, ProblemReporter.IGNORE));
        assertEquals(missing + ": no such file", e.getMessage());
        CaptureFormatException d = assertThrows(CaptureFormatException.class,
                () -> CaptureFiles.open(dir.toString(), ProblemReporter.IGNORE));
        assertEquals(dir + ": is a directory", d.getMessage());
    }

    @Test
    void interfacesOfPcapngGrowAsBlocksArrive() throws IOException {
        Bytes b = Pcapng.shb(Bytes.be());
        Pcapng.idb(b, 1, 0, null);
        Pcapng.epb(b, 0, 0, 1, 1, new byte[] {1});
        Pcapng.idb(b, 228, 0, null);
        Pcapng.epb(b, 1, 0, 1, 1, new byte[] {2});
        try (PacketSource s = ReadBack.open(b.toArray(), Way.STREAM, dir, ProblemReporter.IGNORE)) {
            Packet p = new Packet();
            assertTrue(s.next(p));
            assertEquals(1, s.interfaces().size());
            assertTrue(s.next(p));
            assertEquals(2, s.interfaces().size());
            assertEquals(228, s.interfaces().get(p.interfaceId()).linkType());
        }
    }

    @Test
    void resultIsTheSameEveryWay() throws IOException {
        byte[] bytes = smallPcap(300);
        Result fromFile = ReadBack.read(bytes, Way.FILE, dir);
        for (Way way : Way.values()) {
            Result r = ReadBack.read(bytes, way, dir);
            assertEquals(fromFile.frames().size(), r.frames().size(), way.name());
            for (int i = 0; i < r.frames().size(); i++) {
                assertEquals(fromFile.frames().get(i).ts(), r.frames().get(i).ts());
                org.junit.jupiter.api.Assertions.assertArrayEquals(fromFile.frames().get(i).data(), r.frames().get(i).data());
            }
        }
    }
}
