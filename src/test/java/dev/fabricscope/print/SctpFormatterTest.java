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

    /** Payload protocols tcpdump decodes further (M3UA, ForCES) and ForCES ports are left out (a known difference). */
    @Override
    Mutants mutants() {
        return new Mutants("SCTP", 132, 30, 4, 0, (original, bytes, sctp) -> !decodedFurther(bytes, sctp));
    }

    /** ForCES ports, or a DATA chunk with M3UA or ForCES payload: tcpdump decodes these further, we do not. */
    private static boolean decodedFurther(byte[] b, int sctp) {
        for (int port : new int[] {u16(b, sctp), u16(b, sctp + 2)}) if (port >= 6704 && port <= 6706) return true;
        for (int at = sctp + 12; at + 4 <= b.length; ) {
            int length = u16(b, at + 2);
            if (length < 4) return false;
            if (b[at] == 0 && at + 16 <= b.length) {
                long ppid = (long) u16(b, at + 12) << 16 | u16(b, at + 14);
                if (ppid == 3 || (ppid >= 21 && ppid <= 23)) return true;
            }
            at += (length + 3) & ~3;
        }
        return false;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
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
