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

    /** With the carried frames' PACKET_IN and PACKET_OUT. */
    private static List<Frame> withCarried() {
        List<Frame> f = all();
        f.addAll(OpenflowMessages.carriedFrames());
        return f;
    }

    /**
     * -vvv and -vvvv (-e too): the frames PACKET_IN and PACKET_OUT carry decoded at tcpdump's vflag - 3. A carried
     * frame whose printer gives up on a fetch leaves tcpdump's vflag lowered for the rest of its run (it restores it
     * on return only; we lower it for the carried frame only), so frames with carried data get a tcpdump run each.
     */
    @Test
    void mostVerboseAsTcpdump() throws Exception {
        List<Frame> frames = withCarried();
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, frames.stream().filter(f -> !carries(f)).toList(), "-vvv", "-vvvv");
        for (Frame f : frames) {
            if (carries(f)) TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, List.of(f), "-vvv", "-vvvv", "-vvvv -e");
        }
    }

    /** The carried frames cut after every byte from the OpenFlow header on, a tcpdump run each (as above). */
    @Test
    void carriedFramesCutAsTcpdump() throws Exception {
        for (Frame f : TcpdumpOracle.cutAfterEveryByte(OpenflowMessages.carriedFrames(), PAYLOAD)) {
            if (carries(f)) TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, List.of(f), "-vvv -x", "-vvvv -e");
        }
    }

    /**
     * Seeded mutants of the carried frames' segments, the OpenFlow header kept (half of the changes in the next 40
     * bytes: the message's fields and the carried frame's headers), a tcpdump run each (as above).
     */
    @Test
    void carriedFramesMutantsAsTcpdump() throws Exception {
        List<Frame> mutants = MutatedFrames.of(OpenflowMessages.carriedFrames(), "OPENFLOW_CARRIED", 6653, 12,
            b -> PAYLOAD + 8, 4, 40, MutatedFrames.ALL);
        for (Frame f : mutants) {
            if (carries(f)) TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, List.of(f), "-vvv -x", "-vvvv -e");
        }
    }

    /** Whether a 1.0 PACKET_IN or PACKET_OUT starts in the segment's captured bytes. */
    private static boolean carries(Frame f) {
        byte[] b = f.bytes();
        int at = payload(b);
        while (at + 4 <= b.length) {
            if (b[at] == OpenflowMessages.V10 && (b[at + 1] == 10 || b[at + 1] == 13)) return true;
            int len = (b[at + 2] & 0xff) << 8 | b[at + 3] & 0xff;
            if (len < 8) return false;
            at += len;
        }
        return false;
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
        return withCarried();
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
    Checks checks() {
        return Checks.of(new Mutants("OPENFLOW", 6633, 4, 4, 16, MutatedFrames.ALL))
            .cut("-x", "-v", "-vv")
            .allocation("-vv", "-vvv", "-vvvv -e");
    }
}
