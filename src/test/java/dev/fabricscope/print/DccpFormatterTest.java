package dev.fabricscope.print;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.List;

/**
 * DCCP ({@link DccpFrames}: every packet type, long and short sequence numbers, every option tcpdump names, partial
 * checksum coverage, wrong checksums, malformed lengths, over IPv4 and IPv6) against tcpdump 4.99 itself, in every
 * verbosity, whole, cut after every byte, and with random bytes changed.
 */
class DccpFormatterTest extends TcpdumpConformance {
    @Override
    List<Frame> frames() {
        return DccpFrames.frames();
    }

    /** Cut from byte 14 + 20 on (in the IPv6 frames, within the IPv6 header). */
    @Override
    int start(byte[] frame) {
        return 14 + 20;
    }

    /** The DCCP packet: after the IPv4 or IPv6 header. */
    @Override
    int mutantStart(byte[] frame) {
        return MutatedFrames.afterIp(frame);
    }

    @Override
    Checks checks() {
        // Every frame with a few bytes of its DCCP packet changed at random (a fixed seed; the changes spread over the
        // whole packet, no head span), half of them also cut short. A deeper run:
        // DCCP_SEED=7 DCCP_ROUNDS=1000 mvn -o surefire:test -Dtest='DccpFormatterTest#mutants*'.
        return Checks.of(new Mutants("DCCP", 33, 30, 4, 0, MutatedFrames.ALL))
            .cut("-x", "-v", "-vv")
            .mutated("-v -x", "-vv", "")
            .allocation("-vv")
            .repeats(2_000);
    }
}
