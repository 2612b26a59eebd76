package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fabricscope.lacp.LacpCapture;
import dev.fabricscope.lacp.LacpScenarios;
import dev.fabricscope.testing.Oracles;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code fabricscope lacp health} on captures built for one fault each ({@link LacpScenarios}, written with our
 * pcapng writer, one interface per link): exactly the intended faults, on the intended link, and nothing on
 * healthy LAGs; plus the real LACP.pcap.
 */
class LacpHealthCommandTest {
    private static final Pattern FAULT = Pattern.compile("\"type\":\"fault\",\"fault\":\"(\\w+)\",\"severity\":\"\\w+\",\"interface\":\"([^\"]*)\"");

    @TempDir
    Path tmp;

    private CliRun run(LacpCapture cap, String... args) throws Exception {
        Path f = cap.write(tmp.resolve("c.pcapng"));
        String[] all = new String[args.length + 4];
        all[0] = "lacp";
        all[1] = "health";
        all[2] = "-r";
        all[3] = f.toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return CliRun.of(all);
    }

    /** "fault@interface" of every fault object, in output order. */
    private static List<String> faults(String json) {
        return json.lines().map(FAULT::matcher).filter(Matcher::find).map(m -> m.group(1) + "@" + m.group(2)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "split_lag;        split_lag@eth1;                                3",
        "crossed_lag;      crossed_lag@eth1;                              3",
        "looped;           looped@eth1;                                   3",
        "unidirectional;   unidirectional@eth1;                           3",
        "partner_timeout;  partner_timeout@eth1 partner_timeout@eth1;     3",
        "timeout_mismatch; timeout_mismatch@eth0;                         0",
        "slow_sender;      timeout_mismatch@eth0;                         0",
        "passive_passive;  passive_passive@eth1;                          3",
        "churn;            churn@eth0;                                    3",
        "individual;       individual@eth0;                               3",
        "not_synchronized; not_synchronized@eth0;                         3",
        "expired;          expired@eth0;                                  3",
        "defaulted;        defaulted@eth0;                                3",
        "malformed;        malformed@eth0;                                3",
    })
    void eachFaultCaptureReportsExactlyItsFault(String scenario, String expected, int exit) throws Exception {
        CliRun r = run(LacpScenarios.build(scenario), "--json");
        assertEquals(exit, r.exitCode(), r.err() + r.out());
        assertEquals(List.of(expected.trim().split(" ")), faults(r.out()), r.out());
    }

    /**
     * A switch mirroring every link of the LAG into one ERSPAN session: all the PDUs arrive on one capture interface,
     * inside ERSPAN. With --decap the diagnosis is the one of the capture with an interface per link (links are then
     * told apart by MAC pair): the same faults, no false ones, the same exit status.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"healthy", "split_lag", "crossed_lag", "looped", "unidirectional", "partner_timeout", "timeout_mismatch",
        "slow_sender", "passive_passive", "churn", "individual", "not_synchronized", "expired", "defaulted", "malformed",
        "one_sided"})
    void anErspanMirrorOfAllLinksOnOneInterfaceGivesTheSameDiagnosis(String scenario) throws Exception {
        Path perLink = LacpScenarios.build(scenario).write(tmp.resolve("per-link.pcapng"));
        Path mirrored = DecapTest.wrap(perLink, DecapTest::erspanIII, dev.fabricscope.capture.LinkType.EN10MB,
            tmp.resolve("mirrored.pcap"));
        CliRun expected = CliRun.of("lacp", "health", "-r", perLink.toString(), "--json");
        CliRun decapped = CliRun.of("lacp", "health", "-r", mirrored.toString(), "--json", "--decap");
        assertEquals(expected.exitCode(), decapped.exitCode(), decapped.err() + decapped.out());
        assertEquals(kinds(faults(expected.out())), kinds(faults(decapped.out())), decapped.out());
        assertEquals(verdict(expected.out()), verdict(decapped.out()));
        assertEquals(List.of(), faults(CliRun.of("lacp", "health", "-r", mirrored.toString(), "--json").out()),
            "without --decap the mirror holds no LACPDU");
    }

    private static List<String> kinds(List<String> faults) {
        return faults.stream().map(f -> f.substring(0, f.indexOf('@'))).toList();
    }

    /** The summary object's counts and verdict (link names differ: interfaces there, MAC pairs here). */
    private static String verdict(String json) {
        return json.lines().filter(l -> l.contains("\"type\":\"summary\"")).findFirst().orElseThrow(() -> new AssertionError(json));
    }

