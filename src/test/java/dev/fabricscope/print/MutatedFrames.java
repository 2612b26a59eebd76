package dev.fabricscope.print;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * Seeded random mutants of a printer's test frames, for comparing with tcpdump: in each round every frame gets 1 to
 * {@code maxChanges} random bytes at or after {@code start} (the bytes under test; with {@code headSpan} > 0, half the
 * changes fall in that many first bytes, where the headers and lengths are), then half of the mutants are cut short at
 * a random place after {@code start}. Frames not longer than {@code start} are left out.
 */
final class MutatedFrames {
    private MutatedFrames() { }

    /** Decides whether a mutant is compared (false: a known difference); may repair it (e.g. a carried packet). */
    interface Keep {
        boolean keep(byte[] original, byte[] mutant, int start);
    }

    static final Keep ALL = (original, mutant, start) -> true;

    static List<Frame> of(List<Frame> frames, Random random, int rounds, ToIntFunction<byte[]> start, int maxChanges,
                          int headSpan, Keep keep) {
        List<Frame> mutants = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (Frame base : frames) {
                byte[] bytes = base.bytes().clone();
                int from = start.applyAsInt(bytes);
                if (bytes.length <= from) continue;
                for (int n = 1 + random.nextInt(maxChanges); n > 0; n--) {
                    int span = headSpan > 0 && random.nextBoolean() ? Math.min(headSpan, bytes.length - from)
                        : bytes.length - from;
                    bytes[from + random.nextInt(span)] = (byte) random.nextInt(256);
                }
                if (!keep.keep(base.bytes(), bytes, from)) continue;
                Frame mutant = new Frame(bytes);
                mutants.add(random.nextBoolean() ? mutant : mutant.cut(from + random.nextInt(bytes.length - from)));
            }
        }
        return mutants;
    }

    /**
     * As above, with the seed and the number of rounds from the environment ({@code NAME_SEED}, {@code NAME_ROUNDS},
     * for deeper runs by hand), else {@code seed} and {@code rounds}.
     */
    static List<Frame> of(List<Frame> frames, String name, long seed, int rounds, ToIntFunction<byte[]> start,
                          int maxChanges, int headSpan, Keep keep) {
        return of(frames, new Random(fromEnvironment(name + "_SEED", seed)), (int) fromEnvironment(name + "_ROUNDS", rounds),
            start, maxChanges, headSpan, keep);
    }

    /** Where a frame's Ethernet payload starts: after the header, and after one VLAN tag if there is one. */
    static int afterEthernet(byte[] frame) {
        return frame.length > 12 && (frame[12] & 0xff) == 0x81 ? 18 : 14;
    }

    /** Where an IP payload starts: after the IPv4 or IPv6 header, and an IPv6 hop-by-hop header if there is one. */
    static int afterIp(byte[] frame) {
        boolean v6 = (frame[12] & 0xff) == 0x86;
        return afterIpHeader(frame) + (v6 && frame[14 + 6] == 0 ? 8 : 0);
    }

    /** Where the header after a 20-byte IPv4 or the IPv6 header starts (extension headers are the part under test). */
    static int afterIpHeader(byte[] frame) {
        return 14 + ((frame[12] & 0xff) == 0x86 ? 40 : 20);
    }

    /** A seed or round count from the environment (for deeper runs by hand), else {@code fallback}. */
    static long fromEnvironment(String name, long fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : Long.parseLong(value);
    }
}
