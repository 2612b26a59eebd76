package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fabricscope.capture.CaptureFiles;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.capture.ProblemReporter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void lineShowsShareOfTheFileCountsAndRate() throws Exception {
        Path sample = Path.of("samples/smc-4conn.pcap");   // 4256 bytes, 44 packets
        try (PacketSource source = CaptureFiles.open(sample.toString(), ProblemReporter.IGNORE)) {
            Packet p = new Packet();
            int n = 0;
            while (n < 44 && source.next(p)) n++;
            Progress progress = new Progress(new PrintWriter(new StringWriter()), source);
            // all 4256 bytes read in half a second: 8 kB/s
            assertEquals(Files.size(sample), source.bytesRead());
            assertEquals("samples/smc-4conn.pcap: 100% of 4 kB, 44 packets, 10 matched, 8 kB/s",
                progress.line(44, 10, 500_000_000L));
        }
    }

    @Test
    void withoutAMatchedCountTheLineCountsPackets() throws Exception {
        try (PacketSource source = CaptureFiles.open("samples/smc-4conn.pcap", ProblemReporter.IGNORE)) {
            Packet p = new Packet();
            while (source.next(p)) { }
            Progress progress = new Progress(new PrintWriter(new StringWriter()), source);
            assertEquals("samples/smc-4conn.pcap: 100% of 4 kB, 44 packets, 8 kB/s", progress.line(44, -1, 500_000_000L));
        }
    }

    @Test
    void terminalsAndFilesAreKnownByWhereTheDescriptorPoints() {
        for (String tty : new String[] {"/dev/pts/3", "/dev/tty1", "/dev/ttyS0", "/dev/console"}) {
            assertTrue(Progress.namesTerminal(tty), tty);
        }
        for (String other : new String[] {"pipe:[123456]", "socket:[99]", "/tmp/out.txt", "/dev/null", "anon_inode:[x]"}) {
            assertFalse(Progress.namesTerminal(other), other);
        }
        for (String file : new String[] {"/tmp/out.txt", "/dev/null"}) assertTrue(Progress.namesFile(file), file);
        for (String other : new String[] {"pipe:[123456]", "socket:[99]", "/dev/pts/0", "/dev/tty"}) {
            assertFalse(Progress.namesFile(other), other);
        }
    }

    /** Under the test runner stdout and stderr are pipes or files: no progress line (it would land in a log). */
    @Test
    void noProgressWhenStderrIsNotATerminal() {
        org.junit.jupiter.api.Assumptions.assumeFalse(Progress.isTerminal(2), "stderr is a terminal here");
        assertNull(Progress.forTerminal(new PrintWriter(new StringWriter()), null));
        assertNull(Progress.whenStdoutIsAFile(new PrintWriter(new StringWriter()), null));
    }
}
