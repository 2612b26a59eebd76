package dev.fabricscope.rdma.cm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fabricscope.capture.CaptureFiles;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.testing.Oracles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CmParserTest {
    static final CmFrames.Host A = CmFrames.Host.of("192.0.2.1", 1);
    static final CmFrames.Host B = CmFrames.Host.of("192.0.2.2", 2);

    /** Decodes every CM MAD of a capture, in order. */
    static List<CmParseResult> parseAll(Path file) throws Exception {
        List<CmParseResult> out = new ArrayList<>();
        try (PacketSource src = CaptureFiles.open(file.toString(), m -> { })) {
            Packet p = new Packet();
            Layers l = new Layers();
            while (src.next(p)) {
                Dissector.dissect(p, l);
                int mad = MadLocator.madOffset(p, l);
                if (mad >= 0) out.add(CmParser.parse(p, mad, MadLocator.madAvailable(p, l, mad)));
            }
        }
        return out;
    }

    static String tsharkFields(Path file, String... fields) {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-r", file.toString(), "-Y", "infiniband.mad", "-T", "fields"));
        for (String f : fields) {
            cmd.add("-e");
            cmd.add(f);
        }
        Oracles.Run r = Oracles.run(cmd);
        assertEquals(0, r.exitCode(), r.err());
        return r.out().strip();
    }

    @Test
    void realRoceV2ReqFromBlogCaptureMatchesTshark() throws Exception {
        Path f = Oracles.sharedCapture("rdma/blog-ib_send_bw-rdma_cm-req-vlan6.pcap");
        Oracles.requireTshark();
        List<CmParseResult> all = parseAll(f);
        assertEquals(1, all.size());
        var d = assertInstanceOf(CmParseResult.Decoded.class, all.get(0));
        var req = assertInstanceOf(CmMessage.Req.class, d.message());
        String[] t = tsharkFields(f, "infiniband.mad.transactionid", "infiniband.mad.attributeid",
            "infiniband.cm.req", "infiniband.cm.req.localcaguid", "infiniband.cm.req.localqpn",
            "infiniband.cm.req.startpsn", "infiniband.cm.req.pppmtu", "infiniband.cm.req.pkey",
            "infiniband.cm.req.remoteresptout", "infiniband.cm.req.retrcount", "infiniband.cm.req.rnrretrcount",
            "infiniband.cm.req.maxcmretr", "infiniband.cm.req.prim_hoplim", "infiniband.cm.req.prim_localacktout",
            "infiniband.cm.req.ip_cm.sport", "infiniband.cm.req.ip_cm.sip4", "infiniband.cm.req.ip_cm.dip4",
            "infiniband.cm.req.prim_localgid_ipv4", "infiniband.cm.req.serviceid.dport").split("\t");
        assertEquals(Long.decode(t[0]).longValue(), d.mad().transactionId());
        assertEquals(Integer.decode(t[1]).intValue(), d.mad().attributeId());
        assertEquals(Long.decode(t[2]).longValue(), req.localCommId());
        assertEquals(Long.parseUnsignedLong(t[3].substring(2), 16), req.localCaGuid());
        assertEquals(Integer.decode(t[4]).intValue(), req.localQpn());
        assertEquals(Integer.decode(t[5]).intValue(), req.startingPsn());
        assertEquals(Integer.decode(t[6]).intValue(), req.pathMtu());
        assertEquals(Integer.decode(t[7]).intValue(), req.pKey());
        assertEquals(Integer.decode(t[8]).intValue(), req.remoteCmResponseTimeout());
        assertEquals(Integer.decode(t[9]).intValue(), req.retryCount());
        assertEquals(Integer.decode(t[10]).intValue(), req.rnrRetryCount());
        assertEquals(Integer.decode(t[11]).intValue(), req.maxCmRetries());
        assertEquals(Integer.decode(t[12]).intValue(), req.primaryPath().hopLimit());
        assertEquals(Integer.decode(t[13]).intValue(), req.primaryPath().localAckTimeout());
        assertEquals(Integer.decode(t[14]).intValue(), req.cmaHeader().sourcePort());
        assertEquals(t[15], ip(req.cmaHeader().sourceIp()));
        assertEquals(t[16], ip(req.cmaHeader().destinationIp()));
        assertEquals(Integer.decode(t[18]).intValue(), ServiceIds.port(req.serviceId()));
        // README values (frame decoded from the blog's tcpdump -XX dump)
        assertEquals(0x19ac2f7aL, req.localCommId());
        assertEquals(18515, ServiceIds.port(req.serviceId()));
        assertEquals(0x0106, ServiceIds.portSpace(req.serviceId()));
        assertEquals(0x1a4, req.localQpn());
        assertEquals(0xb1ee, req.cmaHeader().sourcePort());
        assertEquals(4, req.cmaHeader().ipVersion());
        assertEquals("CM", d.mad().className());
        assertEquals("REQ", req.name());
        // Wireshark 4.0 shows "Primary Packet Rate: 0x00" although the low 6 bits of that word are 7 on the
        // wire (bytes 00 00 00 07 at MAD data offset 88): the rate follows the dump, not tshark.
        assertEquals(7, req.primaryPath().packetRate());
    }

    static String ip(byte[] a) throws Exception {
        return java.net.InetAddress.getByAddress(a).getHostAddress();
    }

    @Test
    void nativeIbHandshakeFromErfMatchesReadme() throws Exception {
        Path f = Oracles.sharedCapture("rdma/rdma-softroce-demo_infiniband_erf.pcap");
        List<CmParseResult> cm = parseAll(f).stream()
            .filter(r -> r instanceof CmParseResult.Decoded d && d.mad().mgmtClass() == 7).toList();
        assertEquals(9, cm.size());
        var req = (CmParseResult.Decoded) cm.get(0);
        var rep = (CmParseResult.Decoded) cm.get(1);
        var rtu = (CmParseResult.Decoded) cm.get(2);
        assertEquals(0x00000010278648e9L, req.mad().transactionId());
        assertEquals(0x870408, ((CmMessage.Req) req.message()).localQpn());
        assertEquals(0xe9488627L, ((CmMessage.Rep) rep.message()).remoteCommId());
        assertEquals(0xfc0407, ((CmMessage.Rep) rep.message()).localQpn());
        assertInstanceOf(CmMessage.Rtu.class, rtu.message());
        // not an RDMA-CM IP service (IPoIB-CM): no cma header
        assertNull(((CmMessage.Req) req.message()).cmaHeader());
        Oracles.requireTshark();
        {
            String[] rows = tsharkFields(f, "infiniband.mad.attributeid", "infiniband.mad.transactionid").split("\n");
            int i = 0;
            for (String row : rows) {
                String[] t = row.split("\t");
                if (!t[0].matches("0x001[034]")) continue;
                var d = (CmParseResult.Decoded) cm.get(i++);
                assertEquals(Integer.decode(t[0]).intValue(), d.mad().attributeId());
                assertEquals(Long.decode(t[1]).longValue(), d.mad().transactionId());
            }
            assertEquals(9, i);
        }
    }

    @Test
    void builtMessagesMatchTshark(@TempDir Path dir) throws Exception {
        Oracles.requireTshark();
        CmFrames fr = new CmFrames();
        byte[] priv = CmFrames.cmaHeader(0xbeef, A, B);
        fr.cm(1, A, B, CmFrames.mad(0x10, 0x1111, CmFrames.req(0xa1b2c3d4L, ServiceIds.of(0x106, 7471),
            0x0002c90300a1b2c3L, 0x123456, 0xabcdef, 5, A, B, priv)));
        fr.cm(2, B, A, CmFrames.mad(0x13, 0x1111, CmFrames.rep(0x11223344L, 0xa1b2c3d4L, 0x654321, 0x0fedcb, 7L)));
        fr.cm(3, A, B, CmFrames.mad(0x14, 0x1111, CmFrames.pair(0xa1b2c3d4L, 0x11223344L)));
        fr.cm(4, B, A, CmFrames.mad(0x12, 0x2222, CmFrames.rej(0x55L, 0x66L, 0, 28)));
        fr.cm(5, A, B, CmFrames.mad(0x15, 0x3333, CmFrames.dreq(0xa1b2c3d4L, 0x11223344L, 0x654321)));
        fr.cm(6, B, A, CmFrames.mad(0x16, 0x3333, CmFrames.pair(0x11223344L, 0xa1b2c3d4L)));
        Path f = dir.resolve("cm.pcap");
        fr.write(f);
        // every built frame carries a valid ICRC (checked by rdma.Icrc) and tshark sees 6 CM MADs over RRoCE
        for (byte[] frame : fr.frames) {
            Packet p = CmFrames.packet(frame, 1);
            Layers l = new Layers();
            Dissector.dissect(p, l);
            assertEquals(dev.fabricscope.rdma.IcrcStatus.VALID, new dev.fabricscope.rdma.Icrc().check(p, l));
        }
        List<CmParseResult> all = parseAll(f);
        assertEquals(6, all.size());
        String[] lines = tsharkFields(f, "infiniband.mad.attributeid", "infiniband.cm.req", "infiniband.cm.req.localqpn",
            "infiniband.cm.req.startpsn", "infiniband.cm.req.pppmtu", "infiniband.cm.req.ip_cm.sport",
            "infiniband.cm.req.prim_flowlabel", "infiniband.cm.req.prim_sl",
            "infiniband.cm.rep.remotecommid", "infiniband.cm.rep.localqpn", "infiniband.cm.rep.startpsn",
            "infiniband.cm.rtu.localcommid", "infiniband.cm.rtu.remotecommid",
            "infiniband.cm.rej.localcommid", "infiniband.cm.rej.reason",
            "infiniband.cm.dreq.localcommid", "infiniband.cm.req.remoteqpneecn",
            "infiniband.cm.drsp.localcommid", "infiniband.cm.drsp.remotecommid").split("\n");
        assertEquals(6, lines.length);
        String[][] t = new String[6][];
        for (int i = 0; i < 6; i++) t[i] = lines[i].split("\t", -1);
        var req = (CmMessage.Req) ((CmParseResult.Decoded) all.get(0)).message();
        assertEquals(Long.decode(t[0][1]).longValue(), req.localCommId());
        assertEquals(Integer.decode(t[0][2]).intValue(), req.localQpn());
        assertEquals(Integer.decode(t[0][3]).intValue(), req.startingPsn());
        assertEquals(Integer.decode(t[0][4]).intValue(), req.pathMtu());
        assertEquals(Integer.decode(t[0][5]).intValue(), req.cmaHeader().sourcePort());
        // Wireshark 4.0 reads only the first 2 bytes of the 20-bit flow label (packet-infiniband.c adds the
        // item with length 2 under a 0xfffff000 mask), so it shows our flow label shifted right by 8
        assertEquals(Integer.decode(t[0][6]).intValue(), req.primaryPath().flowLabel() >>> 8);
        assertEquals(0x12345, req.primaryPath().flowLabel());
        assertEquals(Integer.decode(t[0][7]).intValue(), req.primaryPath().sl());
        var rep = (CmMessage.Rep) ((CmParseResult.Decoded) all.get(1)).message();
        assertEquals(Long.decode(t[1][8]).longValue(), rep.remoteCommId());
        assertEquals(Integer.decode(t[1][9]).intValue(), rep.localQpn());
        assertEquals(Integer.decode(t[1][10]).intValue(), rep.startingPsn());
        var rtu = (CmMessage.Rtu) ((CmParseResult.Decoded) all.get(2)).message();
        assertEquals(Long.decode(t[2][11]).longValue(), rtu.localCommId());
        assertEquals(Long.decode(t[2][12]).longValue(), rtu.remoteCommId());
        var rej = (CmMessage.Rej) ((CmParseResult.Decoded) all.get(3)).message();
        assertEquals(Long.decode(t[3][13]).longValue(), rej.localCommId());
        assertEquals(Integer.decode(t[3][14]).intValue(), rej.reason());
        assertEquals("Consumer Reject", rej.reasonName());
        var dreq = (CmMessage.Dreq) ((CmParseResult.Decoded) all.get(4)).message();
        assertEquals(Long.decode(t[4][15]).longValue(), dreq.localCommId());
        assertEquals(Integer.decode(t[4][16]).intValue(), dreq.remoteQpn());
        var drep = (CmMessage.Drep) ((CmParseResult.Decoded) all.get(5)).message();
        assertEquals(Long.decode(t[5][17]).longValue(), drep.localCommId());
        assertEquals(Long.decode(t[5][18]).longValue(), drep.remoteCommId());
    }

    @Test
    void shortMadAndBogusAttributeAreMalformed() {
        byte[] mad = CmFrames.mad(0x10, 1, CmFrames.req(1, 2, 3, 4, 5, 3, A, B, new byte[0]));
        var shortMad = assertInstanceOf(CmParseResult.Malformed.class, CmParser.parse(java.util.Arrays.copyOf(mad, 200)));
        assertTrue(shortMad.reason().contains("200 of 256"), shortMad.reason());
        assertInstanceOf(CmParseResult.Malformed.class, CmParser.parse(new byte[10]));
        byte[] bogus = mad.clone();
        bogus[17] = 0x7f;
        assertInstanceOf(CmParseResult.Malformed.class, CmParser.parse(bogus));
        byte[] sa = mad.clone();
        sa[1] = 3;
        assertEquals("SubnAdm", assertInstanceOf(CmParseResult.NotCm.class, CmParser.parse(sa)).mad().className());
        assertArrayEquals(new byte[92], java.util.Arrays.copyOf(new byte[92], 92));
    }
}
