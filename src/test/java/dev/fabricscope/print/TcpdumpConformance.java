package dev.fabricscope.print;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four checks each printer's test makes against tcpdump 4.99 itself: its frames whole in the flag sets where the
 * text changes, each cut after every byte of the part under test, seeded mutants of that part, and no allocation per
 * packet once warm. A test class extends this, gives its frames, where the part under test starts and its
 * {@link Checks} (how to mutate it, and the flag sets where they differ from the defaults); its own tests add what is
 * particular to its printer. A test of several link types holds one {@code @Nested} subclass per type.
 */
abstract class TcpdumpConformance {
    @TempDir
    Path dir;

    /** The frames under test, whole, as captured on {@link #linkType()}. */
    abstract List<Frame> frames();

    /** Where the part under test starts in {@code frame}: the cuts and the mutations fall at or after it. */
    abstract int start(byte[] frame);

    /** Where the mutations start, where not where the cuts do (a link header mutated too, only options mutated). */
    int mutantStart(byte[] frame) {
        return start(frame);
    }

    /** How this printer is checked: its mutants, and what differs from the defaults (see {@link Checks#of}). */
    abstract Checks checks();

    /**
     * {@link MutatedFrames#of}'s settings: {@code name} also names the printer in failure messages, and in the
     * environment ({@code NAME_SEED}, {@code NAME_ROUNDS}) it overrides the seed and the rounds for deeper runs by hand.
     */
    record Mutants(String name, long seed, int rounds, int maxChanges, int headSpan, MutatedFrames.Keep keep) {
        /** Up to 4 changes a mutant, half of them in the first 24 bytes, every mutant compared. */
        Mutants(String name, long seed, int rounds) {
            this(name, seed, rounds, 4, 24, MutatedFrames.ALL);
        }

        Mutants keeping(MutatedFrames.Keep only) {
            return new Mutants(name, seed, rounds, maxChanges, headSpan, only);
        }
    }

    /**
     * The settings of the four checks, as one value a test class states at once: the mutants; the flag sets whole
     * frames, cut frames and mutants are compared in ({@link TcpdumpOracle.PrinterFlags} reads them); the flag sets
     * the printer must print in without allocating, and how many times each frame is printed a round when counting.
     * A null {@code mutantFlags} stands for the cut frames' flag sets.
     */
    record Checks(Mutants mutants, List<String> wholeFlags, List<String> cutFlags, List<String> mutantFlags,
                  List<String> allocationFlags, int allocationRepeats) {
        /**
         * The defaults: whole frames in "", -v, -vv and -q; cut frames and mutants in -x and -v -x; no allocation in
         * "", -v and -vv, 200 times a round.
         */
        static Checks of(Mutants mutants) {
            return new Checks(mutants, List.of("", "-v", "-vv", "-q"), List.of("-x", "-v -x"), null,
                List.of("", "-v", "-vv"), 200);
        }

        @Override
        public List<String> mutantFlags() {
            return mutantFlags != null ? mutantFlags : cutFlags;
        }

        Checks mutants(Mutants m) {
            return new Checks(m, wholeFlags, cutFlags, mutantFlags, allocationFlags, allocationRepeats);
        }

        Checks whole(String... flagSets) {
            return new Checks(mutants, List.of(flagSets), cutFlags, mutantFlags, allocationFlags, allocationRepeats);
        }

        /** The cut frames' flag sets; the mutants' too, unless {@link #mutated} names theirs. */
        Checks cut(String... flagSets) {
            return new Checks(mutants, wholeFlags, List.of(flagSets), mutantFlags, allocationFlags, allocationRepeats);
        }

        Checks mutated(String... flagSets) {
            return new Checks(mutants, wholeFlags, cutFlags, List.of(flagSets), allocationFlags, allocationRepeats);
        }

        Checks allocation(String... flagSets) {
            return new Checks(mutants, wholeFlags, cutFlags, mutantFlags, List.of(flagSets), allocationRepeats);
        }

        Checks repeats(int allocationRepeats) {
            return new Checks(mutants, wholeFlags, cutFlags, mutantFlags, allocationFlags, allocationRepeats);
        }
    }

    /** The link type the frames are captured on. */
    int linkType() {
        return LinkType.EN10MB;
    }

    /** The frames cut after every byte: all, unless some are too long to cut in a test's time. */
    List<Frame> cutFrames() {
        return frames();
    }

    /** The frames the mutants are made of. */
    List<Frame> mutantBases() {
        return cutFrames();
    }

    /**
     * Whether a mutant is compared: false for a known difference that only shows once the mutant is made (the
     * choice cannot be {@link Mutants#keep}'s, which would change the random sequence the mutants come from).
     */
    boolean comparesMutant(byte[] mutant) {
        return true;
    }

    @Test
    void wholeAsTcpdump() throws Exception {
        assertAsTcpdump("whole", frames(), checks().wholeFlags());
    }

    @Test
    void cutAsTcpdump() throws Exception {
        List<Frame> cut = cutFrames().stream()
            .flatMap(f -> TcpdumpOracle.cutAfterEveryByte(List.of(f), start(f.bytes())).stream()).toList();
        assertAsTcpdump("cut", cut, checks().cutFlags());
    }

    @Test
    void mutantsAsTcpdump() throws Exception {
        Checks checks = checks();
        Mutants m = checks.mutants();
        List<Frame> mutants = MutatedFrames.of(mutantBases(), m.name(), m.seed(), m.rounds(), this::mutantStart,
            m.maxChanges(), m.headSpan(), m.keep()).stream().filter(f -> comparesMutant(f.bytes())).toList();
        assertAsTcpdump("mutants", mutants, checks.mutantFlags());
    }

    @Test
    void printsWithoutAllocating() {
        Checks checks = checks();
        PrinterAllocation.assertNoAllocationPerPacketWith(frames(), linkType(), checks.allocationRepeats(),
            checks.mutants().name(), checks.allocationFlags().toArray(String[]::new));
    }

    /**
     * Ethernet frames are compared record by record (a failure names the frame); other link types as the whole
     * output of {@code capture -r}.
     */
    void assertAsTcpdump(String what, List<Frame> frames, List<String> flagSets) throws Exception {
        String[] flags = flagSets.toArray(String[]::new);
        if (linkType() == LinkType.EN10MB) {
            TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames, flags);
        } else {
            PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, what + "-" + linkType(), linkType(), frames, flags);
        }
    }
}
