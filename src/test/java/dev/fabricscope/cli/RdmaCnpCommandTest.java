package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.libpcap.LibpcapException;
import dev.fabricscope.libpcap.LiveCapture;
import dev.fabricscope.testing.Oracles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RdmaCnpCommandTest {
    @TempDir
    Path dir;

    /** The records' packet bytes of a little-endian classic pcap file, and its link type. */
    record Pcap(int linkType, List<byte[]> packets) {
        static Pcap read(Path file) throws java.io.IOException {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(0xa1b2c3d4, b.getInt(0));
            int linkType = b.getInt(20);
            List<byte[]> packets = new ArrayList<>();
            int pos = 24;
            while (pos + 16 <= b.limit()) {
                int caplen = b.getInt(pos + 8);
                byte[] p = new byte[caplen];
                b.get(pos + 16, p);
                packets.add(p);
                pos += 16 + caplen;
            }
            return new Pcap(linkType, packets);
        }
    }

    /** The issue's exact command writes libconntrack-cm's CNP vector as a LINKTYPE_RAW pcap. */
    @Test
    void issueCommandWritesLibconntrackCmVector() throws Exception {
        Path vector = Oracles.sharedCapture("rdma/libconntrack-cm_test_cnp_expected.rawip.pcap");
        Path out = dir.resolve("cnp.pcap");
        CliRun r = CliRun.of("rdma", "cnp", "--src", "22.22.22.8", "--dst", "22.22.22.7", "--dqpn", "0xd2", "--sport", "56238",
            "--tos", "0x89", "--ttl", "32", "--ip-id", "0x98c6", "--raw", "-w", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        Pcap ours = Pcap.read(out);
        Pcap expected = Pcap.read(vector);
        assertEquals(101, ours.linkType());
        assertEquals(expected.linkType(), ours.linkType());
        assertEquals(1, ours.packets().size());
        assertArrayEquals(expected.packets().get(0), ours.packets().get(0));
    }

    @Test
    void tsharkReadsTheWrittenFile() throws Exception {
        Oracles.requireTshark();
        Path out = dir.resolve("cnp6.pcap");
        CliRun r = CliRun.of("rdma", "cnp", "--src", "fd00::8", "--dst", "fd00::7", "--dqpn", "1234", "--dscp", "26", "--ecn", "1",
            "--src-mac", "02:00:00:00:00:08", "--dst-mac", "02-00-00-00-00-07", "--vlan", "0x10", "--pcp", "3", "--count", "3",
            "-w", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("wrote 3 CNPs"), r.out());
        // Wireshark 4.0 names 0x80 "CNP" and does not know 0x81: fields only
        Oracles.Run t = Oracles.run("tshark", "-r", out.toString(), "-T", "fields", "-E", "separator=|", "-e", "eth.src", "-e", "eth.dst",
            "-e", "vlan.id", "-e", "vlan.priority", "-e", "ipv6.src", "-e", "ipv6.dst", "-e", "ipv6.tclass.dscp", "-e", "ipv6.tclass.ecn",
            "-e", "ipv6.hlim", "-e", "udp.srcport", "-e", "udp.dstport", "-e", "infiniband.bth.opcode", "-e", "infiniband.bth.destqp");
        assertEquals(0, t.exitCode(), t.err());
        String line = "02:00:00:00:00:08|02:00:00:00:00:07|16|3|fd00::8|fd00::7|26|1|255|61440|4791|129|0x0004d2";
        assertEquals(line + "\n" + line + "\n" + line + "\n", t.out());
    }

    @Test
    void userErrors() {
        CliRun r = CliRun.of("rdma", "cnp", "--src", "1.2.3.4", "--dst", "::1", "--dqpn", "1", "-w", dir.resolve("x").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("must both be IPv4 or both IPv6"), r.err());
        r = CliRun.of("rdma", "cnp", "--src", "1.2.3.4", "--dst", "1.2.3.5", "--dqpn", "0x1000000", "-w", dir.resolve("x").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--dqpn 16777216 is out of range"), r.err());
        r = CliRun.of("rdma", "cnp", "--src", "1.2.3.4", "--dst", "1.2.3.5", "--dqpn", "12z", "-w", dir.resolve("x").toString());
        assertEquals(2, r.exitCode());
        r = CliRun.of("rdma", "cnp", "--src", "1.2.3", "--dst", "1.2.3.5", "--dqpn", "1", "-w", dir.resolve("x").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("is not an IPv4 or IPv6 address"), r.err());
        r = CliRun.of("rdma", "cnp", "--src", "1.2.3.4", "--dst", "1.2.3.5", "--dqpn", "1");
        assertEquals(2, r.exitCode());
        r = CliRun.of("rdma", "cnp", "--src", "1.2.3.4", "--dst", "1.2.3.5", "--dqpn", "1", "--tos", "1", "--ecn", "1", "-w", "-");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--tos"), r.err());
        r = CliRun.of("rdma", "cnp", "--src", "1.2.3.4", "--dst", "1.2.3.5", "--dqpn", "1", "--raw", "--pcp", "3", "-w", "-");
        assertEquals(2, r.exitCode());
        r = CliRun.of("rdma", "cnp", "--src", "1.2.3.4", "--dst", "1.2.3.5", "--dqpn", "1", "--pcp", "3", "-w", "-");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("add --vlan"), r.err());
    }

    /** --for-flow: the CNP goes to the QP that sends the flow, found by RDMA-CM tracking (rdma-cm's CmTracker). */
    @Test
    void forFlowTakesTheSenderQpFromCm() throws Exception {
        Path cm = dev.fabricscope.rdma.cm.CmHandshakeFile.write(dir.resolve("cm.pcap"), 0x100, 0x200);
        Path out = dir.resolve("flow.pcap");
        // data from the client 10.1.0.1 (QP 0x100) to the server's QP 0x200 is congested at the server: CNP to QP 0x100
        CliRun r = CliRun.of("rdma", "cnp", "--src", "10.1.0.2", "--dst", "10.1.0.1", "--for-flow", cm.toString(),
            "--flow-qpn", "0x200", "--raw", "-w", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        byte[] p = Pcap.read(out).packets().get(0);
        assertArrayEquals(new byte[] {0, 1, 0}, Arrays.copyOfRange(p, 28 + 5, 28 + 8));
        // the other direction: congestion at the client on QP 0x100, CNP to the server's QP 0x200
        r = CliRun.of("rdma", "cnp", "--src", "10.1.0.1", "--dst", "10.1.0.2", "--for-flow", cm.toString(),
            "--flow-qpn", "0x100", "--raw", "-w", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertArrayEquals(new byte[] {0, 2, 0}, Arrays.copyOfRange(Pcap.read(out).packets().get(0), 28 + 5, 28 + 8));
        r = CliRun.of("rdma", "cnp", "--src", "10.1.0.2", "--dst", "10.1.0.1", "--for-flow", cm.toString(),
            "--flow-qpn", "0x999", "--raw", "-w", out.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("no established RDMA-CM connection sends from 10.1.0.1 to QP 0x999 on 10.1.0.2"), r.err());
        r = CliRun.of("rdma", "cnp", "--src", "10.1.0.2", "--dst", "10.1.0.1", "--for-flow", cm.toString(), "--raw", "-w", out.toString());
        assertEquals(2, r.exitCode());
    }

    @Test
    void noIpChecksumLeavesItZero() throws Exception {
        Path out = dir.resolve("off.pcap");
        CliRun r = CliRun.of("rdma", "cnp", "--src", "22.22.22.8", "--dst", "22.22.22.7", "--dqpn", "210", "--sport", "0xdbae",
            "--tos", "137", "--ttl", "0x20", "--ip-id", "39110", "--raw", "--no-ip-checksum", "-w", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        byte[] p = Pcap.read(out).packets().get(0);
        assertEquals(0, p[10]);
        assertEquals(0, p[11]);
        assertEquals(0x98, p[4] & 0xFF);
    }

    /** Sends on lo while capturing there (root only): the frames arrive as built. */
    @Test
    void sendsOnLoopback() throws Exception {
        Oracles.requireRootAndLibpcap();
        LiveCapture capture;
        try {
            capture = LiveCapture.open("lo", 65535, false, 100, true, 0);
        } catch (LibpcapException e) {
            assumeTrue(false, "cannot capture on lo here: " + e.getMessage());
            return;
        }
        try (capture) {
            capture.setFilter("udp dst port 4791 and udp src port 4242");
            CompletableFuture<List<byte[]>> got = CompletableFuture.supplyAsync(() -> {
                List<byte[]> frames = new ArrayList<>();
                Packet p = new Packet();
                while (frames.size() < 3 && capture.next(p)) frames.add(p.copyBytes());
                return frames;
            });
            CliRun r = CliRun.of("rdma", "cnp", "--src", "127.0.0.1", "--dst", "127.0.0.1", "--dqpn", "0x77", "--sport", "4242",
                "--count", "3", "--rate", "100", "-i", "lo");
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().contains("sent 3 CNPs on lo"), r.out());
            List<byte[]> frames;
            try {
                frames = got.get(10, TimeUnit.SECONDS);
            } finally {
                capture.breakLoop();
            }
            assertEquals(3, frames.size());
            for (int i = 0; i < 3; i++) {
                byte[] f = frames.get(i);
                assertEquals(14 + 60, f.length);
                assertEquals(0x81, f[14 + 28] & 0xFF);
                assertArrayEquals(new byte[] {0, 0, 0x77}, Arrays.copyOfRange(f, 14 + 28 + 5, 14 + 28 + 8));
                assertEquals(i, f[14 + 5]); // IP ID counts up from --ip-id 0
            }
        }
    }
}
