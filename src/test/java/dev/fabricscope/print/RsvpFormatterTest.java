package dev.fabricscope.print;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * RSVP over IPv4 and IPv6 ({@link RsvpMessages}) against tcpdump 4.99 itself: an RSVP-TE LSP's Path, Resv and
 * PathErr, Hellos, a Bundle, GMPLS objects and broken objects, whole in every verbosity, cut after every byte, and
 * seeded random mutants.
 */
class RsvpFormatterTest extends TcpdumpConformance {
    /**
     * Bandwidths and sizes are IEEE floats printed with "%.10g": random bit patterns (NaNs, infinities, subnormals,
     * ties) in token buckets, guaranteed-service rates and Fast Re-Route bandwidths.
     */
    @Test
    void floatsAsTcpdump() throws Exception {
        Random random = new Random(MutatedFrames.fromEnvironment("RSVP_SEED", 46));
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            float[] f = new float[5];
            for (int j = 0; j < f.length; j++) {
                f[j] = switch (random.nextInt(4)) {
                    case 0 -> Float.intBitsToFloat(random.nextInt());
                    case 1 -> random.nextInt(1 << 24) / (float) (1 << random.nextInt(30));   // short binary fractions
                    case 2 -> random.nextInt(100_000) * 125f;                                  // whole bytes per second
                    default -> Float.intBitsToFloat(random.nextInt() & 0x00ffffff);             // subnormal and tiny
                };
            }
            frames.add(RsvpMessages.v4(RsvpMessages.floats(f)));
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames, "-v");
    }

    @Override
    List<Frame> frames() {
        return RsvpMessages.frames();
    }

    /** Where the RSVP message starts: after the IPv4 header and its options, or the IPv6 header (and hop-by-hop). */
    @Override
    int start(byte[] frame) {
        if ((frame[12] & 0xff) == 0x86) return MutatedFrames.afterIp(frame);
        return 14 + (frame[14] & 0x0f) * 4;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("RSVP", 46, 20, 4, 16, MutatedFrames.ALL))
            .whole("", "-v", "-vv", "-vvv", "-q")
            // From the RSVP message on: the IP header's own cuts are IP's tests.
            .cut("-x", "-v", "-vv")
            .allocation("-vv");
    }
}
