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
 * The SMC sample as macOS's pktap (the Ethernet frames after its header) and pf's log (the IPv4 packets after a
 * pfloghdr) would capture it: smc-clc reads the same handshakes as from the original.
 */
class BsdLinkEndToEndTest {
    @TempDir Path dir;

    private static final Path SAMPLE = Path.of("samples/smc-4conn.pcap");

    /** pktap's little-endian header: pkt_len 108, a packet record, DLT_EN10MB, interface en0; then the frame. */
    static byte[] pktap(byte[] frame) {
        byte[] header = Arrays.copyOf(hex("6c000000 01000000 01000000 656e30"), 108);
        return concat(header, frame);
    }

    /** pflog's header: length 61 (64 with Linux's padding), AF_INET, pass, match, em0, rule 3; the IPv4 packet. */
    static byte[] pflog(byte[] frame) {
        byte[] header = Arrays.copyOf(hex("3d 02 00 00 656d30"), 64);
        header[39] = 3;
        header[40] = header[41] = header[42] = header[43] = (byte) 0xff;
        return concat(header, Arrays.copyOfRange(frame, 14, frame.length));
    }

    @Test
    void smcClcSeesTheHandshakesBehindPktapAndPflogHeaders() throws IOException {
        String plain = CliRun.of("smc-clc", "-f", SAMPLE.toString(), "-show-timestamps=false").out();
        assertEquals(10, plain.lines().count(), plain);
        Path pktap = DecapTest.wrap(SAMPLE, BsdLinkEndToEndTest::pktap, LinkType.PKTAP, dir.resolve("pktap.pcap"));
        assertEquals(plain, CliRun.of("smc-clc", "-f", pktap.toString(), "-show-timestamps=false").out());
        Path pflog = DecapTest.wrap(SAMPLE, BsdLinkEndToEndTest::pflog, LinkType.PFLOG, dir.resolve("pflog.pcap"));
        assertEquals(plain, CliRun.of("smc-clc", "-f", pflog.toString(), "-show-timestamps=false").out());
    }
}
