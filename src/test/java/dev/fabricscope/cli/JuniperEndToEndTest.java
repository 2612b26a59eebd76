package dev.fabricscope.cli;

import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.testing.Oracles;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Junos capture (`monitor traffic ... write-file`, LINKTYPE_JUNIPER_ETHER): the bundled SMC sample with each
 * Ethernet frame behind a Juniper pseudo-header ("MGC", flags, an extension TLV) gives the analyzers the same
 * handshakes as the original, tcpdump prints it as we do, and a filter selects what tcpdump's selects.
 */
class JuniperEndToEndTest {
    @TempDir Path dir;

    private static final Path SAMPLE = Path.of("samples/smc-4conn.pcap");

    /** "MGC", flags (extensions, ingress), 6 bytes of extensions: one TLV (type 1, interface index 4 bytes). */
    static byte[] juniper(byte[] frame) {
        return concat(hex("4d4743 81"), u16(6), hex("01 04 00000123"), frame);
    }

    private Path wrapped() throws IOException {
        return DecapTest.wrap(SAMPLE, JuniperEndToEndTest::juniper, LinkType.JUNIPER_ETHER,
            dir.resolve("juniper.pcap"));
    }

    @Test
    void smcClcAndSmcSeeTheHandshakesBehindTheJuniperHeader() throws IOException {
        String plain = CliRun.of("smc-clc", "-f", SAMPLE.toString(), "-show-timestamps=false").out();
        assertEquals(10, plain.lines().count(), plain);
        Path juniper = wrapped();
        assertEquals(plain, CliRun.of("smc-clc", "-f", juniper.toString(), "-show-timestamps=false").out());
        CliRun summary = CliRun.of("smc", "-r", SAMPLE.toString());
        assertEquals(0, summary.exitCode(), summary.err());
        assertEquals(summary.out(), CliRun.of("smc", "-r", juniper.toString()).out());
    }

    @Test
    void captureReadsAndFiltersItAsTcpdumpDoes() throws IOException {
        Oracles.requireTcpdump();
        Path juniper = wrapped();
        for (String[] args : new String[][] {{"-n", "-e", "-r", juniper.toString()},
                {"-n", "-r", juniper.toString(), "tcp port 50000"}}) {
            Oracles.Run tcpdump = Oracles.run(prepend(Oracles.tcpdump(), args));
            CliRun ours = CliRun.of(prepend("capture", args));
            assertEquals(tcpdump.exitCode(), ours.exitCode(), ours.err());
            assertEquals(tcpdump.out(), ours.out());
            assertEquals(tcpdump.err().replace("tcpdump: ", "fabricscope: "), ours.err());
        }
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
