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
 * {@code fabricscope smc -i lo} in a real process while the bundled sample's frames are injected on lo
 * (pcap_inject): the live summary equals the file's, apart from the times, and SIGTERM ends it normally
 * with the table.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SmcSummaryLiveTest {
    private static final Path SAMPLE = Path.of("samples/smc-4conn.pcap");

    @TempDir
    Path tmp;

    @Test
    void liveSummaryOfInjectedFramesEqualsTheFileSummary() throws Exception {
        Oracles.requireRootAndLibpcap();
        CliRun file = CliRun.of("smc", "-r", SAMPLE.toString());
        assertEquals(0, file.exitCode(), file.err());

        try (LiveRun live = LiveRun.start(tmp, 1, "smc", "-i", "lo", "tcp port 50000")) {
            LiveRun.injectOnLo(SAMPLE);
            assertEquals(0, live.stop(1000), live.err());
            assertEquals(withoutTimes(file.out()), withoutTimes(live.out()), live.err());
        }
    }

    /** Connection lines start with their RFC 3339 time: drop it (live times are the injection's). */
    private static List<String> withoutTimes(String text) {
        return text.lines().map(l -> l.replaceFirst("^\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z ", "")).toList();
    }
}
