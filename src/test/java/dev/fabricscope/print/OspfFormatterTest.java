package dev.fabricscope.print;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.List;

/**
 * OSPFv2 ({@link OspfFrames}: every packet type, every LSA kind tcpdump decodes, the authentication types, LLS,
 * and malformed lengths) against tcpdump 4.99 itself, in every verbosity, whole, cut after every byte, and with
 * random bytes changed (half of them also cut short: lengths, counts and types no hand-built frame has). A deeper run:
 * {@code OSPF_SEED=7 OSPF_ROUNDS=1000 mvn -o surefire:test -Dtest='OspfFormatterTest#mutantsAsTcpdump'}.
 */
class OspfFormatterTest extends TcpdumpConformance {
    @Override
    List<Frame> frames() {
        return OspfFrames.frames();
    }

    /** The OSPF packet: after the IPv4 header. */
    @Override
    int start(byte[] frame) {
        return 14 + 20;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("OSPF", 89, 30, 4, 0, MutatedFrames.ALL))
            .cut("-x", "-v", "-vv -x")
            .mutated("-v -x", "-vv", "")
            .allocation("-vv -x")
            .repeats(2_000);
    }
}
