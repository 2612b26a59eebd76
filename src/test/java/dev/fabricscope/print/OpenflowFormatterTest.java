package dev.fabricscope.print;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenFlow on TCP 6633 and 6653 ({@link OpenflowMessages}) against tcpdump 4.99 itself: every OpenFlow 1.0 message
 * type whole at the default verbosity, -v and -vv, OpenFlow 1.3 and other versions' header lines, several messages
 * to a segment and the framing's edge cases, cut after every byte, and seeded random mutants.
 */
class OpenflowFormatterTest {
    @TempDir
    Path dir;

    private static final int PAYLOAD = 14 + 20 + 20;

    @Test
    void wholeAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, OpenflowMessages.frames(), "", "-v", "-vv", "-q");
    }

    /** OpenFlow 1.3: tcpdump decodes some bodies with -v, we print the header lines only, so without -v. */
    @Test
    void openflow13HeadersAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, OpenflowMessages.of13Frames(), "");
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(OpenflowMessages.of13Frames(), PAYLOAD);
        TcpdumpOracle.assertPrintsAsTcpdump(dir, cut, Verbosity.NORMAL, RawDump.HEX, "-x");
    }

    @Test
    void cutAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(OpenflowMessages.frames(), PAYLOAD);
        TcpdumpOracle.assertPrintsAsTcpdump(dir, cut, Verbosity.NORMAL, RawDump.HEX, "-x");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, cut, Verbosity.VERBOSE, RawDump.NONE, "-v");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, cut, Verbosity.VERY_VERBOSE, RawDump.NONE, "-vv");
    }

    @Test
    void mutantsAsTcpdump() throws Exception {
        List<Frame> mutants = MutatedFrames.of(OpenflowMessages.frames(),
            new Random(MutatedFrames.fromEnvironment("OPENFLOW_SEED", 6633)),
            (int) MutatedFrames.fromEnvironment("OPENFLOW_ROUNDS", 4), OpenflowFormatterTest::payload, 4, 16,
            MutatedFrames.ALL);
        TcpdumpOracle.assertPrintsAsTcpdump(dir, mutants, Verbosity.NORMAL, RawDump.HEX, "-x");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, mutants, Verbosity.VERBOSE, RawDump.NONE, "-v");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, mutants, Verbosity.VERY_VERBOSE, RawDump.NONE, "-vv");
    }

    /** Where the OpenFlow payload starts: after our frames' 20-byte TCP header. */
    private static int payload(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 20;
    }

    @Test
    void printsWithoutAllocating() {
        List<Frame> all = new ArrayList<>(OpenflowMessages.frames());
        all.addAll(OpenflowMessages.of13Frames());
        PrinterAllocation.assertNoAllocationPerPacket(all, new PacketPrinter(ZoneOffset.UTC, Verbosity.VERY_VERBOSE,
            Set.of(), TimestampStyle.TIME, RawDump.NONE), 200, "OpenFlow");
    }
}
