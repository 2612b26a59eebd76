package dev.fabricscope.print;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenFlow on TCP 6633 and 6653 ({@link OpenflowMessages}) against tcpdump 4.99 itself: every OpenFlow 1.0 message
 * type and every OpenFlow 1.3 type tcpdump decodes, whole at the default verbosity, -q, -v and -vv, other versions'
 * header lines, several messages to a segment and the framing's edge cases, cut after every byte, seeded random
 * mutants, and segments of random messages.
 */
class OpenflowFormatterTest {
    @TempDir
    Path dir;

    private static final int PAYLOAD = 14 + 20 + 20;

    private static List<Frame> all() {
        List<Frame> f = new ArrayList<>(OpenflowMessages.frames());
        f.addAll(OpenflowMessages.of13Frames());
        return f;
    }

    @Test
    void wholeAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, all(), "", "-v", "-vv", "-q");
    }

    /** -vvv: as -vv but for the frame in PACKET_IN/PACKET_OUT data, which tcpdump decodes and we do not (left out). */
    @Test
    void mostVerboseWithoutPacketDataAsTcpdump() throws Exception {
        List<Frame> f = new ArrayList<>(OpenflowMessages.of13Frames());
        for (byte[] m : OpenflowMessages.of10Messages()) {
            if (m[1] != 10 && m[1] != 13) f.add(OpenflowMessages.tcp(m));
        }
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, f, "-vvv");
    }

    @Test
    void cutAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(all(), PAYLOAD);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x", "-v", "-vv");
    }

    @Test
    void mutantsAsTcpdump() throws Exception {
        List<Frame> mutants = MutatedFrames.of(all(), "OPENFLOW", 6633, 4, OpenflowFormatterTest::payload, 4, 16,
            MutatedFrames.ALL);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-x", "-v", "-vv");
    }

    @Test
    void randomMessagesAsTcpdump() throws Exception {
        List<Frame> frames = OpenflowMessages.randomFrames(
            new Random(MutatedFrames.fromEnvironment("OPENFLOW_SEED", 6653)),
            (int) MutatedFrames.fromEnvironment("OPENFLOW_RANDOM", 1500));
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames, "-x", "-v", "-vv");
    }

    /** Where the OpenFlow payload starts: after our frames' 20-byte TCP header. */
    private static int payload(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 20;
    }

    @Test
    void printsWithoutAllocating() {
        PrinterAllocation.assertNoAllocationPerPacketWith(all(), "OpenFlow", "-vv");
    }
}
