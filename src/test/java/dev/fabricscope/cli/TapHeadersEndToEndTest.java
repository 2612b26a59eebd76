package dev.fabricscope.cli;

import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.capture.LinkType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyzers see through what a tap aggregation switch or a MACsec link puts after the MAC addresses: the bundled
 * SMC sample re-wrapped with an Arista 64-bit timestamp header (ethertype 0xd28b), and in an integrity-only MACsec
 * SecTAG (0x88e5, with its 16-byte ICV at the end), gives smc-clc the same messages as the original.
 */
class TapHeadersEndToEndTest {
    @TempDir Path dir;

    private static final Path SAMPLE = Path.of("samples/smc-4conn.pcap");

    /** After the MAC addresses: type 0xd28b, subtype 1, timescale TAI, format 64-bit, seconds and nanoseconds. */
    static byte[] arista(byte[] frame) {
        return concat(Arrays.copyOf(frame, 12), hex("d28b 0001 00 10 5e0be100 075bcd15"),
            Arrays.copyOfRange(frame, 12, frame.length));
    }

    /** A SecTAG with SCI, integrity only (TCI = SC), then the frame's type and payload, then an ICV. */
    static byte[] macsec(byte[] frame) {
        return concat(Arrays.copyOf(frame, 12), hex("88e5 20 00 00000009 0011223344550001"),
            Arrays.copyOfRange(frame, 12, frame.length), new byte[16]);
    }

    @Test
    void smcClcSeesTheHandshakesBehindAnAristaTimestampOrMacsec() throws IOException {
        String plain = CliRun.of("smc-clc", "-f", SAMPLE.toString(), "-show-timestamps=false").out();
        assertEquals(10, plain.lines().count(), plain);
        Path arista = DecapTest.wrap(SAMPLE, TapHeadersEndToEndTest::arista, LinkType.EN10MB,
            dir.resolve("arista.pcap"));
        assertEquals(plain, CliRun.of("smc-clc", "-f", arista.toString(), "-show-timestamps=false").out());
        Path macsec = DecapTest.wrap(SAMPLE, TapHeadersEndToEndTest::macsec, LinkType.EN10MB,
            dir.resolve("macsec.pcap"));
        assertEquals(plain, CliRun.of("smc-clc", "-f", macsec.toString(), "-show-timestamps=false").out());
    }
}
