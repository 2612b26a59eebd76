package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fabricscope.cli.GoFlagsOracle.GoRun;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every syntax form and error of Go's flag package, checked against what Go itself printed for the same
 * command lines ({@link GoFlagsOracle}): values, remaining arguments, messages, usage text, exit status.
 */
class GoFlagsTest {
    /** The outcome of a run as a Go program with ExitOnError shows it: exit, stdout, stderr. */
    private record Shown(int exit, String stdout, String stderr) { }

    static Stream<GoRun> runs() {
        return GoFlagsOracle.RUNS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void behavesAsGo(GoRun go) {
        Shown ours = go.program().equals("gotypes") ? runTypes(go.args()) : runSmcClcFlags(go.args());
        assertEquals(new Shown(go.exit(), go.stdout(), go.stderr()), ours);
    }

    private static Shown runTypes(List<String> args) {
        GoFlags flags = new GoFlags("gotypes");
        GoFlags.BoolFlag b = flags.boolFlag("b", false, "a one-letter boolean");
        GoFlags.IntFlag n = flags.intFlag("n", 7, "an int");
        GoFlags.UintFlag u = flags.uintFlag("u", 0, "a uint");
        GoFlags.StringFlag s = flags.stringFlag("s", "x \"y\"", "a string\nover two lines");
        GoFlags.BoolFlag verbose = flags.boolFlag("verbose", true, "a `long` boolean with a name");
        return shown(flags, flags.parse(args), rest -> "b=" + b.value() + " n=" + n.value() + " u="
            + Long.toUnsignedString(u.value()) + " s=" + GoStrconv.quote(s.value()) + " verbose=" + verbose.value()
            + " rest=" + quoted(rest) + "\n");
    }

    private static Shown runSmcClcFlags(List<String> args) {
        SmcClcCommand.Flags f = new SmcClcCommand.Flags();
        return shown(f.set, f.set.parse(args), rest -> "f=" + GoStrconv.quote(f.file.value())
            + " i=" + GoStrconv.quote(f.device.value()) + " promisc=" + f.promisc.value()
            + " snaplen=" + f.snaplen.value() + " timeout=" + f.timeout.value() + " maxpkts=" + f.maxPackets.value()
            + " maxtime=" + f.maxSeconds.value() + " filter=" + GoStrconv.quote(f.filter.value())
            + " reserved=" + f.showReserved.value() + " ts=" + f.showTimestamps.value() + " hex=" + f.showHex.value()
            + " http=" + GoStrconv.quote(f.http.value()) + " json=" + f.json.value() + " v=" + f.verbose.value()
            + " w=" + GoStrconv.quote(f.write.value()) + " decap=" + f.decap.value()
            + " vxlanport=" + GoStrconv.quote(f.vxlanPort.value()) + " rest=" + quoted(rest) + "\n");
    }

    private static Shown shown(GoFlags flags, GoFlags.Outcome outcome,
                               java.util.function.Function<List<String>, String> print) {
        return switch (outcome) {
            case GoFlags.Parsed p -> new Shown(0, print.apply(p.remaining()), "");
            case GoFlags.Help h -> new Shown(0, "", flags.usage());
            case GoFlags.Failed f -> new Shown(2, "", f.message() + "\n" + flags.usage());
        };
    }

    /** fmt's %q of a []string: ["a" "b"]. */
    private static String quoted(List<String> list) {
        return list.stream().map(GoStrconv::quote).collect(Collectors.joining(" ", "[", "]"));
    }

    @Test
    void isSetTellsGivenFlagsFromDefaults() {
        GoFlags flags = new GoFlags("t");
        GoFlags.BoolFlag given = flags.boolFlag("given", true, "");
        GoFlags.BoolFlag absent = flags.boolFlag("absent", true, "");
        assertInstanceOf(GoFlags.Parsed.class, flags.parse(List.of("-given=true")));
        assertTrue(given.isSet());
        assertFalse(absent.isSet());
    }

    @Test
    void definingABadOrDuplicateNameIsAProgrammingError() {
        GoFlags flags = new GoFlags("t");
        flags.boolFlag("a", false, "");
        assertThrows(IllegalArgumentException.class, () -> flags.boolFlag("a", false, ""));
        assertThrows(IllegalArgumentException.class, () -> flags.boolFlag("-b", false, ""));
        assertThrows(IllegalArgumentException.class, () -> flags.boolFlag("b=c", false, ""));
    }

    @Test
    void aDefinedHelpFlagIsAnOrdinaryFlag() {
        // Go: -h is special only when no flag "h" is defined (parseOne looks the name up first)
        GoFlags flags = new GoFlags("t");
        GoFlags.StringFlag h = flags.stringFlag("h", "", "host");
        assertInstanceOf(GoFlags.Parsed.class, flags.parse(List.of("-h", "example")));
        assertEquals("example", h.value());
    }
}
