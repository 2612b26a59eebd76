package dev.fabricscope.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Frames written to a pcap file, printed by tcpdump ({@code TZ=UTC tcpdump -n -S FLAGS -r FILE}, or another zone) and
 * by our printer: every record must be the same text, all its lines (tcpdump's empty lines aside, which {@link Tcpdump} drops).
 * The frames of one flag set are one capture, printed in order by one tcpdump and one printer on both sides, so state
 * one packet leaves for later ones (TCP's relative numbers, NFS's xids) is compared too.
 * Skipped, with the reason, where tcpdump is not installed.
 */
final class TcpdumpOracle {
    /**
     * The pseudo-flag of a flag set for TCP's relative sequence numbers: tcpdump without its -S, our printer with
     * {@link PacketPrinter.Option#RELATIVE_SEQUENCE_NUMBERS} ("relative -v" is {@code tcpdump -n -v}).
     */
    static final String RELATIVE = "relative";

    private TcpdumpOracle() { }

    /** Writes {@code frames.pcap} in {@code dir} and compares, tcpdump and our printer both in UTC. */
    static void assertPrintsAsTcpdump(Path dir, List<Frame> frames, Verbosity verbosity, Set<PacketPrinter.Option> options,
                                      RawDump dump, String... flags) throws Exception {
        assertPrintsAsTcpdump(dir, frames, ZoneId.of("UTC"), verbosity, options, dump, flags);
    }

    /** As above with both in {@code zone} (tcpdump's TZ): for what prints local times beside the packet's own. */
    static void assertPrintsAsTcpdump(Path dir, List<Frame> frames, ZoneId zone, Verbosity verbosity,
                                      Set<PacketPrinter.Option> options, RawDump dump, String... flags) throws Exception {
        assertPrintsAsTcpdump(dir, frames, new PrinterFlags(List.of(flags), verbosity, options, dump, null, null), zone);
    }

    static void assertPrintsAsTcpdump(Path dir, List<Frame> frames, Verbosity verbosity, RawDump dump, String... flags)
            throws Exception {
        assertPrintsAsTcpdump(dir, frames, verbosity, Set.of(), dump, flags);
    }

    /** The comparison in each of tcpdump's verbosities named ("" for the default, "-q", "-v", "-vv", "-vvv", "-vvvv"). */
    static void assertPrintsAsTcpdumpIn(Path dir, List<Frame> frames, String... verbosities) throws Exception {
        for (String flag : verbosities) {
            if (!List.of("", "-q", "-v", "-vv", "-vvv", "-vvvv").contains(flag)) throw new IllegalArgumentException(flag);
        }
        assertPrintsAsTcpdumpWith(dir, frames, verbosities);
    }

    /**
     * The comparison once per tcpdump flag set, each one run of tcpdump ("" for none, "-x", "-e -v -x", "-q -X", ...),
     * our printer set as those flags say: -q, -v to -vvvvv the {@link Verbosity}; -e, -K, -b, -u the {@link PacketPrinter.Option}s;
     * -x, -xx, -X, -XX, -A, -AA the {@link RawDump}; "-T type" the {@link PacketType}; "-M secret" the TCP-MD5 secret
     * (its ASCII bytes); "-E secret", last, the ESP secrets (the rest of the flag set, spaces and all); {@link #RELATIVE}
     * TCP's relative sequence numbers (tcpdump without -S, which it otherwise always gets). The flags go to tcpdump in
     * the order written.
     */
    static void assertPrintsAsTcpdumpWith(Path dir, List<Frame> frames, String... flagSets) throws Exception {
        List<PrinterFlags> runs = Arrays.stream(flagSets).map(PrinterFlags::of).toList();   // a typo fails before tcpdump runs
        for (PrinterFlags run : runs) {
            assertPrintsAsTcpdump(dir, frames, run, ZoneId.of("UTC"));
        }
    }

    /** The comparison for one flag set and the printer settings it stands for (its -T type too). */
    private static void assertPrintsAsTcpdump(Path dir, List<Frame> frames, PrinterFlags run, ZoneId zone)
            throws Exception {
        assumeTrue(Tcpdump.available(), "tcpdump is not installed: the oracle for these tests (apt-get install tcpdump)");
        Path file = dir.resolve("frames.pcap");
        TestPcap.write(file, LinkType.EN10MB, 1_700_000_000L, frames);
        List<String> tcpdumpFlags = new ArrayList<>();
        if (!run.options().contains(PacketPrinter.Option.RELATIVE_SEQUENCE_NUMBERS)) tcpdumpFlags.add("-S");
        tcpdumpFlags.addAll(run.flags());
        List<Tcpdump.Record> expected = Tcpdump.run(file, zone.getId(), tcpdumpFlags.toArray(String[]::new));
        List<String> actual = PacketPrinterTest.perPacket(file, new PacketPrinter(zone, run.verbosity(), run.options(),
            TimestampStyle.TIME, run.dump(), run.forced(), run.secretBytes(), run.espSecret(), w -> { }));
        assertEquals(frames.size(), expected.size(), "tcpdump records");
        for (int i = 0; i < frames.size(); i++) {
            String ours = actual.get(i).replace("\n\n", "\n");
            if (ours.endsWith("\n")) ours = ours.substring(0, ours.length() - 1);
            assertEquals(expected.get(i).full(), ours, "frame " + (i + 1) + " with tcpdump -n " + String.join(" ", tcpdumpFlags));
        }
    }

    /**
     * One tcpdump flag set and the printer settings it stands for ({@code secret}: -M's, {@code espSecret} -E's, or null);
     * {@code flags} are those tcpdump gets besides -n and, unless the options say relative numbers, -S.
     */
    record PrinterFlags(List<String> flags, Verbosity verbosity, Set<PacketPrinter.Option> options, RawDump dump,
                        PacketType forced, String secret, String espSecret) {

        PrinterFlags(List<String> flags, Verbosity verbosity, Set<PacketPrinter.Option> options, RawDump dump,
                     PacketType forced, String secret) {
            this(flags, verbosity, options, dump, forced, secret, null);
        }

        /**
         * Parses {@code flagSet}: flags apart by spaces, each one of those {@link #assertPrintsAsTcpdumpWith} names.
         * Throws IllegalArgumentException on any other flag, and on -q with -v (tcpdump has both, our printer one level).
         */
        static PrinterFlags of(String flagSet) {
            String espSecret = null;
            int e = (" " + flagSet).indexOf(" -E ");
            if (e >= 0) {   // -E's secret has spaces: it is the rest of the set
                espSecret = flagSet.substring(e + 3);
                flagSet = flagSet.substring(0, e);
            }
            List<String> flags = flagSet.isBlank() ? new ArrayList<>() : new ArrayList<>(List.of(flagSet.strip().split(" +")));
            int q = 0, v = 0, x = 0, bigX = 0, a = 0;
            Set<PacketPrinter.Option> options = java.util.EnumSet.noneOf(PacketPrinter.Option.class);
            PacketType forced = null;
            String secret = null;
            for (int i = 0; i < flags.size(); i++) {
                String flag = flags.get(i);
                switch (flag) {
                    case "-T" -> {
                        forced = i + 1 < flags.size() ? PacketType.named(flags.get(++i)) : null;
                        if (forced == null) throw new IllegalArgumentException("\"" + flagSet + "\": -T without a type we take");
                    }
                    case "-M" -> {
                        if (i + 1 >= flags.size()) throw new IllegalArgumentException("\"" + flagSet + "\": -M without a secret");
                        secret = flags.get(++i);
                    }
                    case RELATIVE -> {   // ours only: tcpdump would take the word for a filter
                        options.add(PacketPrinter.Option.RELATIVE_SEQUENCE_NUMBERS);
                        flags.remove(i--);
                    }
                    case "-q" -> q++;
                    case "-v", "-vv", "-vvv", "-vvvv", "-vvvvv" -> v += flag.length() - 1;
                    case "-e" -> options.add(PacketPrinter.Option.LINK_HEADERS);
                    case "-K" -> options.add(PacketPrinter.Option.DONT_VERIFY_CHECKSUMS);
                    case "-b" -> options.add(PacketPrinter.Option.BGP_ASDOT);
                    case "-u" -> options.add(PacketPrinter.Option.NFS_RAW_HANDLES);
                    case "-H" -> options.add(PacketPrinter.Option.MESH_HEADERS);
                    case "-x", "-xx" -> x += flag.length() - 1;
                    case "-X", "-XX" -> bigX += flag.length() - 1;
                    case "-A", "-AA" -> a += flag.length() - 1;
                    default -> throw new IllegalArgumentException("tcpdump flag " + flag + " in \"" + flagSet
                        + "\": not one the printer settings are derived from");
                }
            }
            if (q > 0 && v > 0 || v > 5) {
                throw new IllegalArgumentException("\"" + flagSet + "\": no single Verbosity for it");
            }
            Verbosity verbosity = Verbosity.of(q > 0, v);
            if (espSecret != null) {
                flags.add("-E");
                flags.add(espSecret);
            }
            return new PrinterFlags(List.copyOf(flags), verbosity, options, RawDump.ofFlags(x, bigX, a), forced, secret,
                espSecret);
        }

        /** -M's secret as tcpdump hashes it (the argument's bytes), or null. */
        byte[] secretBytes() {
            return secret == null ? null : secret.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }

        /** Our printer with these settings (UTC, default time stamps). */
        PacketPrinter printer() {
            return new PacketPrinter(java.time.ZoneOffset.UTC, verbosity, options, TimestampStyle.TIME, dump, forced,
                secretBytes(), espSecret, w -> { });
        }
    }

    /** Each frame cut after every byte from {@code from} on (its original length kept). */
    static List<Frame> cutAfterEveryByte(List<Frame> frames, int from) {
        List<Frame> cut = new ArrayList<>();
        for (Frame f : frames) {
            for (int n = from; n < f.bytes().length; n++) cut.add(new Frame(Arrays.copyOf(f.bytes(), n), f.bytes().length));
        }
        return cut;
    }
}
