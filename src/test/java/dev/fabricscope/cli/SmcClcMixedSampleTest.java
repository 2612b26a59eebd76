package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The bundled samples/smc-mixed.pcap (also the AOT training capture of the SMC commands): every CLC message
 * once, per type, against the counts its generator (../shared/bench/gen_smc_bench.py) printed when it wrote
 * the file (samples/smc-mixed.summary), split, coalesced, retransmitted, out-of-order and SYN-less ones included.
 */
class SmcClcMixedSampleTest {
    private static final Pattern SUMMARY_TYPE = Pattern.compile("^ {2}(Proposal|Accept|Confirm|Decline) +(\\d+)$");

    @Test
    void everyMessageOnceAsTheGeneratorCountedThem() throws IOException {
        Map<String, Integer> expected = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("samples/smc-mixed.summary"))) {
            Matcher m = SUMMARY_TYPE.matcher(line);
            // the first block ("CLC messages: N total") counts all; later blocks repeat types for subsets
            if (m.matches()) expected.putIfAbsent(m.group(1), Integer.parseInt(m.group(2)));
        }
        assertEquals(4, expected.size(), expected::toString);

        CliRun run = CliRun.of("smc-clc", "-f", "samples/smc-mixed.pcap", "-show-timestamps=false");
        assertEquals(0, run.exitCode(), run.err());
        Map<String, Integer> got = new TreeMap<>();
        for (String line : run.out().lines().toList()) {
            String type = line.split(" ", 5)[3];   // "src:port -> dst:port: Type: ..."
            got.merge(type.substring(0, type.length() - 1), 1, Integer::sum);
        }
        assertEquals(expected, got);
        assertEquals(1, run.err().lines().count(), run.err());   // the "Reading packets" line, no errors
    }
}
