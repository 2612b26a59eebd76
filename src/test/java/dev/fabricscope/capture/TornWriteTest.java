package dev.fabricscope.capture;

import static dev.fabricscope.capture.WriterTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that fails part-way (disk full) leaves the file ending at the last complete record. */
class TornWriteTest {
    private static final int SMALL_BUFFER = 4096; // several flushes per run, records straddle flushes

    @TempDir Path dir;

    private static List<Rec> packets() {
        List<Rec> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) out.add(new Rec(1_000_000_000L * (1000 + i) + i, frame(60 + (i * 97) % 1400, i)));
        return out;
    }

    /** Record boundaries of a complete file: after the pcap header, or after each pcapng block. */
    private static List<Long> boundaries(byte[] file, CaptureFormat format) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        List<Long> ends = new ArrayList<>(List.of(0L));
        int at = 0;
        if (format == CaptureFormat.PCAP) {
            at = 24;
            ends.add(24L);
        }
        while (at < file.length) {
            at += format == CaptureFormat.PCAP ? 16 + b.getInt(at + 8) : b.getInt(at + 4);
            ends.add((long) at);
        }
        assertEquals(file.length, at, "complete file parses to its end");
        return ends;
    }

    private byte[] completeFile(WriterOptions options) throws IOException {
        Path full = dir.resolve("full");
        write(full, options, packets(), ethernet());
        return Files.readAllBytes(full);
    }

    private void checkEveryBudget(WriterOptions options) throws Exception {
        byte[] full = completeFile(options);
        List<Long> ends = boundaries(full, options.format());
        TreeSet<Long> budgets = new TreeSet<>(List.of(0L, 1L, 23L, (long) full.length - 1));
        for (long e : ends) {
            for (long d = -1; d <= 1; d++) if (e + d >= 0 && e + d < full.length) budgets.add(e + d);
        }
        for (long k = SMALL_BUFFER; k < full.length; k += SMALL_BUFFER) budgets.add(k); // flush edges
        for (long budget : budgets) {
            Path file = dir.resolve("out-" + budget);
            FileChannel real = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            IOException e = assertThrows(IOException.class, () -> {
                try (CaptureWriter w = CaptureWriters.open(file.toString(), new FailingFileChannel(real, budget),
                        true, true, options, SMALL_BUFFER)) {
                    writeAll(w, packets(), ethernet());
                }
            }, "budget " + budget);
            assertTrue(e.getMessage().startsWith(file + ": disk full"), e.getMessage());
            long expected = ends.stream().filter(x -> x <= budget).max(Long::compare).orElseThrow();
            byte[] got = Files.readAllBytes(file);
            assertEquals(expected, got.length, "budget " + budget + ": file must end at the last complete record");
            assertArrayEquals(Arrays.copyOf(full, got.length), got, "budget " + budget);
            assertTrue(e.getMessage().contains("at byte " + expected), e.getMessage());
        }
    }

    @Test
    void pcapNeverTorn() throws Exception {
        checkEveryBudget(new WriterOptions(CaptureFormat.PCAP, 262144, LinkType.EN10MB, TimestampPrecision.MICRO));
    }

    @Test
    void pcapngNeverTorn() throws Exception {
        checkEveryBudget(new WriterOptions(CaptureFormat.PCAPNG, 0, 0, null));
    }

    @Test
    void tcpdumpReadsTheCutFileWithoutComplaint() throws Exception {
        assumeTool("tcpdump");
        WriterOptions options = new WriterOptions(CaptureFormat.PCAP, 262144, LinkType.EN10MB, TimestampPrecision.MICRO);
        byte[] full = completeFile(options);
        Path file = dir.resolve("cut.pcap");
        FileChannel real = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try (CaptureWriter w = CaptureWriters.open(file.toString(), new FailingFileChannel(real, full.length / 2),
                true, true, options, SMALL_BUFFER)) {
            assertThrows(IOException.class, () -> writeAll(w, packets(), ethernet()));
            // the writer stays failed, with the same message
            IOException again = assertThrows(IOException.class, w::flush);
            assertTrue(again.getMessage().contains("disk full"), again.getMessage());
        }
        Result r = run(List.of("tcpdump", "-nn", "-r", file.toString()));
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.err().contains("truncated"), r.err());
        assertEquals(readPcap(file).records().size(), r.out().lines().filter(l -> !l.startsWith("\t")).count());
    }

    /** stdout or a pipe cannot be cut back: the writer stops and says why. */
    @Test
    void pipeFailureStopsWithReason() throws Exception {
        WritableByteChannel brokenPipe = new WritableByteChannel() {
            private int accepted;
            @Override public int write(ByteBuffer src) throws IOException {
                if (accepted > 1000) throw new IOException("Broken pipe");
                int n = Math.min(src.remaining(), 700);
                src.position(src.position() + n);
                accepted += n;
                return n;
            }
            @Override public boolean isOpen() { return true; }
            @Override public void close() { }
        };
        WriterOptions options = new WriterOptions(CaptureFormat.PCAP, 262144, LinkType.EN10MB, null);
        CaptureWriter w = CaptureWriters.open("-", brokenPipe, false, false, options, SMALL_BUFFER);
        IOException e = assertThrows(IOException.class, () -> writeAll(w, packets(), ethernet()));
        assertEquals("-: write failed (Broken pipe); output stopped", e.getMessage());
        w.close(); // already reported: closing does not throw again
    }
}
