package dev.fabricscope.print;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OSPFv2 ({@link OspfFrames}: every packet type, every LSA kind tcpdump decodes, the authentication types, LLS,
 * and malformed lengths) against tcpdump 4.99 itself, in every verbosity, whole, cut after every byte, and with
 * random bytes changed.
 */
class OspfFormatterTest {
    @TempDir
    Path dir;

    @Test
    void wholePacketsAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, OspfFrames.frames(), "", "-v", "-vv", "-q");
    }

    @Test
    void cutPacketsAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(OspfFrames.frames(), 14 + 20);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x", "-v", "-vv -x");
    }

    /**
     * Every frame with a few bytes of its OSPF packet changed at random (a fixed seed), half of them also cut short:
     * lengths, counts and types no hand-built frame has, against tcpdump too. A deeper run:
     * {@code OSPF_SEED=7 OSPF_ROUNDS=1000 mvn -o surefire:test -Dtest='OspfFormatterTest#mutatedPacketsAsTcpdump'}.
     */
    @Test
    void mutatedPacketsAsTcpdump() throws Exception {
        List<Frame> mutants = MutatedFrames.of(OspfFrames.frames(), "OSPF", 89, 30, bytes -> 14 + 20, 4, 0, MutatedFrames.ALL);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-v -x", "-vv", "");
    }

    @Test
    void printingDoesNotAllocatePerPacket() {
        PrinterAllocation.assertNoAllocationPerPacket(OspfFrames.frames(), new PacketPrinter(ZoneOffset.UTC,
            Verbosity.VERY_VERBOSE, EnumSet.noneOf(PacketPrinter.Option.class), TimestampStyle.TIME, RawDump.HEX), 2_000,
            "OSPF");
    }
}
