package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.libpcap.LiveCapture;
import dev.fabricscope.testing.Oracles;
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

        String text;
        try (LiveRun live = LiveRun.start(tmp, 1, "rdma", "decode", "-i", "lo", "-c", "3", "--json", "udp dst port 4791")) {
            try (LiveCapture lo = LiveCapture.open("lo", 65535, false, 100, true, 0)) {
                for (int i = 0; i < 5 && live.alive(); i++) {
                    lo.inject(RdmaCommandsTest.READ_REQUEST);
                    Thread.sleep(200);
                }
            }
            assertEquals(0, live.await(), "did not stop after -c 3: " + live.err());
            text = live.out();
        }
        List<String> lines = text.lines().toList();
        assertEquals(3, lines.size(), text);
        String expected = withoutFrameAndTime(fromFile.out().strip());
        for (String l : lines) assertEquals(expected, withoutFrameAndTime(l));
    }

    /** rdma icrc -i lo: 4 injected vectors counted valid, summary printed after SIGTERM. */
    @Test
    void liveIcrcCountsInjectedFramesUntilStopped() throws Exception {
        Oracles.requireRootAndLibpcap();
        try (LiveRun live = LiveRun.start(tmp, 1, "rdma", "icrc", "-i", "lo", "udp dst port 4791")) {
            try (LiveCapture lo = LiveCapture.open("lo", 65535, false, 100, true, 0)) {
                for (int i = 0; i < 4; i++) lo.inject(RdmaCommandsTest.READ_REQUEST);
            }
            assertEquals(0, live.stop(1000), live.err());
            assertEquals("4 RoCE/IB frames: 4 ICRC valid, 0 invalid, 0 not checked (truncated)\n", live.out());
        }
    }

    private static String withoutFrameAndTime(String json) {
        return json.replaceFirst("^\\{\"frame\":\\d+,\"time\":\"[^\"]+\",", "{");
    }
}
