package dev.fabricscope.print;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * OpenFlow on TCP 6633 and 6653 ({@link OpenflowMessages}) against tcpdump 4.99 itself: every OpenFlow 1.0 message
 * type and every OpenFlow 1.3 type tcpdump decodes, whole at the default verbosity, -q, -v and -vv, other versions'
 * header lines, several messages to a segment and the framing's edge cases, cut after every byte, seeded random
 * mutants, and segments of random messages.
 */
class OpenflowFormatterTest extends TcpdumpConformance {
    private static final int PAYLOAD = 14 + 20 + 20;

    private static List<Frame> all() {
        List<Frame> f = new ArrayList<>(OpenflowMessages.frames());
        f.addAll(OpenflowMessages.of13Frames());
        return f;
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

    @Override
    List<Frame> frames() {
        return all();
    }

    /** Cut after the IPv4 and 20-byte TCP headers for every frame, as before; mutated after the IP header's own. */
    @Override
    int start(byte[] frame) {
        return PAYLOAD;
    }

    @Override
    int mutantStart(byte[] frame) {
        return payload(frame);
    }

    @Override
    Mutants mutants() {
        return new Mutants("OPENFLOW", 6633, 4, 4, 16, MutatedFrames.ALL);
    }

    @Override
    List<String> cutFlags() {
        return List.of("-x", "-v", "-vv");
    }

    @Override
    List<String> allocationFlags() {
        return List.of("-vv");
    }
}
