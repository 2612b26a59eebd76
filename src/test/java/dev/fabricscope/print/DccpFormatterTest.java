package dev.fabricscope.print;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
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
        TcpdumpOracle.assertPrintsAsTcpdump(dir, cut, Verbosity.NORMAL, RawDump.HEX, "-x");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, cut, Verbosity.VERBOSE, RawDump.NONE, "-v");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, cut, Verbosity.VERY_VERBOSE, RawDump.NONE, "-vv");
    }

    /**
     * Every frame with a few bytes of its DCCP packet changed at random (a fixed seed), half of them also cut short.
     * A deeper run: {@code DCCP_SEED=7 DCCP_ROUNDS=1000 mvn -o surefire:test -Dtest='DccpFormatterTest#mutated*'}.
     */
    @Test
    void mutatedPacketsAsTcpdump() throws Exception {
        Random random = new Random(Long.parseLong(System.getenv().getOrDefault("DCCP_SEED", "33")));
        List<Frame> mutants = new ArrayList<>();
        for (int round = 0; round < Integer.parseInt(System.getenv().getOrDefault("DCCP_ROUNDS", "30")); round++) {
            for (Frame base : DccpFrames.frames()) {
                byte[] bytes = base.bytes().clone();
                int dccp = (bytes[12] & 0xff) == 0x86 ? 14 + 40 : 14 + 20;
                if ((bytes[12] & 0xff) == 0x86 && bytes[14 + 6] == 0) dccp += 8;   // after the hop-by-hop header
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    bytes[dccp + random.nextInt(bytes.length - dccp)] = (byte) random.nextInt(256);
                }
                Frame mutant = new Frame(bytes);
                mutants.add(random.nextBoolean() ? mutant : mutant.cut(dccp + random.nextInt(bytes.length - dccp)));
            }
        }
        TcpdumpOracle.assertPrintsAsTcpdump(dir, mutants, Verbosity.VERBOSE, RawDump.HEX, "-v", "-x");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, mutants, Verbosity.VERY_VERBOSE, RawDump.NONE, "-vv");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, mutants, Verbosity.NORMAL, RawDump.NONE);
    }

    @Test
    void printingDoesNotAllocatePerPacket() {
        PrinterAllocation.assertNoAllocationPerPacket(DccpFrames.frames(), new PacketPrinter(ZoneOffset.UTC,
            Verbosity.VERY_VERBOSE, EnumSet.noneOf(PacketPrinter.Option.class), TimestampStyle.TIME, RawDump.NONE), 2_000,
            "DCCP");
    }
}
