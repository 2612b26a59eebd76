package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.testing.Oracles;
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

        try (LiveRun live = LiveRun.start(tmp, 1, "rdma", "qps", "-i", "lo", "udp dst port 4791")) {
            LiveRun.injectOnLo(capture);
            assertEquals(0, live.stop(1000), live.err());
            assertEquals(withoutTimes(file.out()), withoutTimes(live.out()), live.err());
        }
    }

    /** The footer line carries the capture's times (live: the injection's). */
    private static List<String> withoutTimes(String text) {
        return text.lines().map(l -> l.replaceFirst(", \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z to [0-9T:.Z-]+;", ";")).toList();
    }
}
