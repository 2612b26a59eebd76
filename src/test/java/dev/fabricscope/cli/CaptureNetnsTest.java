package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fabricscope.testing.Oracles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live capture on two real interfaces: network namespaces A and B joined by two veth pairs
 * (10.77.1.0/24 and 10.77.2.0/24), fabricscope capturing in A on both A-side ends into one pcapng,
 * traffic sent from B. Needs root, iproute2 and libpcap (CI has them); the namespaces are ours and are
 * removed afterwards, and no packet leaves them.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CaptureNetnsTest {
    private final String a = "fsA" + ProcessHandle.current().pid();
    private final String b = "fsB" + ProcessHandle.current().pid();

    @TempDir
    Path tmp;

    private static void ok(String... command) {
        Oracles.Run r = Oracles.run(command);
        assertEquals(0, r.exitCode(), String.join(" ", command) + ": " + r.err());
    }

    @BeforeEach
    void namespaces() {
        Oracles.requireRootAndLibpcap();
        Oracles.requireTool("ip", "iproute2");
        Oracles.requireTool("python3", "python3");
        assumeTrue(Oracles.run("ip", "netns", "add", a).exitCode() == 0, "cannot create network namespaces here");
        ok("ip", "netns", "add", b);
        for (int i = 1; i <= 2; i++) {
            ok("ip", "link", "add", "fsa" + i, "netns", a, "type", "veth", "peer", "name", "fsb" + i, "netns", b);
            ok("ip", "-n", a, "addr", "add", "10.77." + i + ".1/24", "dev", "fsa" + i);
            ok("ip", "-n", b, "addr", "add", "10.77." + i + ".2/24", "dev", "fsb" + i);
            ok("ip", "-n", a, "link", "set", "fsa" + i, "up");
            ok("ip", "-n", b, "link", "set", "fsb" + i, "up");
        }
    }

    @AfterEach
    void remove() {
        Oracles.run("ip", "netns", "del", a);
        Oracles.run("ip", "netns", "del", b);
    }

    /** Sends {@code count} UDP datagrams from B to {@code address}:5555. */
    private void sendFromB(String address, int count) {
        sendFrom(b, address, count);
    }

    private static void sendFrom(String namespace, String address, int count) {
        ok("ip", "netns", "exec", namespace, "python3", "-c", "import socket\n"
            + "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
            + "for i in range(" + count + "): s.sendto(b'fabric%d' % i, ('" + address + "', 5555))\n");
    }

    /**
     * Starts {@code fabricscope capture ARGS} in namespace A, stderr to {@code err}, and waits until it listens on
     * {@code interfaces} interfaces (then a little more, for the kernel side of the handles).
     */
    private Process captureInA(Path err, int interfaces, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", a));
        List<String> capture = new ArrayList<>(List.of("capture"));
        capture.addAll(List.of(args));
        cmd.addAll(Oracles.fabricscopeCommand(capture.toArray(String[]::new)));
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(tmp.resolve("o").toFile()).start();
        for (int i = 0; i < 300 && Files.readString(err).lines().filter(l -> l.startsWith("listening on")).count()
                < interfaces; i++) {
            assertTrue(p.isAlive(), Files.readString(err));
            Thread.sleep(100);
        }
        Thread.sleep(300);
        return p;
    }

    @Test
    void twoInterfacesGoToOnePcapngEachPacketOnItsOwnInterface() throws Exception {
        Oracles.requireTshark();
        Path out = tmp.resolve("two.pcapng");
        Path err = tmp.resolve("err.txt");
        Process p = captureInA(err, 2, "-i", "fsa1", "-i", "fsa2", "-w", out.toString(), "udp", "dst", "port", "5555");
        sendFromB("10.77.1.1", 3);
        sendFromB("10.77.2.1", 5);
        Thread.sleep(500);
        p.destroy();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String stderr = Files.readString(err);
        assertEquals(0, p.exitValue(), stderr);
        assertTrue(stderr.contains("\n8 packets captured\n"), stderr);
        Oracles.Run r = Oracles.run("tshark", "-r", out.toString(), "-T", "fields", "-e", "frame.interface_name",
            "-e", "ip.dst", "-e", "udp.dstport");
        assertEquals(0, r.exitCode(), r.err());
        List<String> rows = r.out().lines().sorted().toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) expected.add("fsa1\t10.77.1.1\t5555");
        for (int i = 0; i < 5; i++) expected.add("fsa2\t10.77.2.1\t5555");
        assertEquals(expected, rows);
    }

    @Test
    void pcapOnOneInterfaceAsTcpdumpWouldWrite() throws Exception {
        Oracles.requireTcpdump();
        Path out = tmp.resolve("one.pcap");
        Path err = tmp.resolve("err.txt");
        Process p = captureInA(err, 1, "-i", "fsa1", "-c", "4", "-p", "-w", out.toString(), "udp", "dst", "port", "5555");
        sendFromB("10.77.1.1", 6);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "-c 4 did not end the capture");
        assertEquals(0, p.exitValue(), Files.readString(err));
        Oracles.Run r = Oracles.run("tcpdump", "-n", "-r", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("link-type EN10MB"), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.out());
        assertTrue(lines.stream().allMatch(l -> l.contains("10.77.1.2.") && l.contains("> 10.77.1.1.5555: UDP, length 7")),
            r.out());
    }

    /** -Q in / -Q out: only what the interface received, or only what it sent (pcap_setdirection). */
    @Test
    void directionKeepsOnlyReceivedOrSentPackets() throws Exception {
        Oracles.requireTcpdump();
        for (String direction : List.of("in", "out")) {
            Path out = tmp.resolve(direction + ".pcap");
            Path err = tmp.resolve(direction + ".err");
            Process p = captureInA(err, 1, "-i", "fsa1", "-Q", direction, "-w", out.toString(), "udp", "port", "5555");
            sendFromB("10.77.1.1", 3);       // received by fsa1
            sendFrom(a, "10.77.1.2", 2);     // sent by fsa1
            Thread.sleep(500);
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), Files.readString(err));
            Oracles.Run r = Oracles.run("tcpdump", "-n", "-r", out.toString());
            assertEquals(0, r.exitCode(), r.err());
            List<String> lines = r.out().lines().toList();
            String dst = direction.equals("in") ? "> 10.77.1.1.5555:" : "> 10.77.1.2.5555:";
            assertEquals(direction.equals("in") ? 3 : 2, lines.size(), direction + ": " + r.out());
            assertTrue(lines.stream().allMatch(l -> l.contains(dst)), direction + ": " + r.out());
        }
    }

    /** --nano live: libpcap is asked for nanosecond stamps (tcpdump --nano), so they are not whole microseconds. */
    @Test
    void nanosecondStampsLive() throws Exception {
        Oracles.requireTcpdump();
        Path out = tmp.resolve("nano.pcap");
        Path err = tmp.resolve("nano.err");
        Process p = captureInA(err, 1, "-i", "fsa1", "--nano", "-c", "5", "-w", out.toString(), "udp", "port", "5555");
        sendFromB("10.77.1.1", 5);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "-c 5 did not end the capture");
        assertEquals(0, p.exitValue(), Files.readString(err));
        Oracles.Run r = Oracles.run("tcpdump", "-n", "--nano", "-tt", "-r", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> fractions = r.out().lines().map(l -> l.substring(l.indexOf('.') + 1, l.indexOf(' '))).toList();
        assertEquals(5, fractions.size(), r.out());
        assertTrue(fractions.stream().allMatch(f -> f.length() == 9), r.out());
        assertTrue(fractions.stream().anyMatch(f -> !f.endsWith("000")), "nanosecond stamps: " + r.out());
    }
}
