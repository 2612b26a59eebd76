package dev.fabricscope.cli;

import static dev.fabricscope.testing.ByteArrays.concat;
import static dev.fabricscope.testing.ByteArrays.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fabricscope.libpcap.LiveCapture;
import dev.fabricscope.testing.Oracles;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live capture on the loopback interface in a real fabricscope process (root and libpcap needed; CI has
 * both). Traffic is made with Java sockets to 127.0.0.1 on a port chosen per test; tcpdump reads back
 * what we wrote.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CaptureCommandLiveTest {
    @TempDir
    Path tmp;

    private static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void send(int port, int count, String text) throws IOException {
        try (DatagramSocket s = new DatagramSocket()) {
            for (int i = 0; i < count; i++) {
                byte[] data = (text + i).getBytes(StandardCharsets.US_ASCII);
                s.send(new DatagramPacket(data, data.length, InetAddress.getLoopbackAddress(), port));
            }
        }
    }

    private Process start(Path err, String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Oracles.fabricscopeCommand(args));
        pb.redirectError(err.toFile()).redirectOutput(tmp.resolve("stdout.txt").toFile());
        return pb.start();
    }

    /** Waits until every interface reports "listening on", so traffic sent afterwards is seen. */
    private static void awaitListening(Path err, int interfaces, Process p) throws Exception {
        for (int i = 0; i < 300; i++) {
            String text = Files.exists(err) ? Files.readString(err) : "";
            if (text.lines().filter(l -> l.startsWith("listening on ")).count() >= interfaces) {
                Thread.sleep(300); // the handles are active before the line is printed; leave a margin
                return;
            }
            if (!p.isAlive()) throw new AssertionError("capture exited early: " + text);
            Thread.sleep(100);
        }
        throw new AssertionError("capture did not start: " + Files.readString(err));
    }

    private static List<String> tcpdumpLines(Path file) throws Exception {
        Oracles.Run r = Oracles.run("tcpdump", "-n", "-r", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        return r.out().lines().toList();
    }

    @Test
    void countLimitEndsTheCaptureWithTcpdumpStyleStatistics() throws Exception {
        Oracles.requireRootAndLibpcap();
        Oracles.requireTcpdump();
        int port = freePort();
        Path out = tmp.resolve("lo.pcap");
        Path err = tmp.resolve("err.txt");
        Process p = start(err, "capture", "-i", "lo", "-c", "5", "-w", out.toString(), "udp", "dst", "port",
            String.valueOf(port));
        awaitListening(err, 1, p);
        send(port, 8, "count");
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "capture did not stop after -c 5");
        String stderr = Files.readString(err);
        assertEquals(0, p.exitValue(), stderr);
        assertTrue(stderr.contains("\n5 packets captured\n"), stderr);
        assertTrue(stderr.lines().anyMatch(l -> l.matches("\\d+ packets? received by filter")), stderr);
        assertTrue(stderr.lines().anyMatch(l -> l.matches("\\d+ packets? dropped by kernel")), stderr);
        List<String> lines = tcpdumpLines(out);
        assertEquals(5, lines.size(), String.join("\n", lines));
        assertTrue(lines.stream().allMatch(l -> l.contains("127.0.0.1." + port + ": UDP, length 6")), lines.toString());
    }

    @Test
    void sigintStopsCleanlyFlushesAndExitsZero() throws Exception {
        Oracles.requireRootAndLibpcap();
        Oracles.requireTcpdump();
        int port = freePort();
        Path out = tmp.resolve("int.pcap");
        Path err = tmp.resolve("err.txt");
        Process p = start(err, "capture", "-i", "lo", "-w", out.toString(), "udp", "dst", "port",
            String.valueOf(port));
        awaitListening(err, 1, p);
        send(port, 3, "sigint");
        Thread.sleep(500);
        assertEquals(0, Oracles.run("kill", "-INT", String.valueOf(p.pid())).exitCode());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "capture ignored SIGINT");
        String stderr = Files.readString(err);
        assertEquals(0, p.exitValue(), stderr);
        assertTrue(stderr.contains("\n3 packets captured\n"), stderr);
        assertEquals(3, tcpdumpLines(out).size());
    }

    /** `cmd & pid=$!; ...; kill -INT $pid` in a script: the job starts with SIGINT ignored, tcpdump stops anyway. */
    @Test
    void sigintStopsABackgroundJobOfAScript() throws Exception {
        Oracles.requireRootAndLibpcap();
        Oracles.requireTcpdump();
        int port = freePort();
        Path out = tmp.resolve("bg.pcap");
        Path err = tmp.resolve("err.txt");
        String command = String.join(" ", Oracles.fabricscopeCommand("capture", "-i", "lo", "-w", out.toString(),
            "udp", "dst", "port", String.valueOf(port)).stream().map(a -> "'" + a + "'").toList());
        String script = command + " 2>" + err + " & pid=$!\n"
            + "for i in $(seq 100); do grep -q 'listening on' " + err + " 2>/dev/null && break; sleep 0.1; done\n"
            + "sleep 0.3; python3 -c \"import socket\nfor i in range(3): socket.socket(socket.AF_INET, socket.SOCK_DGRAM)"
            + ".sendto(b'bg', ('127.0.0.1', " + port + "))\"\n"
            + "sleep 0.5; kill -INT $pid; wait $pid; echo exit=$?\n";
        Oracles.requireTool("python3", "python3");
        Oracles.Run r = Oracles.run("bash", "-c", script);
        assertTrue(r.out().contains("exit=0"), r.out() + Files.readString(err));
        assertTrue(Files.readString(err).contains("\n3 packets captured\n"), Files.readString(err));
        assertEquals(3, tcpdumpLines(out).size());
    }

    @Test
    void sigtermAlsoStopsCleanly() throws Exception {
        Oracles.requireRootAndLibpcap();
        Oracles.requireTcpdump();
        int port = freePort();
        Path out = tmp.resolve("term.pcap");
        Path err = tmp.resolve("err.txt");
        Process p = start(err, "capture", "-i", "lo", "-w", out.toString(), "udp", "dst", "port",
            String.valueOf(port));
        awaitListening(err, 1, p);
        send(port, 2, "sigterm");
        Thread.sleep(500);
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "capture ignored SIGTERM");
        assertEquals(0, p.exitValue(), Files.readString(err));
        assertEquals(2, tcpdumpLines(out).size());
    }

    @Test
    void severalInterfacesGoToOnePcapngWithOneInterfaceBlockEach() throws Exception {
        Oracles.requireRootAndLibpcap();
        Oracles.requireTshark();
        int port = freePort();
        Path out = tmp.resolve("multi.pcapng");
        Path err = tmp.resolve("err.txt");
        Process p = start(err, "capture", "-i", "lo", "-i", "any", "-w", out.toString(), "udp", "dst", "port",
            String.valueOf(port));
        awaitListening(err, 2, p);
        send(port, 4, "multi");
        Thread.sleep(800);
        p.destroy();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(err));
        Oracles.Run r = Oracles.run("tshark", "-r", out.toString(), "-T", "fields", "-e", "frame.interface_name",
            "-e", "udp.dstport");
        assertEquals(0, r.exitCode(), r.err());
        List<String> rows = r.out().lines().toList();
        long onLo = rows.stream().filter(l -> l.equals("lo\t" + port)).count();
        long onAny = rows.stream().filter(l -> l.equals("any\t" + port)).count();
        assertTrue(onLo >= 4 && onAny >= 4, "per-interface rows: " + rows);
    }

    @Test
    void printedLinesOfSeveralInterfacesNameTheirInterface() throws Exception {
        Oracles.requireRootAndLibpcap();
        for (boolean json : new boolean[] {false, true}) {
            int port = freePort();
            Path err = tmp.resolve("err-" + json + ".txt");
            List<String> args = new java.util.ArrayList<>(List.of("capture", "-i", "lo", "-i", "any", "-c", "4"));
            if (json) args.add("--json");
            args.addAll(List.of("udp", "dst", "port", String.valueOf(port)));
            Process p = start(err, args.toArray(String[]::new));
            awaitListening(err, 2, p);
            send(port, 4, "lines");
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "-c 4 did not stop the capture");
            assertEquals(0, p.exitValue(), Files.readString(err));
            List<String> lines = Files.readAllLines(tmp.resolve("stdout.txt"));
            assertEquals(4, lines.size(), lines.toString());
            for (String line : lines) {
                boolean named = json
                    ? line.contains("\"interface\":\"lo\"") || line.contains("\"interface\":\"any\"")
                    : line.startsWith("lo ") || line.startsWith("any ");
                assertTrue(named && line.contains(String.valueOf(port)), line);
            }
        }
    }

    /**
     * -E on two interfaces (lo and any, so each packet is seen twice): the secrets' warning once, as tcpdump parses
     * them once, and every line, of either interface, with the ESP-in-UDP payload decrypted.
     */
    @Test
    void espSecretsOfSeveralInterfacesWarnOnceAndDecryptOnEach() throws Exception {
        Oracles.requireRootAndLibpcap();
        byte[] key = hex("000102030405060708090a0b0c0d0e0f");
        byte[] iv = hex("f0e0d0c0b0a090807060504030201000");
        byte[] udp = concat(hex("1388 0009 000c 0000"), "four".getBytes(StandardCharsets.US_ASCII));
        byte[] inner = concat(hex("4500 0020 0007 4000 3f11 0000 c0a80101 c0a80202"), udp);
        byte[] plain = concat(inner, hex("0102030405060708090a0b0c0d0e 0e04"));   // padding, its length, IPv4
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/CBC/NoPadding");
        c.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
            new javax.crypto.spec.IvParameterSpec(iv));
        byte[] esp = concat(hex("00001000 00000001"), iv, c.doFinal(plain));
        Path err = tmp.resolve("err.txt");
        Process p = start(err, "capture", "-n", "-i", "lo", "-i", "any", "-c", "4", "-E",
            "zz@10.0.0.2 aes128:0x00,aes128:0x000102030405060708090a0b0c0d0e0f", "udp", "dst", "port", "4500");
        awaitListening(err, 2, p);
        try (DatagramSocket s = new DatagramSocket()) {
            for (int i = 0; i < 2; i++) s.send(new DatagramPacket(esp, esp.length, InetAddress.getLoopbackAddress(), 4500));
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "-c 4 did not stop the capture");
        String errText = Files.readString(err);
        assertEquals(0, p.exitValue(), errText);
        List<String> lines = Files.readAllLines(tmp.resolve("stdout.txt"));
        assertEquals(4, lines.size(), lines.toString());
        assertEquals(2, lines.stream().filter(l -> l.startsWith("lo ")).count(), lines.toString());
        for (String line : lines) {
            assertTrue(line.endsWith("ESP(spi=0x00001000,seq=0x1), length 72: IP 192.168.1.1.5000 > 192.168.2.2.9: "
                + "UDP, length 4"), line);
        }
        assertEquals(List.of("fabricscope: WARNING: print_esp: failed to decode spi# zz"),
            errText.lines().filter(l -> l.contains("WARNING")).toList(), errText);
    }

    @Test
    void snaplenCutsPacketsAndBufferSizeIsAccepted() throws Exception {
        Oracles.requireRootAndLibpcap();
        Oracles.requireTshark();
        int port = freePort();
        Path out = tmp.resolve("snap.pcap");
        Path err = tmp.resolve("err.txt");
        Process p = start(err, "capture", "-i", "lo", "-s", "50", "-B", "4096", "-c", "2", "-w", out.toString(),
            "udp", "dst", "port", String.valueOf(port));
        awaitListening(err, 1, p);
        try (DatagramSocket s = new DatagramSocket()) {
            byte[] big = new byte[400];
            for (int i = 0; i < 2; i++) s.send(new DatagramPacket(big, big.length, InetAddress.getLoopbackAddress(), port));
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(err));
        assertTrue(Files.readString(err).contains("snapshot length 50 bytes"), Files.readString(err));
        Oracles.Run r = Oracles.run("tshark", "-r", out.toString(), "-T", "fields", "-e", "frame.cap_len", "-e", "frame.len");
        assertEquals(List.of("50\t442", "50\t442"), r.out().lines().toList()); // 14 + 20 + 8 + 400 on the wire
    }

    @Test
    void listInterfacesPrintsWhatTcpdumpPrints() throws Exception {
        Oracles.requireRootAndLibpcap();
        Oracles.requireTcpdump();
        Oracles.Run t = Oracles.run("tcpdump", "-D");
        CliRun ours = CliRun.of("capture", "-D");
        assertEquals(0, ours.exitCode(), ours.err());
        assertEquals(t.out(), ours.out());
    }

    /** On "any", LINUX_SLL2 as tcpdump 4.99 chooses (libpcap's default is LINUX_SLL); -y picks another. */
    @Test
    void anyCapturesLinuxSll2UnlessDashYSaysOtherwise() throws Exception {
        Oracles.requireRootAndLibpcap();
        Oracles.requireTcpdump();
        for (String dlt : new String[] {null, "LINUX_SLL"}) {
            int port = freePort();
            Path out = tmp.resolve("any-" + dlt + ".pcap");
            Path err = tmp.resolve("any-" + dlt + ".err");
            List<String> args = new java.util.ArrayList<>(List.of("capture", "-i", "any", "-c", "2", "-w", out.toString()));
            if (dlt != null) args.addAll(List.of("-y", dlt));
            args.addAll(List.of("udp", "dst", "port", String.valueOf(port)));
            Process p = start(err, args.toArray(String[]::new));
            awaitListening(err, 1, p);
            send(port, 2, "any");
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "capture did not stop after -c 2");
            String stderr = Files.readString(err);
            assertEquals(0, p.exitValue(), stderr);
            String expected = dlt == null ? "LINUX_SLL2" : "LINUX_SLL";
            assertTrue(stderr.contains("fabricscope: data link type " + expected + "\n"), stderr);
            Oracles.Run r = Oracles.run("tcpdump", "-n", "-r", out.toString());
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.err().contains("link-type " + expected + " "), r.err());
            assertEquals(2, r.out().lines().filter(l -> l.contains("127.0.0.1." + port + ": UDP, length 4")).count(),
                r.out());
        }
    }

    /** -L: the device's link types on stderr, exactly as tcpdump -L lists them. */
    @Test
    void listDatalinksAsTcpdump() throws Exception {
        Oracles.requireRootAndLibpcap();
        Oracles.requireTcpdump();
        for (String device : new String[] {"lo", "any"}) {
            CliRun ours = CliRun.of("capture", "-L", "-i", device);
            Oracles.Run theirs = Oracles.run("tcpdump", "-L", "-i", device);
            assertEquals(0, ours.exitCode(), ours.err());
            assertEquals(theirs.err(), ours.err(), device);
        }
        assertEquals(UserError.USAGE, CliRun.of("capture", "-i", "lo", "-y", "NO_SUCH_TYPE", "-c", "1").exitCode());
    }

    /**
     * -L's heading on a device with a monitor mode (a wireless one, which this machine has not) says which mode the
     * list is for: tcpdump.c's show_dlts_and_exit texts, chosen by pcap_can_set_rfmon, which says no for lo.
     */
    @Test
    void listDatalinksHeadingNamesTheModeOnDevicesThatHaveOne() {
        assertEquals("Data link types for wlan0 when in monitor mode (use option -y to set):",
            CaptureCommand.datalinksHeading("wlan0", true, true));
        assertEquals("Data link types for wlan0 when not in monitor mode (use option -y to set):",
            CaptureCommand.datalinksHeading("wlan0", true, false));
        assertEquals("Data link types for lo (use option -y to set):",
            CaptureCommand.datalinksHeading("lo", false, false));
        Oracles.requireRootAndLibpcap();
        try (LiveCapture lo = LiveCapture.open("lo", 256, false, 100, false, 0)) {
            assertFalse(lo.supportsMonitorMode());
        }
    }

    /** -J: the device's time stamp types on stderr, exactly as tcpdump -J lists them (no activation, any name). */
    @Test
    void listTimestampTypesAsTcpdump() throws Exception {
        Oracles.requireRootAndLibpcap();
        Oracles.requireTcpdump();
        for (String device : new String[] {"lo", "any", "nosuchdev0"}) {
            CliRun ours = CliRun.of("capture", "-J", "-i", device);
            Oracles.Run theirs = Oracles.run("tcpdump", "-J", "-i", device);
            assertEquals(theirs.exitCode(), ours.exitCode(), ours.err());
            assertEquals(theirs.err(), ours.err(), device);
        }
        assertEquals(UserError.USAGE, CliRun.of("capture", "-J", "-r", "x.pcap").exitCode());
    }

    /**
     * -j: a type the device offers captures as usual; one it does not offer gives tcpdump's warning, word for word
     * after the program name, and the capture goes on; an unknown name is a usage error, in tcpdump's words.
     */
    @Test
    void timestampTypeIsSetOrWarnedAboutAsTcpdumpDoes() throws Exception {
        Oracles.requireRootAndLibpcap();
        Oracles.requireTcpdump();
        for (String type : new String[] {"host", "adapter_unsynced"}) {
            int port = freePort();
            Path out = tmp.resolve(type + ".pcap");
            Path err = tmp.resolve(type + ".err");
            Process p = start(err, "capture", "-i", "lo", "-j", type, "-c", "2", "-w", out.toString(), "udp", "dst",
                "port", String.valueOf(port));
            awaitListening(err, 1, p);
            send(port, 3, "tstamp");
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "capture did not stop after -c 2");
            String stderr = Files.readString(err);
            assertEquals(0, p.exitValue(), stderr);
            assertEquals(2, tcpdumpLines(out).size());
            Path tcpdumpOut = tmp.resolve(type + "-tcpdump.pcap");
            Process t = new ProcessBuilder(Oracles.tcpdump(), "-i", "lo", "-j", type, "-c", "1", "-w",
                tcpdumpOut.toString(), "udp", "dst", "port", String.valueOf(port)).redirectErrorStream(true).start();
            Thread.sleep(1500);
            send(port, 1, "tcpdump");
            assertTrue(t.waitFor(30, TimeUnit.SECONDS), "tcpdump did not stop");
            String tcpdumpWarning = new String(t.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("WARNING: When trying to set timestamp type")).findFirst().orElse(null);
            String ourWarning = stderr.lines().filter(l -> l.contains("WARNING: When trying to set timestamp type"))
                .findFirst().orElse(null);
            if (tcpdumpWarning == null) {
                assertEquals(null, ourWarning, stderr);
            } else {
                assertEquals(tcpdumpWarning.replaceFirst("^tcpdump: ", ""), ourWarning.replaceFirst("^fabricscope: ", ""));
            }
        }
        CliRun bad = CliRun.of("capture", "-i", "lo", "-j", "no_such_type", "-c", "1");
        assertEquals(UserError.USAGE, bad.exitCode());
        assertTrue(bad.err().contains("invalid time stamp type no_such_type"), bad.err());
        assertEquals(UserError.USAGE, CliRun.of("capture", "-j", "host", "-r", "x.pcap").exitCode());
    }

    /** -I asks libpcap for monitor mode: on a device without it, tcpdump's error line, exit 1. */
    @Test
    void monitorModeOnADeviceWithoutItIsTcpdumpsError() throws Exception {
        Oracles.requireRootAndLibpcap();
        Oracles.requireTcpdump();
        for (String listOrCapture : new String[] {"-c", "-L"}) {   // -L -I: the link types in monitor mode
            String[] flags = listOrCapture.equals("-c") ? new String[] {"-I", "-i", "lo", "-c", "1"}
                : new String[] {"-L", "-I", "-i", "lo"};
            Oracles.Run tcpdump = Oracles.run(args("tcpdump", flags));
            CliRun ours = CliRun.of(args("capture", flags));
            assertEquals(1, tcpdump.exitCode(), tcpdump.err());
            assertEquals(1, ours.exitCode(), ours.err());
            assertEquals(tcpdump.err().strip().replaceFirst("^tcpdump: ", ""),
                ours.err().strip().replaceFirst("^fabricscope: ", ""));
        }
    }

    private static String[] args(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
