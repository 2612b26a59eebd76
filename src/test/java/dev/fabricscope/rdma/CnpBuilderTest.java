package dev.fabricscope.rdma;

import static dev.fabricscope.testing.ByteArrays.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fabricscope.capture.CaptureFormat;
import dev.fabricscope.capture.CaptureInterface;
import dev.fabricscope.capture.CaptureWriter;
import dev.fabricscope.capture.CaptureWriters;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.TimestampPrecision;
import dev.fabricscope.capture.WriterOptions;
import dev.fabricscope.testing.Oracles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CnpBuilderTest {
    /** libconntrack-cm tests/test_cnp.cpp expected_cnp (commit 97d5c8ac), with the IPv4 checksum as published. */
    static final byte[] LIBCONNTRACK_CM_VECTOR = hex(
        "4589003C98C640002011692716161608" + "16161607DBAE12B7002800008100FFFF"
        + "400000D2000000000000000000000000" + "0000000000000000DAFC1BEF");

    static CnpTemplate vectorTemplate() {
        return CnpTemplate.defaults(new byte[] {22, 22, 22, 8}, new byte[] {22, 22, 22, 7})
            .withIpId(0x98C6).withTtl(0x20).withTrafficClass(0x89).withSrcPort(56238);
    }

    @Test
    void reproducesLibconntrackCmVector() {
        byte[] frame = new CnpBuilder(vectorTemplate()).build(0xD2);
        assertEquals(60, frame.length);
        assertArrayEquals(LIBCONNTRACK_CM_VECTOR, frame);
    }

    @Test
    void checksumLeftZeroForNicOffload() {
        byte[] frame = new CnpBuilder(vectorTemplate().withIpChecksum(false)).build(0xD2);
        byte[] expected = LIBCONNTRACK_CM_VECTOR.clone();
        expected[10] = expected[11] = 0; // what libconntrack-cm's own test compares (it zeroes ip.check)
        assertArrayEquals(expected, frame);
    }

    @Test
    void defaultsAreLibconntrackCmTemplate() {
        byte[] f = new CnpBuilder(CnpTemplate.defaults(new byte[] {10, 0, 0, 1}, new byte[] {10, 0, 0, 2})).build(0x123456);
        // src/cnp.cpp ctcm_fill_cnp_template: tos 0xc2, ttl 255, DF, sport 0xf000, dport 4791, ulen 8+32,
        // opcode 0x81, BECN, P_Key 0xffff
        assertEquals(0xC2, f[1] & 0xFF);
        assertEquals(255, f[8] & 0xFF);
        assertEquals(0x40, f[6] & 0xFF);
        assertArrayEquals(hex("F000 12B7 0028 0000 81 00 FFFF 40 123456 00000000"), Arrays.copyOfRange(f, 20, 40));
    }

    @Test
    void destQpIsRefilledPerPacket() {
        CnpBuilder b = new CnpBuilder(vectorTemplate());
        b.build(0xABCDEF);
        assertArrayEquals(LIBCONNTRACK_CM_VECTOR, b.build(0xD2));
        assertThrows(IllegalArgumentException.class, () -> b.build(0x1000000));
    }

    @Test
    void ipv6AndVlanFramesDecodeInTshark(@TempDir Path dir) throws IOException {
        Oracles.requireTshark();
        byte[] src = hex("20010db8000000000000000000000001");
        byte[] dst = hex("20010db8000000000000000000000002");
        CnpTemplate t = CnpTemplate.defaults(src, dst).withTrafficClass(0xC2).withTtl(64)
            .withEthernet(new CnpTemplate.Ethernet(hex("020000000002"), hex("020000000001"), 100, 3));
        CnpBuilder b = new CnpBuilder(t);
        CnpTemplate t4 = vectorTemplate().withEthernet(new CnpTemplate.Ethernet(hex("020000000002"), hex("020000000001"), -1, 0));
        Path file = dir.resolve("cnp.pcap");
        CaptureInterface iface = new CaptureInterface("t", "", LinkType.EN10MB, 65535, 1000);
        try (CaptureWriter w = CaptureWriters.open(file.toString(), new WriterOptions(CaptureFormat.PCAP, 65535, LinkType.EN10MB, TimestampPrecision.MICRO))) {
            for (byte[] f : new byte[][] {b.build(0x0A0B0C).clone(), new CnpBuilder(t4).build(0xD2).clone()}) {
                w.write(new Packet().set(f, 0, f.length, f.length, 1_000_000_000L, 0, LinkType.EN10MB, 1), iface);
            }
        }
        Oracles.Run r = Oracles.run("tshark", "-r", file.toString(), "-T", "fields", "-E", "separator=|",
            "-e", "vlan.id", "-e", "vlan.priority", "-e", "ipv6.tclass", "-e", "ipv6.hlim", "-e", "ipv6.plen",
            "-e", "ip.checksum.status", "-e", "ip.len", "-e", "udp.dstport", "-e", "udp.length",
            "-e", "infiniband.bth.opcode", "-e", "infiniband.bth.p_key", "-e", "infiniband.bth.destqp",
            "-o", "ip.check_checksum:TRUE");
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals("100|3|0x000000c2|64|40|||4791|40|129|65535|0x0a0b0c", lines[0]);
        assertEquals("|||||1|60|4791|40|129|65535|0x0000d2", lines[1]);
    }
}