    @Test
    void unidirectionalEvidenceNamesTheSilentEndAndTheSender() throws Exception {
        CliRun r = run(LacpScenarios.build("unidirectional"));
        String line = r.out().lines().filter(l -> l.contains("unidirectional on eth1")).findFirst().orElseThrow(() -> new AssertionError(r.out()));
        // B's last PDU is at 19.5 s (frames at whole and half seconds from 2026-01-01T00:00:00Z)
        assertTrue(line.startsWith("  2026-01-01T00:00:19.500Z unidirectional on eth1: no PDU from 02:00:00:00:0b:00 port 102"), line);
        assertTrue(line.contains("while it sent"), line);
    }

    @Test
    void malformedCarriesTheParsersReason() throws Exception {
        CliRun r = run(LacpScenarios.build("malformed"));
        // a single-interface capture names links by MAC pair; the reason is the parser's (Actor TLV length at frame offset 16)
        assertTrue(r.out().contains("  2026-01-01T00:00:05.250Z malformed on 02:00:00:00:0a:01 <-> 02:00:00:00:0b:01: frame 12: "
            + "Actor TLV length 18"), r.out());
    }

    @ParameterizedTest(name = "{0} links, fast={1}, {2} s")
    @CsvSource({"2, true, 120", "8, true, 120", "2, false, 1800", "8, false, 1800", "4, true, 1800"})
    void healthyLagsReportNoFault(int links, boolean fast, int seconds) throws Exception {
        CliRun r = run(LacpScenarios.healthyLag(links, seconds, fast), "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of(), faults(r.out()), r.out());
        assertEquals(2L * links, r.out().lines().filter(l -> l.contains("\"type\":\"link\"")
            && l.contains("\"collecting_distributing\":true") && l.contains("\"partner_heard\":true")).count(), r.out());
        assertTrue(r.out().contains("\"lag_sides\":2,"), r.out());
    }

    @Test
    void healthyTextReportShowsBothSidesAndVerdict() throws Exception {
        CliRun r = run(LacpScenarios.healthyLag(2, 10, true));
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("LAG 02:00:00:00:0a:00 key 10: 2 links, 2 collecting+distributing"), r.out());
        assertTrue(r.out().contains("LAG 02:00:00:00:0b:00 key 20: 2 links, 2 collecting+distributing"), r.out());
        assertTrue(r.out().contains("  eth0: port 1 [Activity, Timeout, Aggregation, Synchronization, Collecting, Distributing], "
            + "partner 02:00:00:00:0b:00 key 20 port 101, carrying traffic"), r.out());
        assertTrue(r.out().contains("Faults: none"), r.out());
        assertTrue(r.out().contains("Verdict: healthy: 2 LAG sides, 4 ports, 4 carrying traffic at the end; 0 faults, 0 warnings"), r.out());
    }

    @Test
    void oneSidedCaptureSaysWhatCanAndCannotBeConcluded() throws Exception {
        CliRun r = run(LacpScenarios.build("one_sided"));
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(r.out().contains("Only one end captured on 2 links:"), r.out());
        assertTrue(r.out().contains("eth0: only 02:00:00:00:0a:00 port 1's PDUs; by its own state it receives its partner's PDUs"), r.out());
        assertTrue(r.out().contains("Cannot conclude:"), r.out());
        assertTrue(r.out().contains("Faults: none"), r.out());
        CliRun j = run(LacpScenarios.build("one_sided"), "--json");
        assertTrue(j.out().contains("\"one_sided\":true"), j.out());
    }

