package dev.fabricscope.cli;

import static dev.fabricscope.testing.ByteArrays.hex;
import static org.junit.jupiter.api.Assertions.*;

import dev.fabricscope.testing.Oracles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rdma decode} and {@code rdma icrc} end to end, against tshark/tcpdump and published vectors. */
class RdmaCommandsTest {
    @TempDir
    Path dir;

    /**
     * seladb/PcapPlusPlus InfiniBandPacket.dat: Ethernet/IPv4/UDP 4791 RC RDMA READ Request, dest QP 0x11,
     * PSN 0x54cb63, RETH va 0x7fee260fb000 rkey 0x2b8 len 0x10000, ICRC 08 C6 15 4A.
     */
    static final byte[] READ_REQUEST = hex("000c29ae1ca4000c2989a2e508004500003cbe10400040118a4bc0a83881c0a8"
        + "3883df9412b7002800000c00ffff000000118054cb6300007fee260fb000000002b80001000008c6154a");

    /** A little-endian microsecond pcap of EN10MB frames (24-byte header, 16-byte record headers). */
    static Path pcap(Path file, int linkType, byte[]... frames) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(linkType);
        out.writeBytes(h.array());
        int i = 0;
        for (byte[] f : frames) {
            ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            r.putInt(1_700_000_000 + i++).putInt(0).putInt(f.length).putInt(f.length);
            out.writeBytes(r.array());
            out.writeBytes(f);
        }
        Files.write(file, out.toByteArray());
        return file;
    }

    private static byte[] withTos(byte[] frame, int tos) {
        byte[] b = frame.clone();
        b[15] = (byte) tos;   // Ethernet 14 + 1
        return b;
    }

    @Test
    void decodeTextShowsTheVectorsFields() throws IOException {
        Path f = pcap(dir.resolve("rr.pcap"), 1, READ_REQUEST);
        CliRun r = CliRun.of("rdma", "decode", "-r", f.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("192.168.56.129.57236 > 192.168.56.131.4791: RoCEv2 RC RDMA READ Request qp 0x000011 "
            + "psn 5557091 A pkey 0xffff reth va 0x00007fee260fb000 rkey 0x000002b8 dmalen 65536 len 0 dscp 0 "
            + "ecn Not-ECT icrc ok"), r.out());
    }

    @Test
    void badIcrcIsShownAndCounted() throws IOException {
        byte[] bad = READ_REQUEST.clone();
        bad[bad.length - 5] ^= 1;   // last RETH byte: an invariant field
        Path f = pcap(dir.resolve("bad.pcap"), 1, READ_REQUEST, bad);
        CliRun d = CliRun.of("rdma", "decode", "-r", f.toString());
        assertTrue(d.out().contains("icrc BAD (wire 0x08c6154a, computed 0x"), d.out());
        CliRun r = CliRun.of("rdma", "icrc", "-r", f.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.out().startsWith("frame 2: RoCEv2 192.168.56.129 > 192.168.56.131 qp 0x000011 psn 5557091 "
            + "RC RDMA READ Request: ICRC BAD: wire 08c6154a, computed "), r.out());
        assertTrue(r.out().endsWith("2 RoCE/IB frames: 1 ICRC valid, 1 invalid, 0 not checked (truncated)\n"), r.out());
        CliRun j = CliRun.of("rdma", "icrc", "-r", f.toString(), "--json");
        List<String> lines = j.out().lines().toList();
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("{\"frame\":1,\"version\":\"RoCEv2\",\"icrc_valid\":true,\"icrc\":\"08c6154a\""), lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"frame\":2,\"version\":\"RoCEv2\",\"icrc_valid\":false,\"icrc\":\"08c6154a\""), lines.get(1));
    }

    @Test
    void truncatedFrameIsNotChecked() throws IOException {
        Path f = pcap(dir.resolve("cut.pcap"), 1, Arrays.copyOf(READ_REQUEST, READ_REQUEST.length - 3));
        CliRun r = CliRun.of("rdma", "icrc", "-r", f.toString(), "--json");
        assertEquals("{\"frame\":1,\"version\":\"RoCEv2\",\"icrc_valid\":false,\"icrc\":null,\"icrc_computed\":null,"
            + "\"icrc_status\":\"truncated\"}\n", r.out());
        CliRun d = CliRun.of("rdma", "decode", "-r", f.toString());
        assertTrue(d.out().contains("icrc not checked (truncated)"), d.out());
    }

    /** ip[1] & 0xfc == 104 selects DSCP 26; tcpdump with the same expression is the oracle. */
    @Test
    void filterExpressionSelectsDscp() throws IOException {
        Oracles.requireLibpcap();
        Path f = pcap(dir.resolve("dscp.pcap"), 1, READ_REQUEST, withTos(READ_REQUEST, 0x68 | 2), withTos(READ_REQUEST, 0xb8));
        String expr = "udp dst port 4791 and ip[1] & 0xfc == 104";
        CliRun r = CliRun.of("rdma", "decode", "-r", f.toString(), "--json", expr);
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(1, lines.size(), r.out());
        assertTrue(lines.getFirst().startsWith("{\"frame\":2,"), lines.getFirst());
        assertTrue(lines.getFirst().contains("\"dscp\":26,\"ecn\":2,"), lines.getFirst());
        Oracles.requireTcpdump();
        Oracles.Run t = Oracles.tcpdump("-v", "-n", "-r", f.toString(), expr);
        assertEquals(2, t.out().lines().count(), t.out());   // -v: two lines per packet
        assertTrue(t.out().contains("tos 0x6a"), t.out());
    }

    @Test
    void badFilterIsAUsageError() throws IOException {
        Oracles.requireLibpcap();
        Path f = pcap(dir.resolve("x.pcap"), 1, READ_REQUEST);
        CliRun r = CliRun.of("rdma", "decode", "-r", f.toString(), "udp dst port");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void inputIsRequiredAndExclusive() throws IOException {
        CliRun none = CliRun.of("rdma", "decode");
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("give -r FILE or -i INTERFACE"), none.err());
        for (String command : List.of("icrc", "qps", "conntrack")) {
            CliRun missing = CliRun.of("rdma", command);
            assertEquals(2, missing.exitCode(), command + ": " + missing.err());
            assertEquals("fabricscope: give -r FILE or -i INTERFACE\n", missing.err(), command);
        }
        Path f = pcap(dir.resolve("y.pcap"), 1, READ_REQUEST);
        CliRun both = CliRun.of("rdma", "decode", "-r", f.toString(), "-i", "lo");
        assertEquals(2, both.exitCode());
        assertEquals(2, CliRun.of("rdma", "decode", "-r", f.toString(), "-c", "0").exitCode());
    }

    @Test
    void countLimitsOutput() {
        Path f = Oracles.sharedCapture("rdma/oferby-proxy_roce.pcap");
        CliRun r = CliRun.of("rdma", "decode", "-r", f.toString(), "-c", "3");
        assertEquals(3, r.out().lines().count(), r.out());
    }

    /** PFC frame by hand (802.1Qbb): priorities 3 and 4 enabled; tshark's macc fields are the oracle. */
    @Test
    void pfcFrame() throws IOException {
        byte[] pfc = hex("0180c2000001 020000000001 8808 0101 0018 0000 0000 0000 1234 0000 0000 0000 0000"
            + "00".repeat(26));
        Path f = pcap(dir.resolve("pfc.pcap"), 1, pfc, hex("0180c2000001 020000000001 8808 0001 00ff" + "00".repeat(42)));
        CliRun r = CliRun.of("rdma", "decode", "-r", f.toString());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).endsWith("02:00:00:00:00:01 > 01:80:c2:00:00:01: PFC vector 0x18 p3 4660 p4 0"), lines.get(0));
        assertTrue(lines.get(1).endsWith("PAUSE quanta 255"), lines.get(1));
        CliRun j = CliRun.of("rdma", "decode", "-r", f.toString(), "--json");
        assertTrue(j.out().contains("\"type\":\"pfc\",\"class_enable_vector\":24,\"quanta\":[0,0,0,4660,0,0,0,0]"), j.out());
        Oracles.requireTshark();
        Oracles.Run t = Oracles.run("tshark", "-r", f.toString(), "-T", "fields", "-e", "macc.opcode", "-e", "macc.cbfc.enbv",
            "-e", "macc.cbfc.pause_time.c3", "-e", "macc.cbfc.pause_time.c4", "-e", "macc.pause_time");
        List<String> tl = t.out().lines().toList();
        assertEquals("0x0101\t0x0018\t4660\t0\t", tl.get(0));
        assertEquals("0x0001\t\t\t\t255", tl.get(1));
    }

    /** rdma icrc --json on the real capture: tshark's RoCE frames and on-wire ICRC bytes, all valid. */
    @Test
    void icrcJsonMatchesTsharkFrames() {
        Path f = Oracles.sharedCapture("rdma/oferby-proxy_roce.pcap");
        Oracles.requireTshark();
        Oracles.Run t = Oracles.run("tshark", "-r", f.toString(), "-d", "udp.port==69,infiniband", "-Y", "infiniband",
            "-T", "fields", "-e", "frame.number", "-e", "infiniband.invariant.crc");
        List<String> expected = new ArrayList<>();
        for (String line : t.out().lines().toList()) {
            String[] p = line.split("\t");
            expected.add(p[0] + " " + p[1].substring(2));
        }
        assertEquals(105, expected.size());
        CliRun r = CliRun.of("rdma", "icrc", "-r", f.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        Pattern obj = Pattern.compile("\\{\"frame\":(\\d+),\"version\":\"RoCEv2\",\"icrc_valid\":true,\"icrc\":\"([0-9a-f]{8})\"");
        List<String> ours = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            Matcher m = obj.matcher(line);
            assertTrue(m.lookingAt(), line);
            ours.add(m.group(1) + " " + m.group(2));
        }
        assertEquals(expected, ours);
    }

    @Test
    void explainIcrc() throws IOException {
        Path f = Oracles.sharedCapture("rdma/libconntrack-cm_test_cnp_expected.rawip.pcap");
        CliRun r = CliRun.of("rdma", "icrc", "-r", f.toString(), "--explain-icrc", "1");
        assertEquals(0, r.exitCode(), r.err());
        // pseudo-packet per the RoCEv2 annex: 8 x ff, IPv4 with TOS/TTL/checksum ff, UDP checksum ff, resv8a ff
        assertTrue(r.out().contains("  0000  ff ff ff ff ff ff ff ff 45 ff 00 3c 98 c6 40 00\n"), r.out());
        assertTrue(r.out().contains("  0010  ff 11 ff ff 16 16 16 08 16 16 16 07 db ae 12 b7\n"), r.out());
        assertTrue(r.out().contains("  0020  00 28 ff ff 81 00 ff ff ff 00 00 d2 00 00 00 00\n"), r.out());
        assertTrue(r.out().contains("computed ICRC: da fc 1b ef"), r.out());
        assertTrue(r.out().contains("on-wire ICRC:  da fc 1b ef  valid"), r.out());
        CliRun none = CliRun.of("rdma", "icrc", "-r", f.toString(), "--explain-icrc", "9");
        assertEquals(1, none.exitCode());
        assertTrue(none.err().contains("has no frame 9"), none.err());
    }
}
