package dev.fabricscope.print;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.List;

/**
 * OSPFv3 ({@link Ospf6Frames}: every packet type, the LSA kinds tcpdump decodes, LLS and authentication trailers,
 * malformed prefixes and lengths) against tcpdump 4.99 itself, in every verbosity, whole, cut after every byte, and
 * with random bytes changed (half of them also cut short). A deeper run:
 * {@code OSPF_SEED=7 OSPF_ROUNDS=1000 mvn -o surefire:test -Dtest='Ospf6FormatterTest#mutants*'}.
 */
class Ospf6FormatterTest extends TcpdumpConformance {
    @Override
    List<Frame> frames() {
        return Ospf6Frames.frames();
    }

    /** The OSPF packet: after the IPv6 header. */
    @Override
    int start(byte[] frame) {
        return 14 + 40;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("OSPF", 5340, 30, 4, 0, MutatedFrames.ALL))
            .cut("-x", "-v -x", "-vv -x")
            .mutated("-v -x", "-vv -x", "")
            .allocation("-vv -x")
            .repeats(2_000);
    }
}
