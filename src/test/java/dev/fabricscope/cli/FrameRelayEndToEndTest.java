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
 * A Frame Relay capture (LINKTYPE_FRELAY): the bundled SMC sample's IPv4 packets behind a Q.922 address (DLCI 100),
 * UI and NLPID 0xcc instead of their Ethernet header give the analyzers the same handshakes as the original, and
 * tcpdump prints and filters it as we do (libpcap's "ip" tests the UI and NLPID bytes after a 2-byte address; its
 * "tcp" matches nothing here); the same with FRF.16 whole-frame fragments (LINKTYPE_MFR).
 */
class FrameRelayEndToEndTest {
    @TempDir Path dir;

    private static final Path SAMPLE = Path.of("samples/smc-4conn.pcap");

    /** The Ethernet frame's IPv4 packet after DLCI 100's address, UI and the IPv4 NLPID. */
    static byte[] frameRelay(byte[] ethernet) {
        return concat(hex("1841 03 cc"), Arrays.copyOfRange(ethernet, 14, ethernet.length));
    }

    /** The same after an FRF.16 fragment header with B and E set (a whole frame), sequence 9. */
    static byte[] multilink(byte[] ethernet) {
        return concat(hex("c1 09"), frameRelay(ethernet));
    }

    @Test
    void smcClcAndSmcSeeTheHandshakesBehindFrameRelay() throws IOException {
        String plain = CliRun.of("smc-clc", "-f", SAMPLE.toString(), "-show-timestamps=false").out();
        assertEquals(10, plain.lines().count(), plain);
        CliRun summary = CliRun.of("smc", "-r", SAMPLE.toString());
        assertEquals(0, summary.exitCode(), summary.err());
        for (Path wrapped : new Path[] {
                DecapTest.wrap(SAMPLE, FrameRelayEndToEndTest::frameRelay, LinkType.FRELAY, dir.resolve("fr.pcap")),
                DecapTest.wrap(SAMPLE, FrameRelayEndToEndTest::multilink, LinkType.MFR, dir.resolve("mfr.pcap"))}) {
            assertEquals(plain, CliRun.of("smc-clc", "-f", wrapped.toString(), "-show-timestamps=false").out());
            assertEquals(summary.out(), CliRun.of("smc", "-r", wrapped.toString()).out());
        }
    }

    @Test
    void captureReadsAndFiltersItAsTcpdumpDoes() throws IOException {
        Oracles.requireTcpdump();
        Path fr = DecapTest.wrap(SAMPLE, FrameRelayEndToEndTest::frameRelay, LinkType.FRELAY, dir.resolve("fr.pcap"));
        Path mfr = DecapTest.wrap(SAMPLE, FrameRelayEndToEndTest::multilink, LinkType.MFR, dir.resolve("mfr.pcap"));
        for (String[] args : new String[][] {{"-n", "-e", "-r", fr.toString()}, {"-n", "-v", "-r", mfr.toString()},
                {"-n", "-r", fr.toString(), "ip"}, {"-n", "-r", fr.toString(), "tcp port 50000"}}) {   // libpcap: 44, 0
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
