package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fabricscope.testing.Oracles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * {@code fabricscope capture -r FILE} with tcpdump's printing flags written as tcpdump users write them (clustered,
 * repeated), against tcpdump on the bundled samples.
 */
class CapturePrintFlagsTest {
    private static final Path SMC = Path.of("samples/smc-4conn.pcap");
    private static final Path LACP = Path.of("samples/lacp.pcap");

    @ParameterizedTest
    @ValueSource(strings = {"-e", "-tttt", "-tt", "-ttt", "-t", "-ttttt", "-#", "--number", "-nn", "-S", "-x", "-xx",
        "-X", "-XX", "-A", "-AA", "-nnXX", "-eq", "-#tttte", "-q -X -l", "-nS -e -ttt -#", "-vv", "-vvv", "-vvXe", "--nano -ttt"})
    void sameAsTcpdump(String flags) {
        for (Path sample : List.of(SMC, LACP)) {
            List<String> ours = new ArrayList<>(List.of("capture", "-r", sample.toString()));
            ours.addAll(List.of(flags.split(" ")));
            CliRun run = CliRun.of(ours.toArray(String[]::new));
            assertEquals(0, run.exitCode(), run.err());
            List<String> tcpdump = new ArrayList<>(List.of(Oracles.tcpdump(), "-n", "-r", sample.toString()));
            tcpdump.addAll(List.of(flags.replace("--number", "-#").split(" ")));
            Oracles.Run expected = Oracles.run(tcpdump, Map.of("TZ", java.util.TimeZone.getDefault().getID()));
            assertEquals(0, expected.exitCode(), expected.err());
            assertEquals(expected.out(), run.out(), sample + " " + flags);
        }
    }

    @Test
    void printingFlagsAreUsageErrorsWithJsonOrTooManyT() {
        for (String flag : List.of("-e", "-X", "-A", "-#", "-tt", "-v")) {   // -x adds packet_hex (CaptureJsonTest)
            CliRun run = CliRun.of("capture", "-r", SMC.toString(), "--json", flag);
            assertEquals(UserError.USAGE, run.exitCode(), flag + ": " + run.err());
        }
        CliRun six = CliRun.of("capture", "-r", SMC.toString(), "-tttttt");
        assertEquals(UserError.USAGE, six.exitCode());
        assertTrue(six.err().contains("only -t, -tt, -ttt, -tttt and -ttttt are supported"), six.err());
    }

    /**
     * -U: each packet reaches -w's output while the input is still open (tcpdump -U, for -w - | wireshark -k -i -).
     * The input is a pipe that holds one whole record and stays open; the output must hold the file header and
     * that record before the input ends.
     */
    @Test
    void packetBufferedWriteFlushesEachPacket() throws Exception {
        byte[] sample = java.nio.file.Files.readAllBytes(SMC);
        int firstRecordEnd = 24 + 16 + (sample[32] & 0xff | (sample[33] & 0xff) << 8);
        Process p = new ProcessBuilder(Oracles.fabricscopeCommand("capture", "-r", "-", "-w", "-", "-U"))
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            p.getOutputStream().write(sample, 0, firstRecordEnd);
            p.getOutputStream().flush();
            byte[] got = new byte[firstRecordEnd];
            var reading = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return p.getInputStream().readNBytes(got, 0, got.length);
                } catch (java.io.IOException e) {
                    return -1;
                }
            });
            assertEquals(firstRecordEnd, reading.get(60, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(java.util.HexFormat.of().formatHex(sample, 0, firstRecordEnd), java.util.HexFormat.of().formatHex(got));
        } finally {
            p.getOutputStream().close();
            p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
            p.destroyForcibly();
        }
    }

    @Test
    void directionIsForLiveCaptureWithAKnownValue() {
        CliRun file = CliRun.of("capture", "-r", SMC.toString(), "-Q", "in");
        assertEquals(UserError.USAGE, file.exitCode());
        assertTrue(file.err().contains("-Q applies to live capture"), file.err());
        CliRun bad = CliRun.of("capture", "-i", "lo", "-Q", "sideways");
        assertEquals(UserError.USAGE, bad.exitCode());
        assertTrue(bad.err().contains("invalid -Q direction 'sideways' (in, out or inout)"), bad.err());
    }
}
