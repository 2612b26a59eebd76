package dev.fabricscope.rdma;

import static org.junit.jupiter.api.Assertions.*;

import dev.fabricscope.testing.Oracles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every RoCE/IB frame of the shared captures decoded by {@link RdmaDecoder}, field by field against
 * tshark ({@code tshark -r F -d udp.port==69,infiniband -Y infiniband -T fields -e ...}: the -d makes
 * tshark decode the RoCEv2 frames sent from UDP source port 69 that it would otherwise take for TFTP).
 * tshark does not check ICRCs; it shows the on-wire bytes (infiniband.invariant.crc), which we compare.
 */
class RdmaDecodeTsharkTest {
    private static final List<String> FIELDS = List.of("frame.number", "infiniband.bth.opcode", "infiniband.bth.se",
        "infiniband.bth.m", "infiniband.bth.padcnt", "infiniband.bth.tver", "infiniband.bth.p_key",
        "infiniband.bth.destqp", "infiniband.bth.a", "infiniband.bth.psn", "infiniband.reth.va",
        "infiniband.reth.r_key", "infiniband.reth.dmalen", "infiniband.aeth.syndrome", "infiniband.aeth.msn",
        "infiniband.deth.q_key", "infiniband.deth.srcqp", "infiniband.immdt", "infiniband.mad.mgmtclass",
        "infiniband.mad.method", "infiniband.mad.transactionid", "infiniband.mad.attributeid",
        "infiniband.lrh.slid", "infiniband.lrh.dlid", "infiniband.lrh.sl", "infiniband.lrh.vl",
        "infiniband.invariant.crc", "infiniband.variant.crc",
        // IP over IB on native IB; on RoCEv2 the IP protocol and UDP ports are those of RoCEv2 itself
        "infiniband.rwh.etype", "ip.proto", "ipv6.nxt", "udp.srcport", "udp.dstport", "tcp.srcport", "tcp.dstport");

    @ParameterizedTest
    @ValueSource(strings = {"oferby-proxy_roce.pcap", "rdma-softroce-demo_infiniband_erf.pcap",
        "libconntrack-cm_test_cnp_expected.rawip.pcap", "scapy_roce_uts_cnp_connectx4lx.pcap",
        "scapy_roce_uts_uc_send_only.pcap", "scapy_roce_uts_rocev1_rc_write_and_ack.pcap",
        "pcapplusplus_InfiniBandPacket_rdma_read_req.pcap", "blog-ib_send_bw-rdma_cm-req-vlan6.pcap"})
    void fieldsMatchTshark(String name) throws IOException {
        Path file = Oracles.sharedCapture("rdma/" + name);
        Oracles.requireTshark();
        List<String> cmd = new ArrayList<>(List.of("tshark", "-r", file.toString(), "-d", "udp.port==69,infiniband",
            "-Y", "infiniband", "-T", "fields", "-E", "occurrence=f"));
        for (String f : FIELDS) {
            cmd.add("-e");
            cmd.add(f);
        }
        Oracles.Run run = Oracles.run(cmd);
        assertEquals(0, run.exitCode(), run.err());
        Map<Long, String> expected = new LinkedHashMap<>();
        for (String line : run.out().split("\n")) {
            if (line.isEmpty()) continue;
            expected.put(Long.parseLong(line.substring(0, line.indexOf('\t'))), line);
        }
        Map<Long, String> ours = new LinkedHashMap<>();
        RdmaDecoder decoder = new RdmaDecoder();
        RdmaTestFrames.forEachFrame(file, (p, l) -> {
            if (decoder.decode(p, l) instanceof DecodedFrame.Transport t) ours.put(p.frameNumber(), asTshark(t));
        });
        assertFalse(expected.isEmpty(), "tshark found no InfiniBand frames in " + name);
        assertEquals(expected.keySet(), ours.keySet(), "frames decoded");
        for (var e : expected.entrySet()) {
            assertEquals(normalize(e.getValue()), ours.get(e.getKey()), name + " frame " + e.getKey());
        }
    }

