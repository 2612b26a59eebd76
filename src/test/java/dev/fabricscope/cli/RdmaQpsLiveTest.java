package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fabricscope.capture.CaptureFiles;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.capture.ProblemReporter;
import dev.fabricscope.libpcap.LiveCapture;
import dev.fabricscope.testing.Oracles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fabricscope rdma qps -i lo} in a real process while the real RoCEv2 capture's frames are injected on
 * lo: the table equals the file's, apart from the time line; SIGTERM ends it normally.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RdmaQpsLiveTest {
    @TempDir
    Path tmp;

    @Test
    void liveTableOfInjectedFramesEqualsTheFileTable() throws Exception {
        Path capture = Oracles.sharedCapture("rdma/oferby-proxy_roce.pcap");
        Oracles.requireRootAndLibpcap();
        CliRun file = CliRun.of("rdma", "qps", "-r", capture.toString());
        assertEquals(0, file.exitCode(), file.err());

        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(Oracles.fabricscopeCommand("rdma", "qps", "-i", "lo", "udp dst port 4791"))
            .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            for (int i = 0; i < 300 && !(Files.exists(err) && Files.readString(err).contains("listening on lo")); i++) {
                assertTrue(p.isAlive(), () -> "exited early: " + read(err));
                Thread.sleep(100);
            }
            Thread.sleep(300);
            try (LiveCapture lo = LiveCapture.open("lo", 65535, false, 100, true, 0);
                 PacketSource src = CaptureFiles.open(capture.toString(), ProblemReporter.IGNORE)) {
                Packet packet = new Packet();
                while (src.next(packet)) lo.inject(packet.copyBytes());
            }
            Thread.sleep(1000);
        } finally {
            p.destroy();
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), read(err));
        assertEquals(withoutTimes(file.out()), withoutTimes(read(out)), read(err));
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** The footer line carries the capture's times (live: the injection's). */
    private static List<String> withoutTimes(String text) {
        return text.lines().map(l -> l.replaceFirst(", \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z to [0-9T:.Z-]+;", ";")).toList();
    }
}
