package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.testing.Oracles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Records whose header tcpdump refuses to print ("[Invalid header: caplen==0, len==0]", len < caplen, len beyond
 * its largest snapshot) and times it cannot convert (seconds with bit 31 set: "[Error converting time]"), between
 * ordinary records, and fraction fields out of range (a second or more, or negative as libpcap reads them), against
 * tcpdump with every time-stamp style, -x, -# and -e.
 */
class CaptureRecordHeaderTest {
    @TempDir
    Path dir;

    /** An ARP request, 42 bytes (Ethernet + ARP). */
    private static final byte[] ARP = HexFormat.of().parseHex(
        "ffffffffffff0011223344550806" + "0001080006040001" + "001122334455" + "0a000001" + "000000000000" + "0a000002");

    private record Rec(long seconds, long fraction, int capLen, int len) { }

    /** The records, in a microsecond file ({@code nanos} false) or a nanosecond one. */
    private Path capture(boolean nanos) throws Exception {
        List<Rec> records = List.of(
            new Rec(1_700_000_000L, 5, ARP.length, ARP.length),
            new Rec(1_700_000_001L, 6, 0, 0),
            new Rec(1_700_000_002L, 7, 0, 60),
            new Rec(1_700_000_003L, 8, ARP.length, 30),
            new Rec(1_700_000_004L, 9, ARP.length, 300_000),
            new Rec(0x8000_0000L, 10, ARP.length, ARP.length),
            new Rec(1_700_000_005L, 11, ARP.length, ARP.length),
            new Rec(0xffff_ffffL, 12, ARP.length, ARP.length),
            new Rec(1_700_000_006L, 13, ARP.length, 64),
            // fractions of a second or more: tcpdump prints the field as it is
            new Rec(1_700_000_007L, 808_464_432L, ARP.length, ARP.length),
            new Rec(1_700_000_008L, 1_000_000L, ARP.length, ARP.length),
            new Rec(1_700_000_009L, 999_999_999L, ARP.length, ARP.length),
            new Rec(1_700_000_010L, 1_000_000_000L, ARP.length, ARP.length),
            new Rec(1_700_000_011L, 0x7fff_ffffL, ARP.length, ARP.length),
            // libpcap reads the field as a signed 32-bit number: these are negative
            new Rec(1_700_000_012L, 0xffff_ffffL, ARP.length, ARP.length),
            new Rec(1_700_000_013L, 0x8000_0000L, ARP.length, ARP.length),
            new Rec(1_700_000_014L, -1_500_000_000L & 0xffff_ffffL, ARP.length, ARP.length));
        return write(records, nanos ? "headers-ns.pcap" : "headers.pcap", nanos);
    }

    /**
     * Times for -ttt and -ttttt: 0.0 (which tcpdump takes for "no reference yet"), times going back, and fraction
     * fields out of range either way, as tcpdump subtracts them (seconds and fractions apart, one borrow).
     */
    private Path relativeTimes(boolean nanos) throws Exception {
        List<Rec> records = List.of(
            new Rec(0, 0, ARP.length, ARP.length),
            new Rec(1_700_000_000L, 5, ARP.length, ARP.length),
            new Rec(1_700_000_001L, 0xffff_ffffL, ARP.length, ARP.length),
            new Rec(1_700_000_001L, 999_999, ARP.length, ARP.length),
            new Rec(1_700_000_000L, 2_000_000, ARP.length, ARP.length),
            new Rec(1_700_000_002L, 0x8000_0000L, ARP.length, ARP.length),
            new Rec(1_699_999_999L, 7, ARP.length, ARP.length),
            new Rec(0, 0, ARP.length, ARP.length),
            new Rec(1_700_000_003L, 1, ARP.length, ARP.length),
            new Rec(1_700_000_003L, 1_000_000_000L, ARP.length, ARP.length));
        return write(records, nanos ? "relative-ns.pcap" : "relative.pcap", nanos);
    }

    private Path write(List<Rec> records, String name, boolean nanos) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(24 + records.size() * (16 + ARP.length)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(nanos ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        for (Rec r : records) {
            b.putInt((int) r.seconds()).putInt((int) r.fraction()).putInt(r.capLen()).putInt(r.len()).put(ARP, 0, r.capLen());
        }
        Path file = dir.resolve(name);
        Files.write(file, java.util.Arrays.copyOf(b.array(), b.position()));
        return file;
    }

    /**
     * -ttt and -ttttt too: libpcap 1.10 reads a pcap record's seconds as a signed 32-bit number (0x80000000 is 1901),
     * we unsigned (2038), as Wireshark does, but print such a record's time as tcpdump does, differences included.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "-tt", "-tttt", "-t", "-x", "-#", "-e", "-v", "--nano", "-ttt", "-ttttt",
        "-ttt --nano", "-ttttt --nano"})
    void sameAsTcpdump(String flags) throws Exception {
        Oracles.requireTcpdump();
        for (boolean nanos : new boolean[] {false, true}) sameAsTcpdump(capture(nanos), flags);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-ttt", "-ttttt", "-ttt --nano", "-ttttt --nano"})
    void relativeTimesAsTcpdump(String flags) throws Exception {
        Oracles.requireTcpdump();
        for (boolean nanos : new boolean[] {false, true}) sameAsTcpdump(relativeTimes(nanos), flags);
    }

    private void sameAsTcpdump(Path file, String flags) {
        List<String> ours = new ArrayList<>(List.of("capture", "-r", file.toString()));
        List<String> tcpdump = new ArrayList<>(List.of(Oracles.tcpdump(), "-n", "-r", file.toString()));
        if (!flags.isEmpty()) {
            ours.addAll(List.of(flags.split(" ")));
            tcpdump.addAll(List.of(flags.split(" ")));
        }
        CliRun run = CliRun.of(ours.toArray(String[]::new));
        Oracles.Run expected = Oracles.run(tcpdump, Map.of("TZ", java.util.TimeZone.getDefault().getID()));
        assertEquals(0, expected.exitCode(), expected.err());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(expected.out(), run.out(), file.getFileName() + " " + flags);
    }
}
