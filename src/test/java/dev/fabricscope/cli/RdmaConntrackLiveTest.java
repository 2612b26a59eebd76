package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.rdma.cm.CmDemoCapture;
import dev.fabricscope.testing.Oracles;
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

        try (LiveRun live = LiveRun.start(tmp, 1, "rdma", "conntrack", "-i", "lo", "udp dst port 4791")) {
            LiveRun.injectOnLo(sample);
            assertEquals(0, live.stop(1000), live.err());
            assertEquals(connectionLines(file.out()), connectionLines(live.out()), live.err());
        }
    }

    /** Connection and event lines without their leading time, sorted; the table as is. */
    private static List<String> connectionLines(String text) {
        return text.lines().map(l -> l.replaceFirst("^\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z ", "")).sorted().toList();
    }
}
