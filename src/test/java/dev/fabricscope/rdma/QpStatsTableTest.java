package dev.fabricscope.rdma;

import static dev.fabricscope.testing.ByteArrays.concat;
import static dev.fabricscope.testing.ByteArrays.hex;
import static dev.fabricscope.testing.ByteArrays.zeros;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.capture.CaptureFiles;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.testing.InfinibandFrames;
import dev.fabricscope.testing.Oracles;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class QpStatsTableTest {
    static final long T0 = 1_000_000_000_000L; // 1000 s: an interval boundary
    static final long MS = 1_000_000L;

    /** The scenario: expected counts worked out by hand from the frames below. */
    static RoceFrames scenario() {
        RoceFrames f = new RoceFrames();
        int[] psns = {100, 101, 102, 104, 103, 103, 105, 105};
        for (int i = 0; i < psns.length; i++) f.request(T0 + i * MS, psns[i], i == 2 ? 0x6B : 0x02); // 102: DSCP 26 + CE
        f.roce(T0 + 8 * MS, 1, 2, 0x02, -1, 0x0C, 0x10, 106, new byte[16], 0); // READ request (RETH)
        f.request(T0 + 9 * MS, 120, 0x02);  // after a READ the jump is not a gap
        f.request(T0 + 10 * MS, 121, 0x02);
        f.request(T0 + 11 * MS, 125, 0x02); // gap of 3
        f.ack(T0 + 20 * MS, 0x1F, 101);     // ACK
        f.ack(T0 + 21 * MS, 0x60, 103);     // NAK PSN sequence error
        f.ack(T0 + 22 * MS, 0x21, 103);     // RNR NAK
        f.ack(T0 + 23 * MS, 0x62, 103);     // NAK remote access error
        f.pfc(T0 + 500 * MS, 0x08, 0, 0, 0, 0xFFFF);
        f.pfc(T0 + 600 * MS, 0x08);
        f.cnp(T0 + 800 * MS, 3);
        f.cnp(T0 + 2500 * MS, 3);
        f.pfc(T0 + 2600 * MS, 0x09, 0x10, 0, 0, 0x10);
        f.pause(T0 + 2700 * MS, 0x100);
        return f;
    }

    static void feed(RoceFrames frames, QpStatsTable table) {
        Layers l = new Layers();
        long n = 1;
        for (RoceFrames.Frame f : frames.frames) {
            Packet p = new Packet().set(f.bytes(), 0, f.bytes().length, f.bytes().length, f.nanos(), 0, LinkType.EN10MB, n++);
            Dissector.dissect(p, l);
            table.packet(p, l);
        }
        table.finish();
    }

    @Test
    void countsEveryProblemOnTheRightRow() {
        QpStatsTable t = new QpStatsTable(16);
        feed(scenario(), t);
        List<QpSummary> rows = t.summaries();
        assertEquals(2, rows.size());
        QpSummary requester = rows.get(0); // 3 NAK/RNR: worst
        assertEquals("10.0.0.2", requester.src());
        assertEquals("10.0.0.1", requester.dst());
        assertEquals(0x20, requester.destQp());
        assertEquals(6, requester.packets());
        assertEquals(1, requester.acks());
        assertEquals(2, requester.naks());
        assertEquals(1, requester.rnrNaks());
        assertEquals(List.of(1L, 0L, 1L, 0L, 0L), requester.nakCodes());
        assertEquals(2, requester.cnps());
        assertEquals(0, requester.psnGaps() + requester.duplicates() + requester.outOfOrder());
        assertEquals(List.of(0, 48), requester.dscp());
        assertEquals(3, requester.priority());
        assertEquals(3020, requester.score());

        QpSummary flow = rows.get(1);
        assertEquals("10.0.0.1", flow.src());
        assertEquals(0x10, flow.destQp());
        assertEquals(12, flow.packets());
        assertEquals(2, flow.psnGaps());
        assertEquals(4, flow.psnSkipped());
        assertEquals(1, flow.outOfOrder());
        assertEquals(2, flow.duplicates());
        assertEquals(1, flow.ceMarks());
        assertEquals(0, flow.cnps());
        assertEquals(List.of(0, 26), flow.dscp());
        assertEquals(List.of(new QpSummary.OpcodeCount(0x04, 11), new QpSummary.OpcodeCount(0x0C, 1)), flow.opcodes());
        assertEquals(T0, flow.firstNanos());
        assertEquals(T0 + 11 * MS, flow.lastNanos());
        long bytes = 0;
        for (RoceFrames.Frame f : scenario().frames.subList(0, 12)) bytes += f.bytes().length;
        assertEquals(bytes, flow.bytes());

        assertEquals(3, t.pfcFrames());
        assertEquals(1, t.pauseFrames());
        assertEquals(1, t.pfcPauses()[0]);
        assertEquals(2, t.pfcPauses()[3]);
        assertEquals(1, t.pfcResumes()[3]);
        assertEquals(1, t.pfcPauses()[8]);
    }

    @Test
    void timelinePerIntervalPriorityAndQp() {
        List<CongestionInterval> intervals = new ArrayList<>();
        feed(scenario(), new QpStatsTable(16, 1000 * MS, intervals::add));
        assertEquals(2, intervals.size());
        CongestionInterval first = intervals.get(0);
        assertEquals(T0, first.startNanos());
        assertEquals(List.of(new CongestionInterval.PriorityCongestion(3, 1, 1, 1, 1)), first.priorities());
        assertEquals(List.of(new CongestionInterval.QpCongestion("10.0.0.2", "10.0.0.1", 0x20, 0, 1),
            new CongestionInterval.QpCongestion("10.0.0.1", "10.0.0.2", 0x10, 1, 0)), first.qps());
        CongestionInterval second = intervals.get(1);
        assertEquals(T0 + 2000 * MS, second.startNanos());
        assertEquals(List.of(new CongestionInterval.PriorityCongestion(-1, 0, 0, 1, 0),
            new CongestionInterval.PriorityCongestion(0, 0, 0, 1, 0),
            new CongestionInterval.PriorityCongestion(3, 0, 1, 1, 0)), second.priorities());
        assertEquals(List.of(new CongestionInterval.QpCongestion("10.0.0.2", "10.0.0.1", 0x20, 0, 1)), second.qps());
    }

    @Test
    void ipOverInfinibandStaysOnItsQueuePairsRow() {
        // native IB SENDs of IPoIB connected mode to QP 0x870408: keyed by LID like any IB packet, not by the IP
        // addresses inside (those describe IP over IB; only RoCEv2's IP header is the transport's own), nor do
        // the inner header's DSCP 46 and ECN CE count as the QP's DSCP or congestion marks
        byte[] ip = concat(hex("45bb 001c 0000 4000 4001 0000 0a000122 0a00003a"), zeros(8));
        byte[] plain = InfinibandFrames.ipOverIb(0x04, 0x870408, new byte[0], 0x88b5, 0, ip);   // not IPoIB
        byte[] ipoib = InfinibandFrames.ipOverIb(0x04, 0x870408, new byte[0], 0x0800, 0, ip);
        QpStatsTable t = new QpStatsTable(4);
        Layers l = new Layers();
        long n = 1;
        for (byte[] b : List.of(plain, ipoib, ipoib)) {
            Packet p = new Packet().set(b, 0, b.length, b.length, T0 + n, 0, LinkType.INFINIBAND, n++);
            Dissector.dissect(p, l);
            t.packet(p, l);
        }
        t.finish();
        List<QpSummary> rows = t.summaries();
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("lid 1", rows.get(0).src());
        assertEquals("lid 4", rows.get(0).dst());
        assertEquals(3, rows.get(0).packets());
        assertEquals(List.of(), rows.get(0).dscp());
        assertEquals(0, rows.get(0).ceMarks());
    }

    @Test
    void fullTableEvictsTheLongestIdle() {
        RoceFrames f = new RoceFrames();
        f.roce(T0, 1, 2, 2, -1, 0x04, 0x10, 1, new byte[0], 0);
        f.roce(T0 + MS, 3, 2, 2, -1, 0x04, 0x10, 1, new byte[0], 0);
        f.roce(T0 + 2 * MS, 4, 2, 2, -1, 0x04, 0x10, 1, new byte[0], 0);
        f.roce(T0 + 3 * MS, 3, 2, 2, -1, 0x04, 0x10, 2, new byte[0], 0);
        QpStatsTable t = new QpStatsTable(2);
        feed(f, t);
        assertEquals(1, t.evictedRows());
        List<QpSummary> rows = t.summaries();
        assertEquals(List.of("10.0.0.3", "10.0.0.4"), rows.stream().map(QpSummary::src).toList());
        assertEquals(2, rows.get(0).packets()); // found again after the index rebuild
    }

    @Test
    void psnWrapsAt24Bits() {
        RoceFrames f = new RoceFrames();
        f.request(T0, 0xFFFFFE, 2).request(T0 + 1, 0xFFFFFF, 2).request(T0 + 2, 0, 2).request(T0 + 3, 1, 2);
        QpStatsTable t = new QpStatsTable(4);
        feed(f, t);
        QpSummary q = t.summaries().get(0);
        assertEquals(0, q.psnGaps() + q.duplicates() + q.outOfOrder());
    }

    @Test
    void ipv6Text() {
        assertEquals("fd00::8", QpStatsTable.compressIpv6(dev.fabricscope.testing.ByteArrays.hex("fd000000000000000000000000000008")));
        assertEquals("2001:db8::1:0:0:1", QpStatsTable.compressIpv6(dev.fabricscope.testing.ByteArrays.hex("20010db8000000000001000000000001")));
        assertEquals("::", QpStatsTable.compressIpv6(new byte[16]));
    }

    @Test
    void noAllocationPerPacket() {
        var bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "per-thread allocation counter not available");
        var threads = (com.sun.management.ThreadMXBean) bean;
        RoceFrames frames = scenario();
        Packet[] packets = new Packet[frames.frames.size()];
        Layers[] layers = new Layers[packets.length];
        for (int i = 0; i < packets.length; i++) {
            byte[] b = frames.frames.get(i).bytes();
            packets[i] = new Packet().set(b, 0, b.length, b.length, T0, 0, LinkType.EN10MB, i + 1);
            layers[i] = new Layers();
            Dissector.dissect(packets[i], layers[i]);
        }
        QpStatsTable t = new QpStatsTable(16);
        for (int r = 0; r < 5000; r++) for (int i = 0; i < packets.length; i++) t.packet(packets[i], layers[i]);
        long tid = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(tid);
        int rounds = 50_000;
        for (int r = 0; r < rounds; r++) for (int i = 0; i < packets.length; i++) t.packet(packets[i], layers[i]);
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        assertTrue(allocated < 65_536, allocated + " bytes allocated over " + rounds * packets.length + " packets");
    }

    /**
     * Packets and opcodes per (src, dst, dest QP) on the real RoCEv2 capture agree with tshark; its request
     * PSNs (all opcodes but ACK) run without gaps or repeats in tshark's view, so ours must too.
     */
    @Test
    void agreesWithTsharkOnRealCapture() throws Exception {
        Path file = Oracles.sharedCapture("rdma/oferby-proxy_roce.pcap");
        Oracles.requireTshark();
        Oracles.Run r = Oracles.run("tshark", "-r", file.toString(), "-d", "udp.port==69,infiniband", "-Y", "infiniband",
            "-T", "fields", "-E", "separator=|", "-e", "ip.src", "-e", "ip.dst", "-e", "infiniband.bth.destqp",
            "-e", "infiniband.bth.psn", "-e", "infiniband.bth.opcode");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Long> packets = new TreeMap<>();
        Map<String, Map<Integer, Long>> opcodes = new HashMap<>();
        Map<String, Long> irregular = new HashMap<>();
        Map<String, Long> lastPsn = new HashMap<>();
        for (String line : r.out().strip().split("\n")) {
            String[] f = line.split("\\|");
            String key = f[0] + " " + f[1] + " " + Integer.decode(f[2]);
            packets.merge(key, 1L, Long::sum);
            int opcode = Integer.parseInt(f[4]);
            opcodes.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(opcode, 1L, Long::sum);
            if (opcode != 17) {
                long psn = Long.parseLong(f[3]);
                Long prev = lastPsn.put(key, psn);
                if (prev != null && psn != prev + 1) irregular.merge(key, 1L, Long::sum);
            }
        }
        QpStatsTable t = new QpStatsTable(64);
        try (PacketSource source = CaptureFiles.open(file.toString(), m -> { })) {
            Packet p = new Packet();
            Layers l = new Layers();
            while (source.next(p)) {
                Dissector.dissect(p, l);
                t.packet(p, l);
            }
        }
        Map<String, Long> ours = new TreeMap<>();
        for (QpSummary q : t.summaries()) {
            String key = q.src() + " " + q.dst() + " " + q.destQp();
            ours.put(key, q.packets());
            Map<Integer, Long> ops = new HashMap<>();
            for (QpSummary.OpcodeCount o : q.opcodes()) ops.put(o.opcode(), o.packets());
            assertEquals(opcodes.get(key), ops, key);
            assertEquals(irregular.getOrDefault(key, 0L), q.psnGaps() + q.duplicates() + q.outOfOrder(), key);
        }
        assertEquals(packets, ours);
        assertEquals(105, ours.values().stream().mapToLong(Long::longValue).sum());
    }
}
