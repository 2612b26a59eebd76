package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
