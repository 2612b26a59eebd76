package dev.fabricscope.print;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OSPFv3 ({@link Ospf6Frames}: every packet type, the LSA kinds tcpdump decodes, LLS and authentication trailers,
 * malformed prefixes and lengths) against tcpdump 4.99 itself, in every verbosity, whole, cut after every byte, and
 * with random bytes changed.
 */
class Ospf6FormatterTest {
    @TempDir
    Path dir;

    @Test
    void wholePacketsAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, Ospf6Frames.frames(), "", "-v", "-vv", "-q");
    }

    @Test
    void cutPacketsAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(Ospf6Frames.frames(), 14 + 40);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x", "-v -x", "-vv -x");
    }

    /**
     * Every frame with a few bytes of its OSPF packet changed at random (a fixed seed), half of them also cut short.
     * A deeper run: {@code OSPF_SEED=7 OSPF_ROUNDS=1000 mvn -o surefire:test -Dtest='Ospf6FormatterTest#mutated*'}.
     */
    @Test
    void mutatedPacketsAsTcpdump() throws Exception {
        List<Frame> mutants = MutatedFrames.of(Ospf6Frames.frames(), "OSPF", 5340, 30, bytes -> 14 + 40, 4, 0, MutatedFrames.ALL);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-v -x", "-vv -x", "");
    }

    @Test
    void printingDoesNotAllocatePerPacket() {
        PrinterAllocation.assertNoAllocationPerPacket(Ospf6Frames.frames(), new PacketPrinter(ZoneOffset.UTC,
            Verbosity.VERY_VERBOSE, EnumSet.noneOf(PacketPrinter.Option.class), TimestampStyle.TIME, RawDump.HEX), 2_000,
            "OSPFv3");
    }
}
