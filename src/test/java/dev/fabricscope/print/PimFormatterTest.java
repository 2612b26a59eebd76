package dev.fabricscope.print;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PIM ({@link PimFrames}: every PIMv2 message type over IPv4 and IPv6, Hello options, Register with the packet it
 * carries, encoded and RFC 2117 addresses, checksums right, wrong and absent, malformed lengths) against tcpdump 4.99
 * itself, in every verbosity, whole, cut after every byte, and with random bytes changed.
 */
class PimFormatterTest {
    @TempDir
    Path dir;

    @Test
    void wholePacketsAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, PimFrames.frames(), "", "-v", "-vv", "-q");
    }

    @Test
    void cutPacketsAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(PimFrames.frames(), 14 + 20);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x", "-v -x", "-vv -x");
    }

    /**
     * Every frame with a few bytes of its PIM message changed at random (a fixed seed), half of them also cut short.
     * A deeper run: {@code PIM_SEED=7 PIM_ROUNDS=1000 mvn -o surefire:test -Dtest='PimFormatterTest#mutated*'}.
     */
    @Test
    void mutatedPacketsAsTcpdump() throws Exception {
        List<Frame> mutants = MutatedFrames.of(PimFrames.frames(), "PIM", 103, 30, bytes -> (bytes[12] & 0xff) == 0x86 ? 14 + 40 : 14 + 20, 4, 0,   // after the IPv6 or IPv4 header
            (original, bytes, pim) -> {
                keepCarriedPacket(original, bytes, pim);
                return true;
            });
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-v -x", "-vv -x", "");
    }

    /**
     * A Register carries a whole IP packet, which the IP printer prints: random bytes there would test that printer's
     * coverage of tcpdump rather than PIM's, so a Register's carried packet stays as built, and no other message
     * becomes a Register.
     */
    private static void keepCarriedPacket(byte[] base, byte[] mutant, int pim) {
        boolean register = (base[pim] & 0x0f) == 1;
        if (register) System.arraycopy(base, pim + 8, mutant, pim + 8, base.length - pim - 8);
        else if ((mutant[pim] & 0x0f) == 1) mutant[pim] = base[pim];
    }

    @Test
    void printingDoesNotAllocatePerPacket() {
        PrinterAllocation.assertNoAllocationPerPacket(PimFrames.frames(), new PacketPrinter(ZoneOffset.UTC,
            Verbosity.VERY_VERBOSE, EnumSet.noneOf(PacketPrinter.Option.class), TimestampStyle.TIME, RawDump.HEX), 2_000,
            "PIM");
    }
}
