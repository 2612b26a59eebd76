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

    /** Every mutant, also those that carry ForCES (ports, payload protocols) or M3UA (payload protocol 3). */
    @Override
    Mutants mutants() {
        return new Mutants("SCTP", 132, 30, 4, 0, MutatedFrames.ALL);
    }

    @Override
    List<String> wholeFlags() {
        return List.of("", "-v", "-vv", "-q", "-vv -x");
    }

    @Override
    List<String> cutFlags() {
        return List.of("-x", "-v", "-vv");
    }

    @Override
    List<String> mutantFlags() {
        return List.of("-v -x", "-vv", "");
    }

    @Override
    List<String> allocationFlags() {
        return List.of("-vv");
    }

    @Override
    int allocationRepeats() {
        return 2_000;
    }
}