    /**
     * LACP.pcap (lacp-ev.out): one link, both ends, single-interface pcap. Frames 1-3: 00:13:c4:12:0f:00 port 22 is
     * Expired; frames 4-8 (04:02:18.675985 to 04:03:31.389243, 72.7 s) it is Defaulted with an all-zero partner:
     * it hears nothing, and no PDU of the partner is in the capture before frame 9 (04:03:35). From frame 16 it is
     * in sync again and frames 17-20 show both ends Collecting and Distributing with the same slow timeout. So:
     * exactly one fault, defaulted, since frame 4; both ends carry traffic at the end.
     */
    @Test
    void sharedLacpPcapShowsTheLongDefaultedStartThenRecovery() {
        Path pcap = Oracles.sharedCapture("lacp/LACP.pcap");
        CliRun j = CliRun.of("lacp", "health", "-r", pcap.toString(), "--json");
        assertEquals(3, j.exitCode(), j.err());
        assertEquals(List.of("defaulted@"), faults(j.out()), j.out());
        String fault = j.out().lines().filter(l -> l.contains("\"fault\":\"defaulted\"")).findFirst().orElseThrow();
        assertTrue(fault.contains("\"link\":\"00:13:c4:12:0f:0d <-> 00:0e:83:16:f5:10\""), fault);
        assertTrue(fault.contains("\"actor_system\":\"00:13:c4:12:0f:00\",\"actor_key\":13"), fault);
        assertTrue(fault.contains("\"since\":\"2009-11-15T04:02:18.675985Z\""), fault);
        assertEquals(2, j.out().lines().filter(l -> l.contains("\"type\":\"link\"") && l.contains("\"collecting_distributing\":true")).count(), j.out());
        assertTrue(j.out().contains("\"pdus\":20,"), j.out());
    }

    /** lacp-ev.out: frame 3 actor state [Activity, Aggregation, Expired] (0x85), frame 4 [.., Synchronization, Default] (0x4d). */
    @Test
    void timelineShowsStateChangesInTimeOrder() {
        Path pcap = Oracles.sharedCapture("lacp/LACP.pcap");
        CliRun r = CliRun.of("lacp", "health", "-r", pcap.toString(), "--timeline");
        assertTrue(r.out().contains("  2009-11-15T04:02:18.675985Z frame 4 00:13:c4:12:0f:00 port 22: [Activity, Aggregation, Expired]"
            + " -> [Activity, Aggregation, Synchronization, Defaulted]\n"), r.out());
        CliRun j = CliRun.of("lacp", "health", "-r", pcap.toString(), "--timeline", "--json");
        // one change per frame whose actor state differs from the same port's previous one: frames 1, 4, 5, 9, 10,
        // 11, 12, 15, 16, 17, 18 (from lacp-ev.out's State Flags lines)
        assertEquals(11, j.out().lines().filter(l -> l.contains("\"type\":\"state_change\"")).count(), j.out());
        assertTrue(j.out().contains("\"time\":\"2009-11-15T04:02:18.675985Z\",\"frame\":4,\"old_state\":\"0x85\",\"new_state\":\"0x4d\""), j.out());
    }

    @Test
    void usageAndInputErrors() {
        assertEquals(2, CliRun.of("lacp", "health").exitCode());
        CliRun both = CliRun.of("lacp", "health", "-r", "x.pcap", "-i", "eth0");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("not both"), both.err());
        CliRun missing = CliRun.of("lacp", "health", "-r", tmp.resolve("nope.pcap").toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("no such file"), missing.err());
        CliRun help = CliRun.of("lacp", "health", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("Exit status: 0 no fault"), help.out());
    }
}
