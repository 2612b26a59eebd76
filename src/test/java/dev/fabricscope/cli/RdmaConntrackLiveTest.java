package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fabricscope.capture.CaptureFiles;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.capture.ProblemReporter;
import dev.fabricscope.libpcap.LiveCapture;
import dev.fabricscope.rdma.cm.CmDemoCapture;
import dev.fabricscope.testing.Oracles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fabricscope rdma conntrack -i lo} in a real process while the IPv4 demo capture's frames are injected
 * on lo (pcap_inject): the same connections as from the file (times and line order aside: live, the
 * injected frames are milliseconds apart, so both connections end at SIGTERM).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RdmaConntrackLiveTest {
    @TempDir
    Path tmp;

    @Test
    void liveConntrackOfInjectedFramesEqualsTheFile() throws Exception {
        Oracles.requireRootAndLibpcap();
        Path sample = tmp.resolve("v4.pcap");
        CmDemoCapture.writeIpv4(sample);
        CliRun file = CliRun.of("rdma", "conntrack", "-r", sample.toString());
        assertEquals(0, file.exitCode(), file.err());

        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(Oracles.fabricscopeCommand("rdma", "conntrack", "-i", "lo", "udp dst port 4791"))
            .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            for (int i = 0; i < 300 && !(Files.exists(err) && Files.readString(err).contains("listening on lo")); i++) {
                assertTrue(p.isAlive(), () -> "exited early: " + read(err));
                Thread.sleep(100);
            }
            Thread.sleep(300);
            try (LiveCapture lo = LiveCapture.open("lo", 65535, false, 100, true, 0);
                 PacketSource src = CaptureFiles.open(sample.toString(), ProblemReporter.IGNORE)) {
                Packet packet = new Packet();
                while (src.next(packet)) lo.inject(packet.copyBytes());
            }
            Thread.sleep(1000);
        } finally {
            p.destroy();
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), read(err));
        assertEquals(connectionLines(file.out()), connectionLines(read(out)), read(err));
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** Connection and event lines without their leading time, sorted; the table as is. */
    private static List<String> connectionLines(String text) {
        return text.lines().map(l -> l.replaceFirst("^\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z ", "")).sorted().toList();
    }
}
