package dev.fabricscope.print;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SCTP ({@link SctpFrames}: every chunk type, DATA flags and payload protocols, SACK gap blocks and duplicates,
 * malformed chunk lengths, over IPv4 and IPv6) against tcpdump 4.99 itself, in every verbosity, whole, cut after
 * every byte, and with random bytes changed.
 */
class SctpFormatterTest {
    @TempDir
    Path dir;

    @Test
    void wholePacketsAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, SctpFrames.frames(), "", "-v", "-vv", "-q", "-vv -x");
    }

    @Test
    void cutPacketsAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(SctpFrames.frames(), 14 + 20);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x", "-v", "-vv");
    }

    /**
     * Every frame with a few bytes of its SCTP packet changed at random (a fixed seed), half of them also cut short.
     * A deeper run: {@code SCTP_SEED=7 SCTP_ROUNDS=1000 mvn -o surefire:test -Dtest='SctpFormatterTest#mutated*'}.
     * Payload protocols tcpdump decodes further (M3UA, ForCES) and ForCES ports are put back (a known difference).
     */
    @Test
    void mutatedPacketsAsTcpdump() throws Exception {
        List<Frame> mutants = MutatedFrames.of(SctpFrames.frames(), "SCTP", 132, 30, MutatedFrames::afterIp, 4, 0, (original, bytes, sctp) -> !decodedFurther(bytes, sctp));
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-v -x", "-vv", "");
    }

    /** ForCES ports, or a DATA chunk with M3UA or ForCES payload: tcpdump decodes these further, we do not. */
    private static boolean decodedFurther(byte[] b, int sctp) {
        for (int port : new int[] {u16(b, sctp), u16(b, sctp + 2)}) if (port >= 6704 && port <= 6706) return true;
        for (int at = sctp + 12; at + 4 <= b.length; ) {
            int length = u16(b, at + 2);
            if (length < 4) return false;
            if (b[at] == 0 && at + 16 <= b.length) {
                long ppid = (long) u16(b, at + 12) << 16 | u16(b, at + 14);
                if (ppid == 3 || (ppid >= 21 && ppid <= 23)) return true;
            }
            at += (length + 3) & ~3;
        }
        return false;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    @Test
    void printingDoesNotAllocatePerPacket() {
        PrinterAllocation.assertNoAllocationPerPacket(SctpFrames.frames(), new PacketPrinter(ZoneOffset.UTC,
            Verbosity.VERY_VERBOSE, EnumSet.noneOf(PacketPrinter.Option.class), TimestampStyle.TIME, RawDump.NONE), 2_000,
            "SCTP");
    }
}
