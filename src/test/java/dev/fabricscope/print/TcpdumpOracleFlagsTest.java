package dev.fabricscope.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fabricscope.print.TcpdumpOracle.PrinterFlags;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The printer settings {@link TcpdumpOracle#assertPrintsAsTcpdumpWith} derives from each tcpdump flag set. */
class TcpdumpOracleFlagsTest {
    private static final Set<PacketPrinter.Option> E = Set.of(PacketPrinter.Option.LINK_HEADERS);

    private static void assertFlags(String flagSet, List<String> flags, Verbosity verbosity,
                                    Set<PacketPrinter.Option> options, RawDump dump) {
        assertEquals(new PrinterFlags(flags, verbosity, options, dump, null, null), PrinterFlags.of(flagSet), flagSet);
    }

    @Test
    void packetTypes() {
        assertEquals(new PrinterFlags(List.of("-T", "vxlan", "-v"), Verbosity.VERBOSE, Set.of(), RawDump.NONE,
            PacketType.VXLAN, null), PrinterFlags.of("-T vxlan -v"));
        assertEquals(PacketType.DOMAIN, PrinterFlags.of("-x -T DOMAIN").forced());
    }

    @Test
    void verbosities() {
        assertFlags("", List.of(), Verbosity.NORMAL, Set.of(), RawDump.NONE);
        assertFlags("-q", List.of("-q"), Verbosity.QUIET, Set.of(), RawDump.NONE);
        assertFlags("-v", List.of("-v"), Verbosity.VERBOSE, Set.of(), RawDump.NONE);
        assertFlags("-vv", List.of("-vv"), Verbosity.VERY_VERBOSE, Set.of(), RawDump.NONE);
        assertFlags("-vvv", List.of("-vvv"), Verbosity.MOST_VERBOSE, Set.of(), RawDump.NONE);
        assertFlags("-vvvv", List.of("-vvvv"), Verbosity.EXTRA_VERBOSE, Set.of(), RawDump.NONE);
        assertFlags("-vvvvv", List.of("-vvvvv"), Verbosity.EXTRA_VERBOSE, Set.of(), RawDump.NONE);
        assertFlags("-vvv -v", List.of("-vvv", "-v"), Verbosity.EXTRA_VERBOSE, Set.of(), RawDump.NONE);
        assertFlags("-v -v", List.of("-v", "-v"), Verbosity.VERY_VERBOSE, Set.of(), RawDump.NONE);   // counted as tcpdump does
    }

    @Test
    void rawDumps() {
        assertFlags("-x", List.of("-x"), Verbosity.NORMAL, Set.of(), RawDump.HEX);
        assertFlags("-xx", List.of("-xx"), Verbosity.NORMAL, Set.of(), RawDump.HEX_WITH_LINK);
        assertFlags("-X", List.of("-X"), Verbosity.NORMAL, Set.of(), RawDump.HEX_ASCII);
        assertFlags("-XX", List.of("-XX"), Verbosity.NORMAL, Set.of(), RawDump.HEX_ASCII_WITH_LINK);
        assertFlags("-A", List.of("-A"), Verbosity.NORMAL, Set.of(), RawDump.ASCII);
        assertFlags("-AA", List.of("-AA"), Verbosity.NORMAL, Set.of(), RawDump.ASCII_WITH_LINK);
        assertFlags("-x -X", List.of("-x", "-X"), Verbosity.NORMAL, Set.of(), RawDump.HEX_ASCII);   // -X wins, as in tcpdump
    }

    @Test
    void combinationsKeepTheirOrderForTcpdump() {
        assertFlags("-e", List.of("-e"), Verbosity.NORMAL, E, RawDump.NONE);
        assertFlags("-e -x", List.of("-e", "-x"), Verbosity.NORMAL, E, RawDump.HEX);
        assertFlags("-e -v -x", List.of("-e", "-v", "-x"), Verbosity.VERBOSE, E, RawDump.HEX);
        assertFlags("-x -v", List.of("-x", "-v"), Verbosity.VERBOSE, Set.of(), RawDump.HEX);
        assertFlags("-q -X", List.of("-q", "-X"), Verbosity.QUIET, Set.of(), RawDump.HEX_ASCII);
        assertFlags(" -e  -q ", List.of("-e", "-q"), Verbosity.QUIET, E, RawDump.NONE);
    }

    @Test
    void md5SecretAndUndecodedNfsHandles() {
        assertEquals(new PrinterFlags(List.of("-M", "s3cret", "-v"), Verbosity.VERBOSE, Set.of(), RawDump.NONE, null,
            "s3cret"), PrinterFlags.of("-M s3cret -v"));
        assertFlags("-u -vv", List.of("-u", "-vv"), Verbosity.VERY_VERBOSE, Set.of(PacketPrinter.Option.NFS_RAW_HANDLES),
            RawDump.NONE);
    }

    /** -E's secret has spaces: the rest of the set, flags before it as usual. */
    @Test
    void espSecret() {
        assertEquals(new PrinterFlags(List.of("-v", "-E", "0x1@10.0.0.2 aes128:0x00,3des:k"), Verbosity.VERBOSE, Set.of(),
            RawDump.NONE, null, null, "0x1@10.0.0.2 aes128:0x00,3des:k"), PrinterFlags.of("-v -E 0x1@10.0.0.2 aes128:0x00,3des:k"));
        assertEquals("aes128:0x00", PrinterFlags.of("-E aes128:0x00").espSecret());
    }

    /** "relative": TCP's relative numbers, a word tcpdump does not get (it runs without -S then). */
    @Test
    void relativeSequenceNumbers() {
        Set<PacketPrinter.Option> relative = Set.of(PacketPrinter.Option.RELATIVE_SEQUENCE_NUMBERS);
        assertFlags("relative", List.of(), Verbosity.NORMAL, relative, RawDump.NONE);
        assertFlags("relative -v -x", List.of("-v", "-x"), Verbosity.VERBOSE, relative, RawDump.HEX);
        assertFlags("-vv relative", List.of("-vv"), Verbosity.VERY_VERBOSE, relative, RawDump.NONE);
        assertEquals(new PrinterFlags(List.of("-M", "relative"), Verbosity.NORMAL, Set.of(), RawDump.NONE, null,
            "relative"), PrinterFlags.of("-M relative"));
    }

    @Test
    void rejectsWhatItCannotMap() {
        for (String flagSet : new String[] {"-M", "-E", "-V", "-ex", "-xxx", "-vvvvvv", "-vvv -vvv", "-t", "-n", "x", "-S", "relatives", "-q -v", "-T", "-T nosuch",
                "-T -v"}) {
            assertThrows(IllegalArgumentException.class, () -> PrinterFlags.of(flagSet), flagSet);
        }
    }

    @Test
    void aTypoFailsBeforeAnyComparison() {
        // the unknown flag comes last: nothing is compared (nor tcpdump run) for the sets before it
        assertThrows(IllegalArgumentException.class,
            () -> TcpdumpOracle.assertPrintsAsTcpdumpWith(null, List.of(), "-x", "-v", "-e -vx"));
    }
}
