package dev.fabricscope.cli;

import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fabricscope.testing.Oracles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * capture's tcpdump flags --count, --print, -d/-dd/-ddd, --micro, -V, -N, -f, -M, -u and -E against tcpdump itself:
 * standard output, standard error, exit status and written files.
 */
class CaptureTcpdumpFlagsTest {
    private static final String SMC = "samples/smc-4conn.pcap";
    private static final String LACP = "samples/lacp.pcap";

    @TempDir
    Path dir;

    /** Ours and tcpdump's (with -n added, as our lines always are) runs of the same arguments. */
    private static void assertSameAsTcpdump(String... args) {
        List<String> ours = new ArrayList<>(List.of("capture"));
        ours.addAll(List.of(args));
        CliRun run = CliRun.of(ours.toArray(String[]::new));
        List<String> tcpdump = new ArrayList<>(List.of(Oracles.tcpdump(), "-n"));
        tcpdump.addAll(List.of(args));
        Oracles.Run expected = Oracles.run(tcpdump, Map.of("TZ", java.util.TimeZone.getDefault().getID()));
        String what = String.join(" ", args);
        assertEquals(expected.exitCode(), run.exitCode(), what + ": " + run.err());
        assertEquals(expected.out(), run.out(), what);
        assertEquals(expected.err(), run.err(), what);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--count", "--count -c 1", "--count -c 3 tcp", "--count udp", "--count -v"})
    void countAsTcpdump(String flags) {
        for (String sample : List.of(SMC, LACP)) {
            List<String> args = new ArrayList<>(List.of("-r", sample));
            args.addAll(List.of(flags.split(" ")));
            assertSameAsTcpdump(args.toArray(String[]::new));
        }
    }

    /** --count with -w writes the packets and still prints the count; --print with -w prints them too. */
    @ParameterizedTest
    @ValueSource(strings = {"--count", "--print", "--print -v -c 3", "--print --count"})
    void withWriteAsTcpdump(String flags) throws Exception {
        Path ours = dir.resolve("ours.pcap");
        Path theirs = dir.resolve("theirs.pcap");
        List<String> args = new ArrayList<>(List.of("capture", "-r", SMC, "-w", ours.toString()));
        args.addAll(List.of(flags.split(" ")));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        List<String> tcpdump = new ArrayList<>(List.of(Oracles.tcpdump(), "-n", "-r", SMC, "-w", theirs.toString()));
        tcpdump.addAll(List.of(flags.split(" ")));
        Oracles.Run expected = Oracles.run(tcpdump, Map.of("TZ", java.util.TimeZone.getDefault().getID()));
        assertEquals(expected.exitCode(), run.exitCode(), run.err());
        assertEquals(expected.out(), run.out(), flags);
        assertArrayEquals(Files.readAllBytes(theirs), Files.readAllBytes(ours), flags);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-d", "-dd", "-ddd", "-d -O", "-ddd -O"})
    void programAsTcpdump(String flags) {
        for (String expression : List.of("", "udp dst port 4791", "ip and tcp[tcpflags] & tcp-syn != 0")) {
            List<String> args = new ArrayList<>(List.of(flags.split(" ")));
            if (!expression.isEmpty()) args.addAll(List.of(expression.split(" ")));
            assertSameAsTcpdump(args.toArray(String[]::new));   // "Warning: assuming Ethernet"
            List<String> withFile = new ArrayList<>(List.of("-r", LACP));
            withFile.addAll(args);
            assertSameAsTcpdump(withFile.toArray(String[]::new));
            List<String> withType = new ArrayList<>(List.of("-y", "LINUX_SLL"));
            withType.addAll(args);
            assertSameAsTcpdump(withType.toArray(String[]::new));
        }
    }

    @Test
    void badExpressionWithDIsAUsageError() {
        CliRun run = CliRun.of("capture", "-d", "udp", "port", "nonsense");
        assertEquals(UserError.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("fabricscope: "), run.err());
    }

    @Test
    void microAndNameFlagsAsTcpdump() {
        assertSameAsTcpdump("-r", SMC, "--micro", "-c", "3");
        assertSameAsTcpdump("-r", SMC, "-N", "-c", "3");
        assertSameAsTcpdump("-r", SMC, "-nNN", "-c", "3");
        assertEquals(UserError.USAGE, CliRun.of("capture", "-r", SMC, "--micro", "--nano").exitCode());
    }

    @Test
    void fileListAsTcpdump() throws Exception {
        Path list = dir.resolve("list");
        Files.writeString(list, SMC + "\n" + LACP + "\n" + SMC);   // the last line without its newline
        assertSameAsTcpdump("-V", list.toString());
        assertSameAsTcpdump("-V", list.toString(), "-c", "2", "-#");   // -c per file, numbers go on
        assertSameAsTcpdump("-V", list.toString(), "--count", "tcp");
        assertSameAsTcpdump("-V", list.toString(), "-ttt", "-c", "3");
        Path ours = dir.resolve("ours.pcap");
        Path theirs = dir.resolve("theirs.pcap");
        CliRun run = CliRun.of("capture", "-V", list.toString(), "-w", ours.toString());
        Oracles.Run expected = Oracles.run(Oracles.tcpdump(), "-V", list.toString(), "-w", theirs.toString());
        assertEquals(expected.exitCode(), run.exitCode(), run.err());
        assertEquals(expected.err(), run.err());
        assertArrayEquals(Files.readAllBytes(theirs), Files.readAllBytes(ours));
    }

    @Test
    void fileListFailuresAreRuntimeErrors() throws Exception {
        Path empty = dir.resolve("empty");
        Files.writeString(empty, "");
        CliRun nothing = CliRun.of("capture", "-V", empty.toString());
        assertEquals(UserError.RUNTIME, nothing.exitCode());
        assertEquals("fabricscope: Nothing in " + empty + "\n", nothing.err());
        assertEquals(UserError.RUNTIME, CliRun.of("capture", "-V", dir.resolve("absent").toString()).exitCode());
        Path withBlank = dir.resolve("blank");
        Files.writeString(withBlank, LACP + "\n\n");
        CliRun blank = CliRun.of("capture", "-V", withBlank.toString(), "--count");
        assertEquals(UserError.RUNTIME, blank.exitCode(), blank.err());
        assertEquals("", blank.out());   // tcpdump too stops before its count line
    }

    /**
     * -M: a BGP SYN signed (RFC 2385) with the key, one with another key and one whose key looks like an option
     * (getopt takes the next argument as the value, whatever it is); -u: an NFSv3 GETATTR call's handle.
     * The frames are built here (the printers' own tests cover the cases); this checks the flags reach the printer.
     */
    @Test
    void md5SecretAndRawNfsHandlesAsTcpdump() throws Exception {
        Path file = dir.resolve("md5-nfs.pcap");
        byte[] nfsCall = concat(u32(0x1234), u32(0), u32(2), u32(100003), u32(3), u32(1), u32(0), u32(0), u32(0),
            u32(0), u32(28), hex("01000701 00a10b00 00000000 8a1d2e3f 4c5d6e7f 00112233 44556677"));
        byte[] udp = concat(u16(800), u16(2049), u16(8 + nfsCall.length), u16(0), nfsCall);
        Files.write(file, concat(hex("d4c3b2a1 0200 0400 00000000 00000000 ffff0000 01000000"),
            record(ipv4Frame(6, signedSyn("bgp-key"))), record(ipv4Frame(6, signedSyn("other"))),
            record(ipv4Frame(6, signedSyn("-v"))), record(ipv4Frame(17, udp))));
        for (String flags : List.of("-M bgp-key", "-M bgp-key -v", "-M other", "-M -v", "-M -v -v", "-u", "-u -vv",
                "-v")) {
            List<String> args = new ArrayList<>(List.of("-r", file.toString()));
            args.addAll(List.of(flags.split(" ")));
            assertSameAsTcpdump(args.toArray(String[]::new));
        }
    }

    /**
     * -E: an AES-128-CBC ESP packet (tunnel mode, an inner UDP datagram) with the right key, a wrong one, secrets
     * with warnings (bad SPI, address, algorithm, an entry without algo:) and ones that end the run (an invalid hex
     * digit, a file that is not there): standard output and standard error as tcpdump's (its program name ours), the
     * exit status 0 as tcpdump's, else ours (2, 1) where tcpdump's is its own (15, 13).
     */
    @Test
    void espSecretsAsTcpdump() throws Exception {
        byte[] key = hex("000102030405060708090a0b0c0d0e0f"), iv = hex("f0e0d0c0b0a090807060504030201000");
        byte[] udp = concat(u16(5000), u16(9), u16(12), u16(0), ascii("four"));
        byte[] inner = concat(hex("4500"), u16(20 + udp.length), hex("0007 4000 3f11 0000 c0a80101 c0a80202"), udp);
        byte[] plain = concat(inner, hex("0102030405060708090a0b0c0d0e"), new byte[] {14, 4});
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/CBC/NoPadding");
        c.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
            new javax.crypto.spec.IvParameterSpec(iv));
        byte[] esp = concat(u32(0x1000), u32(1), iv, c.doFinal(plain), new byte[12]);
        Path file = dir.resolve("esp.pcap");
        Files.write(file, concat(hex("d4c3b2a1 0200 0400 00000000 00000000 ffff0000 01000000"),
            record(ipv4Frame(50, esp)), record(ipv4Frame(50, esp))));
        String hexKey = "0x000102030405060708090a0b0c0d0e0f";
        for (String secret : List.of("0x1000@10.0.0.2 aes128-cbc-hmac96:" + hexKey, "aes128-hmac96:" + hexKey,
                "aes128:" + hexKey, "0x1000@10.0.0.2 aes128-hmac96:0x00", "zz@10.0.0.2 aes128:0x00,1@10.0.0 aes:0x00,"
                + "aes128-hmac96", "0x1000@10.0.0.2 nosuch-cbc:0x00,3des:0x0", "aes128:0x0g", "file /nonexistent/fabricscope-esp-secrets")) {
            for (String verbosity : List.of("", "-v")) {
                List<String> args = new ArrayList<>(List.of("-r", file.toString(), "-E", secret));
                if (!verbosity.isEmpty()) args.add(verbosity);
                CliRun run = CliRun.of(arguments(List.of("capture"), args));
                List<String> tcpdump = new ArrayList<>(List.of(Oracles.tcpdump(), "-n"));
                tcpdump.addAll(args);
                Oracles.Run expected = Oracles.run(tcpdump, Map.of("TZ", java.util.TimeZone.getDefault().getID()));
                String what = String.join(" ", args);
                assertEquals(expected.out(), run.out(), what);
                assertEquals(expected.err().replace("tcpdump: ", "fabricscope: "), run.err(), what);
                int status = switch (expected.exitCode()) {
                    case 15 -> 2;   // S_ERR_ND_ESP_SECRET
                    case 13 -> 1;   // S_ERR_ND_OPEN_FILE
                    default -> expected.exitCode();
                };
                assertEquals(status, run.exitCode(), what);
            }
        }
    }

    private static String[] arguments(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all.toArray(String[]::new);
    }

    /** -H: an 802.11 QoS data frame (LINKTYPE_IEEE802_11) with a mesh control header of one address. */
    @Test
    void meshHeadersAsTcpdump() throws Exception {
        Path file = dir.resolve("mesh.pcap");
        byte[] frame = concat(hex("8803 2c00"), hex("000c4182b255 000d9382363a ffffffffffff 0000 0000"),
            hex("01 1f 04030201 001122334455"), hex("aaaa03 000000 0806"), new byte[28]);
        Files.write(file, concat(hex("d4c3b2a1 0200 0400 00000000 00000000 ffff0000 69000000"), record(frame)));
        for (String flags : List.of("-H", "-H -e", "-e", "-H -e -v")) {
            List<String> args = new ArrayList<>(List.of("-r", file.toString()));
            args.addAll(List.of(flags.split(" ")));
            assertSameAsTcpdump(args.toArray(String[]::new));
        }
    }

    private static final byte[] SRC = {10, 0, 0, 1}, DST = {10, 0, 0, 2};

    /** A SYN to BGP's port with nop, nop, md5: the digest over RFC 2385's fields with {@code key}. */
    /**
     * -vvvv is tcpdump's fourth level (and more v's count on): an IKEv2 notify of an unknown type prints its whole
     * data there, and only part of it at -vvv.
     */
    @Test
    void fourthVerbosityLevelAsTcpdump() throws Exception {
        byte[] data = new byte[40];
        for (int i = 0; i < data.length; i++) data[i] = (byte) (0x30 + i);
        byte[] notify = concat(hex("00 00"), u16(8 + data.length), hex("01 00"), u16(40000), data);
        byte[] ike = concat(hex("0102030405060708 0000000000000000 29 20 25 08 00000001"), u32(28 + notify.length),
            notify);
        byte[] udp = concat(u16(500), u16(500), u16(8 + ike.length), u16(0), ike);
        Path file = dir.resolve("ike.pcap");
        Files.write(file, concat(hex("d4c3b2a1 0200 0400 00000000 00000000 ffff0000 01000000"),
            record(ipv4Frame(17, udp))));
        for (String flags : List.of("-vvv", "-vvvv", "-vvvvv", "-vv -vv", "-v -vvv -x")) {
            List<String> args = new ArrayList<>(List.of("-r", file.toString()));
            args.addAll(List.of(flags.split(" ")));
            assertSameAsTcpdump(args.toArray(String[]::new));
        }
        assertTrue(!CliRun.of("capture", "-r", file.toString(), "-vvv").out()
            .equals(CliRun.of("capture", "-r", file.toString(), "-vvvv").out()), "-vvvv prints more than -vvv here");
    }

    private static byte[] signedSyn(String key) throws Exception {
        byte[] header = concat(u16(40000), u16(179), u32(1000), u32(0), hex("a002 4000 0000 0000"));
        java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
        md5.update(concat(SRC, DST, hex("0006"), u16(40)));
        md5.update(header);
        md5.update(ascii(key));
        return concat(header, hex("01011312"), md5.digest());
    }

    private static byte[] ipv4Frame(int protocol, byte[] payload) {
        byte[] ip = concat(hex("4500"), u16(20 + payload.length), hex("0001 4000 40"), new byte[] {(byte) protocol},
            hex("0000"), SRC, DST);
        return concat(hex("020000000002 020000000001 0800"), ip, payload);
    }

    private static byte[] record(byte[] frame) {
        return concat(hex("00f15365 00000000"), le32(frame.length), le32(frame.length), frame);
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    @Test
    void usageErrors() {
        for (List<String> args : List.of(List.of("-V", "x", "-r", SMC), List.of("-f", "-r", SMC),
                List.of("-V"), List.of("-r", SMC, "-w", "-", "--print"), List.of("-r", SMC, "--count", "--json"))) {
            List<String> all = new ArrayList<>(List.of("capture"));
            all.addAll(args);
            CliRun run = CliRun.of(all.toArray(String[]::new));
            assertEquals(UserError.USAGE, run.exitCode(), args + ": " + run.err());
        }
    }

    /** capture -V is tcpdump's file list; the version stays with --version, and with -V at the top level. */
    @Test
    void versionStaysLong() {
        CliRun capture = CliRun.of("capture", "--version");
        assertEquals(0, capture.exitCode());
        assertTrue(capture.out().startsWith("fabricscope "), capture.out());
        CliRun top = CliRun.of("-V");
        assertEquals(0, top.exitCode());
        assertEquals(capture.out(), top.out());
        CliRun help = CliRun.of("capture", "--help");
        assertTrue(help.out().contains("-V=LIST") && help.out().contains("--count"), help.out());
    }
}
