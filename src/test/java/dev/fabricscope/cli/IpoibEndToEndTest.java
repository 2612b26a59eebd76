package dev.fabricscope.cli;

import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.testing.Oracles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SMC-R on InfiniBand runs its TCP handshake and CLC messages over IP over InfiniBand: the bundled SMC sample with
 * each Ethernet header replaced by LINKTYPE_IPOIB's 44-byte header gives the analyzers the same connections as the
 * original, tcpdump prints it as we do, and a filter fails as tcpdump's does (libpcap cannot filter this link type).
 */
class IpoibEndToEndTest {
    @TempDir Path dir;

    private static final Path SAMPLE = Path.of("samples/smc-4conn.pcap");

    /** Two 20-byte IPoIB hardware addresses (QPN, GID), the Ethernet frame's type, 2 reserved bytes, its payload. */
    static byte[] ipoib(byte[] frame) {
        return concat(hex("00 00 04 48 fe80 0000 0000 0000 0002 c903 0001 0002"),
            hex("80 00 05 50 fe80 0000 0000 0000 0010 e000 664a b451"), Arrays.copyOfRange(frame, 12, 14), u16(0),
            Arrays.copyOfRange(frame, 14, frame.length));
    }

    private Path wrapped() throws IOException {
        return DecapTest.wrap(SAMPLE, IpoibEndToEndTest::ipoib, LinkType.IPOIB, dir.resolve("ipoib.pcap"));
    }

    @Test
    void smcClcAndSmcSeeTheHandshakesOverIpoib() throws IOException {
        String plain = CliRun.of("smc-clc", "-f", SAMPLE.toString(), "-show-timestamps=false").out();
        assertEquals(10, plain.lines().count(), plain);
        Path ipoib = wrapped();
        assertEquals(plain, CliRun.of("smc-clc", "-f", ipoib.toString(), "-show-timestamps=false").out());
        CliRun summary = CliRun.of("smc", "-r", SAMPLE.toString());
        assertEquals(0, summary.exitCode(), summary.err());
        assertEquals(summary.out(), CliRun.of("smc", "-r", ipoib.toString()).out());
    }

    @Test
    void captureReadsItAsTcpdumpDoes() throws IOException {
        Oracles.requireTcpdump();
        Path ipoib = wrapped();
        Oracles.Run tcpdump = Oracles.run(Oracles.tcpdump(), "-n", "-e", "-r", ipoib.toString());
        CliRun ours = CliRun.of("capture", "-n", "-e", "-r", ipoib.toString());
        assertEquals(tcpdump.exitCode(), ours.exitCode(), ours.err());
        assertEquals(tcpdump.out(), ours.out());
        assertEquals(tcpdump.err().replace("tcpdump: ", "fabricscope: "), ours.err());   // "link-type IPOIB (...)"
    }

    /**
     * libpcap 1.10 has no filter code for IPoIB: the compile fails with its message, which we print as tcpdump does;
     * the exit is our usage error (2) for any filter that does not compile, where tcpdump exits 1.
     */
    @Test
    void filtersFailAsInTcpdump() throws IOException {
        Oracles.requireTcpdump();
        Path ipoib = wrapped();
        Oracles.Run tcpdump = Oracles.run(Oracles.tcpdump(), "-n", "-r", ipoib.toString(), "tcp");
        CliRun ours = CliRun.of("capture", "-n", "-r", ipoib.toString(), "tcp");
        assertEquals(1, tcpdump.exitCode());
        assertEquals(2, ours.exitCode());
        assertEquals(tcpdump.err().replace("tcpdump: ", "fabricscope: "), ours.err());
        assertEquals("", ours.out());
    }
}
