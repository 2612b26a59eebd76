package dev.fabricscope.print;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DCCP ({@link DccpFrames}: every packet type, long and short sequence numbers, every option tcpdump names, partial
 * checksum coverage, wrong checksums, malformed lengths, over IPv4 and IPv6) against tcpdump 4.99 itself, in every
 * verbosity, whole, cut after every byte, and with random bytes changed.
 */
class DccpFormatterTest {
    @TempDir
    Path dir;

    @Test
    void wholePacketsAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, DccpFrames.frames(), "", "-v", "-vv", "-q");
    }

    @Test
    void cutPacketsAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(DccpFrames.frames(), 14 + 20);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x", "-v", "-vv");
    }

    /**
     * Every frame with a few bytes of its DCCP packet changed at random (a fixed seed), half of them also cut short.
     * A deeper run: {@code DCCP_SEED=7 DCCP_ROUNDS=1000 mvn -o surefire:test -Dtest='DccpFormatterTest#mutated*'}.
     */
    @Test
    void mutatedPacketsAsTcpdump() throws Exception {
        List<Frame> mutants = MutatedFrames.of(DccpFrames.frames(), "DCCP", 33, 30, MutatedFrames::afterIp, 4, 0, MutatedFrames.ALL);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-v -x", "-vv", "");
    }

    @Test
    void printingDoesNotAllocatePerPacket() {
        PrinterAllocation.assertNoAllocationPerPacket(DccpFrames.frames(), new PacketPrinter(ZoneOffset.UTC,
            Verbosity.VERY_VERBOSE, EnumSet.noneOf(PacketPrinter.Option.class), TimestampStyle.TIME, RawDump.NONE), 2_000,
            "DCCP");
    }
}
