package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * {@code fabricscope rdma decode -i lo -c 3 --json} in a real process while the PcapPlusPlus RoCEv2 vector
 * is injected on lo (pcap_inject): it prints what the file mode prints for the same frame (times and
 * frame numbers aside) and stops by itself after 3 frames.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RdmaDecodeLiveTest {
    @TempDir
    Path tmp;

    @Test
    void liveDecodeOfInjectedFramesStopsAfterCount() throws Exception {
        Oracles.requireRootAndLibpcap();
        Path file = RdmaCommandsTest.pcap(tmp.resolve("rr.pcap"), 1, RdmaCommandsTest.READ_REQUEST);
        CliRun fromFile = CliRun.of("rdma", "decode", "-r", file.toString(), "--json");
        assertEquals(0, fromFile.exitCode(), fromFile.err());

        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(Oracles.fabricscopeCommand("rdma", "decode", "-i", "lo", "-c", "3", "--json",
            "udp dst port 4791"))
            .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            for (int i = 0; i < 300 && !(Files.exists(err) && Files.readString(err).contains("listening on lo")); i++) {
                assertTrue(p.isAlive(), () -> "exited early: " + read(err));
                Thread.sleep(100);
            }
            Thread.sleep(300);
            try (LiveCapture lo = LiveCapture.open("lo", 65535, false, 100, true, 0)) {
                for (int i = 0; i < 5 && p.isAlive(); i++) {
                    lo.inject(RdmaCommandsTest.READ_REQUEST);
                    Thread.sleep(200);
                }
            }
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "did not stop after -c 3: " + read(err));
        } finally {
            p.destroy();
        }
        assertEquals(0, p.exitValue(), read(err));
        List<String> lines = read(out).lines().toList();
        assertEquals(3, lines.size(), read(out));
        String expected = withoutFrameAndTime(fromFile.out().strip());
        for (String l : lines) assertEquals(expected, withoutFrameAndTime(l));
    }

    /** rdma icrc -i lo: 4 injected vectors counted valid, summary printed after SIGTERM. */
    @Test
    void liveIcrcCountsInjectedFramesUntilStopped() throws Exception {
        Oracles.requireRootAndLibpcap();
        Path out = tmp.resolve("icrc.txt");
        Path err = tmp.resolve("icrc-err.txt");
        Process p = new ProcessBuilder(Oracles.fabricscopeCommand("rdma", "icrc", "-i", "lo", "udp dst port 4791"))
            .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            for (int i = 0; i < 300 && !(Files.exists(err) && Files.readString(err).contains("listening on lo")); i++) {
                assertTrue(p.isAlive(), () -> "exited early: " + read(err));
                Thread.sleep(100);
            }
            Thread.sleep(300);
            try (LiveCapture lo = LiveCapture.open("lo", 65535, false, 100, true, 0)) {
                for (int i = 0; i < 4; i++) lo.inject(RdmaCommandsTest.READ_REQUEST);
            }
            Thread.sleep(1000);
        } finally {
            p.destroy();   // SIGTERM: a normal stop, then the summary
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), read(err));
        assertEquals("4 RoCE/IB frames: 4 ICRC valid, 0 invalid, 0 not checked (truncated)\n", read(out));
    }

    private static String withoutFrameAndTime(String json) {
        return json.replaceFirst("^\\{\"frame\":\\d+,\"time\":\"[^\"]+\",", "{");
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