    /** tshark prints some fields in hex, others in decimal: compare numbers, not spellings. */
    private static String normalize(String line) {
        String[] f = line.split("\t", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < FIELDS.size(); i++) {
            String v = i < f.length ? f[i] : "";
            if (i > 0) sb.append('|');
            if (v.isEmpty()) continue;
            String field = FIELDS.get(i);
            if (field.equals("infiniband.immdt")) v = "0x" + v;   // shown as bare hex bytes
            sb.append(v.startsWith("0x") ? Long.parseUnsignedLong(v.substring(2), 16) : Long.parseLong(v));
        }
        return sb.toString();
    }

    /** The IP protocol tshark shows for IP version {@code version}: RoCEv2's UDP, or what IP over IB carries. */
    private static Integer ipProtocol(DecodedFrame.Transport t, int version) {
        if (t.encapsulation() == DecodedFrame.Encapsulation.ROCE_V2) return t.ipVersion() == version ? 17 : null;
        DecodedFrame.IpOverIb i = t.ipOverIb();
        return i != null && i.ipVersion() == version ? i.protocol() : null;
    }

    private static String asTshark(DecodedFrame.Transport t) {
        Bth b = t.bth();
        ExtendedHeaders h = t.headers();
        MadBaseHeader m = t.mad();
        boolean ib = t.slid() >= 0;
        DecodedFrame.IpOverIb ipoib = t.ipOverIb();
        boolean roceV2 = t.encapsulation() == DecodedFrame.Encapsulation.ROCE_V2;
        boolean udp = roceV2 || ipoib != null && ipoib.protocol() == 17 && ipoib.srcPort() >= 0;
        boolean tcp = ipoib != null && ipoib.protocol() == 6 && ipoib.srcPort() >= 0;
        Integer srcPort = roceV2 ? Integer.valueOf(t.srcPort()) : ipoib == null ? null : Integer.valueOf(ipoib.srcPort());
        Integer dstPort = roceV2 ? Integer.valueOf(t.dstPort()) : ipoib == null ? null : Integer.valueOf(ipoib.dstPort());
        Object[] v = {t.frame(), b.opcode(), b.solicitedEvent() ? 1 : 0, b.migReq() ? 1 : 0, b.padCount(),
            b.transportVersion(), b.pKey(), b.destQp(), b.ackRequest() ? 1 : 0, b.psn(),
            h.reth() == null ? null : h.reth().virtualAddress(), h.reth() == null ? null : h.reth().rKey(),
            h.reth() == null ? null : h.reth().dmaLength(), h.aeth() == null ? null : h.aeth().syndrome(),
            h.aeth() == null ? null : h.aeth().msn(), h.deth() == null ? null : h.deth().qKey(),
            h.deth() == null ? null : h.deth().srcQp(), h.immDt() == null ? null : h.immDt().immediateData(),
            m == null ? null : m.mgmtClass(), m == null ? null : m.method(), m == null ? null : m.transactionId(),
            m == null ? null : m.attributeId(), ib ? t.slid() : null, ib ? t.dlid() : null,
            ib ? t.serviceLevel() : null, ib ? t.virtualLane() : null,
            // Wireshark 4.0 stops at opcode 0x81 (unknown to it) and shows no ICRC; IcrcTest checks those vectors
            t.icrc().checked() && b.opcode() != Opcode.CNP ? Integer.toUnsignedLong(t.icrcOnWire()) : null,
            t.vcrc().checked() ? t.vcrcOnWire() : null,
            ipoib == null ? null : ipoib.etherType(), ipProtocol(t, 4), ipProtocol(t, 6), udp ? srcPort : null,
            udp ? dstPort : null, tcp ? srcPort : null, tcp ? dstPort : null};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            if (i > 0) sb.append('|');
            if (v[i] != null) sb.append(v[i]);
        }
        return sb.toString();
    }
}
