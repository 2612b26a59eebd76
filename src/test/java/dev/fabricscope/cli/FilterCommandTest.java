package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fabricscope.libpcap.Libpcap;
import dev.fabricscope.testing.Oracles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fabricscope filter} against tcpdump: printed programs, match counts, bad expressions. */
class FilterCommandTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void needLibpcap() {
        assumeTrue(Libpcap.available(), "libpcap (package libpcap0.8) is not installed");
    }

    @Test
    void badExpressionPrintsLibpcapsMessageAndExits2() {
        CliRun run = CliRun.of("filter", "foo", "bar");
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        // tcpdump -d -r x.pcap 'foo bar' prints "tcpdump: can't parse filter expression: syntax error"
        assertEquals("fabricscope: can't parse filter expression: syntax error\n", run.err());
    }

    @Test
    void printsTheProgramLikeTcpdumpInAllThreeFormats() throws IOException {
        Oracles.tcpdump();
        Path eth = Oracles.emptyPcap(dir, 1, 262144);
        String expr = "vlan && ether[14] & 224 == 32";
        String[][] flags = {{}, {"-d"}, {"-dd"}, {"-ddd"}, {"-d", "-d"}, {"-O"}, {"-O", "-ddd"}};
        for (String[] f : flags) {
            String[] ours = concat(new String[] {"filter"}, f, new String[] {"vlan", "&&", "ether[14]", "&", "224", "==", "32"});
            String[] theirs = concat(f.length == 0 || f[0].equals("-O") && f.length == 1 ? concat(f, new String[] {"-d"}) : f,
                new String[] {"-r", eth.toString(), expr});
            CliRun run = CliRun.of(ours);
            Oracles.Run tcpdump = Oracles.tcpdump(theirs);
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(tcpdump.out(), run.out(), String.join(" ", theirs));
        }
    }

    @Test
    void linkTypeAndSnaplenOptionsMatchTcpdumpOnFilesOfThatType() throws IOException {
        Oracles.tcpdump();
        Path raw = Oracles.emptyPcap(dir, 101, 1500);
        CliRun run = CliRun.of("filter", "-y", "RAW", "-s", "1500", "tcp port 179 && tcp[50] == 1");
        assertEquals(Oracles.tcpdump("-d", "-r", raw.toString(), "tcp port 179 && tcp[50] == 1").out(), run.out());
        Path nul = Oracles.emptyPcap(dir, 0, 262144);
        run = CliRun.of("filter", "-y", "NULL", "ip6");
        assertEquals(Oracles.tcpdump("-d", "-r", nul.toString(), "ip6").out(), run.out());
    }

    @Test
    void unknownLinkTypeIsAUsageError() {
        CliRun run = CliRun.of("filter", "-y", "NOSUCHTYPE", "tcp");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("fabricscope: -y: unknown link type 'NOSUCHTYPE'"), run.err());
    }

    @Test
    void aFileWhoseLinkTypeLibpcapCannotFilterIsARuntimeErrorNamingIt() throws IOException {
        Oracles.tcpdump();
        Path empty = Oracles.emptyPcap(dir, 0xdead, 65535);
        Path onePacket = dir.resolve("linktype-57005-one-packet.pcap");
        byte[] record = {0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 4, 0, 0, 0, 1, 2, 3, 4};   // ts 0, caplen 4, len 4
        Files.write(onePacket, Files.readAllBytes(empty));
        Files.write(onePacket, record, java.nio.file.StandardOpenOption.APPEND);
        Oracles.Run tcpdump = Oracles.tcpdump("-r", onePacket.toString(), "tcp");
        assertEquals(1, tcpdump.exitCode(), tcpdump.err());
        // tcpdump: "unknown data link type 57005 (min ..., max ...)", libpcap's words
        String reason = tcpdump.err().lines().filter(l -> l.startsWith("tcpdump: ")).findFirst().orElseThrow()
            .substring("tcpdump: ".length());
        for (Path file : new Path[] {empty, onePacket}) {
            String f = file.toString();
            String[][] commands = {{"filter", "-r", f, "tcp"}, {"capture", "-n", "-r", f, "tcp"},
                {"capture", "-d", "-r", f}, {"rdma", "decode", "-r", f, "udp"}};
            for (String[] command : commands) {
                CliRun run = CliRun.of(command);
                assertEquals(1, run.exitCode(), String.join(" ", command) + ": " + run.err());
                assertTrue(run.err().endsWith("fabricscope: " + f + ": " + reason + "\n"), run.err());
            }
        }
        // the expression's own fault, on a file libpcap can filter, stays a usage error
        CliRun bad = CliRun.of("filter", "-r", Oracles.emptyPcap(dir, 1, 65535).toString(), "tcp", "and");
        assertEquals(2, bad.exitCode(), bad.err());
        assertEquals("fabricscope: can't parse filter expression: syntax error\n", bad.err());
    }

    @Test
    void countsMatchesInAFileAsTcpdumpDoes() throws IOException {
        String shared = System.getProperty("fabricscope.shared");
        assumeTrue(shared != null, "fabricscope.shared is not set");
        Path lacp = Path.of(shared, "captures/lacp/LACP.pcap");
        assumeTrue(Files.exists(lacp), lacp + " is missing");
        Oracles.tcpdump();
        for (String expr : new String[] {"ether proto 0x8809", "vlan", "ether[14] = 1", "len > 120", "not ether proto 0x8809"}) {
            CliRun run = CliRun.of("filter", "-r", lacp.toString(), expr);
            assertEquals(0, run.exitCode(), run.err());
            // tcpdump prints one line per packet here (LACP/Ethernet without -v)
            long lines = Oracles.tcpdump("-r", lacp.toString(), "--", expr).out().lines().count();
            long total = Oracles.tcpdump("-r", lacp.toString()).out().lines().count();
            assertEquals(lines + "/" + total + " packets matched\n", run.out(), expr);
        }
    }

    @Test
    void pcapngWithTwoLinkTypesCompilesPerLinkType() throws IOException {
        String shared = System.getProperty("fabricscope.shared");
        assumeTrue(shared != null, "fabricscope.shared is not set");
        Oracles.requireTool("mergecap", "tshark");
        Path eth = Path.of(shared, "captures/rdma/scapy_roce_uts_cnp_connectx4lx.pcap");
        Path raw = Path.of(shared, "captures/rdma/libconntrack-cm_test_cnp_expected.rawip.pcap");
        assumeTrue(Files.exists(eth) && Files.exists(raw), "shared RDMA captures missing");
        Path merged = dir.resolve("eth-and-raw.pcapng");
        // one pcapng, one IDB per input (Ethernet, raw IP); tcpdump cannot read mixed link types, so the
        // expected count is tcpdump's on each input
        Oracles.Run m = Oracles.run("mergecap", "-F", "pcapng", "-w", merged.toString(), eth.toString(), raw.toString());
        assertEquals(0, m.exitCode(), m.err());
        for (String expr : new String[] {"udp dst port 4791", "ip", "ip[1] & 0xfc == 40"}) {
            long expected = 0;
            long total = 0;
            for (Path p : new Path[] {eth, raw}) {
                expected += Oracles.tcpdump("-r", p.toString(), "--", expr).out().lines().count();
                total += Oracles.tcpdump("-r", p.toString()).out().lines().count();
            }
            CliRun run = CliRun.of("filter", "-r", merged.toString(), expr);
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(expected + "/" + total + " packets matched\n", run.out(), expr);
        }
    }

    @Test
    void missingFileIsARuntimeError() {
        CliRun run = CliRun.of("filter", "-r", dir.resolve("nope.pcap").toString(), "tcp");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("fabricscope: ") && run.err().contains("nope.pcap"), run.err());
    }

    @Test
    void helpDescribesOptionsExamplesAndExitStatus() {
        CliRun run = CliRun.of("filter", "--help");
        assertEquals(0, run.exitCode());
        for (String s : new String[] {"Usage: fabricscope filter", "-ddd", "-y", "-s", "-O", "-r", "Examples:", "Exit status"}) {
            assertTrue(run.out().contains(s), s + " missing from\n" + run.out());
        }
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
