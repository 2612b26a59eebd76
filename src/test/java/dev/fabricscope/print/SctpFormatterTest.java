package dev.fabricscope.print;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.List;

/**
 * SCTP ({@link SctpFrames}: every chunk type, DATA flags and payload protocols, SACK gap blocks and duplicates,
 * malformed chunk lengths, over IPv4 and IPv6) against tcpdump 4.99 itself, in every verbosity, whole, cut after
 * every byte, and with random bytes changed (half of them also cut short). A deeper run:
 * {@code SCTP_SEED=7 SCTP_ROUNDS=1000 mvn -o surefire:test -Dtest='SctpFormatterTest#mutants*'}.
 */
class SctpFormatterTest extends TcpdumpConformance {
    @Override
    List<Frame> frames() {
        return SctpFrames.frames();
    }

    /** Cut after the IPv4 header's length for every frame, as before; mutated after the IP header. */
    @Override
    int start(byte[] frame) {
        return 14 + 20;
    }

    @Override
    int mutantStart(byte[] frame) {
        return MutatedFrames.afterIp(frame);
    }

    @Override
    Checks checks() {
        // Every mutant, also those that carry ForCES (ports, payload protocols) or M3UA (payload protocol 3).
        return Checks.of(new Mutants("SCTP", 132, 30, 4, 0, MutatedFrames.ALL))
            .whole("", "-v", "-vv", "-q", "-vv -x")
            .cut("-x", "-v", "-vv")
            .mutated("-v -x", "-vv", "")
            .allocation("-vv")
            .repeats(2_000);
    }
}
