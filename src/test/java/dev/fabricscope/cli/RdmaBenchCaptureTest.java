package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fabricscope.rdma.cm.CmState;
import dev.fabricscope.rdma.cm.RoceBenchCapture;
import dev.fabricscope.rdma.cm.RoceBenchSummary;
import dev.fabricscope.testing.Oracles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench capture (bench/rdma.sh) at small scale — 50 connections, 32 request packets each, every story of
 * {@link RoceBenchCapture} present — read by {@code rdma conntrack}, {@code rdma qps} and {@code rdma icrc}
 * in-process, against what the generator says it wrote ({@link RoceBenchSummary}) and against tshark reading the
 * same file (its per-row packet, CE, CNP, ACK/NAK counts, and the CM messages and handshake fields).
 */
class RdmaBenchCaptureTest {
    static final int CONNECTIONS = 50;
    static final int REQUESTS = 32;
    private static final Pattern FIELD = Pattern.compile("\"([a-z_]+)\":(\"[^\"]*\"|-?\\d+|null|true|false|\\[[^]]*])");

    @TempDir
    static Path tmp;
    static Path file;
    static RoceBenchSummary expected;

    @BeforeAll
    static void write() throws Exception {
        file = tmp.resolve("bench-small.pcap");
        expected = RoceBenchCapture.write(file, CONNECTIONS, REQUESTS);
    }

    static List<Map<String, String>> objects(String out, String type) {
        List<Map<String, String>> list = new ArrayList<>();
        for (String line : out.lines().toList()) {
            Map<String, String> m = new HashMap<>();
            Matcher x = FIELD.matcher(line);
            while (x.find()) m.putIfAbsent(x.group(1), x.group(2).replace("\"", ""));
            if (type.equals(m.get("type"))) list.add(m);
        }
        return list;
    }

    static long n(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) throw new AssertionError("no field " + key + " in " + m);
        return Long.parseLong(v);
    }

    @Test
    void everyStoryIsInTheSmallCapture() {
        // a test of the generator itself: all eight end states, anomalies and congestion are there
        assertEquals(CmState.values().length, expected.states().size(), expected.states().toString());
        assertTrue(expected.total(r -> r.psnGaps) > 0 && expected.total(r -> r.naks) > 0 && expected.total(r -> r.rnrNaks) > 0);
        assertTrue(expected.total(r -> r.ceMarks) > 0 && expected.total(r -> r.cnps) > 0 && expected.pfcFrames > 0);
        assertEquals(expected.frames, expected.roceFrames + expected.pfcFrames + expected.pauseFrames);
    }

    @Test
    void conntrackMatchesTheGenerator() {
        CliRun run = CliRun.of("rdma", "conntrack", "-r", file.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        Map<String, Map<String, String>> ours = new HashMap<>();
        for (Map<String, String> c : objects(run.out(), "connection")) ours.put(c.get("client_ip") + "/" + c.get("client_comm_id"), c);
        assertEquals(expected.connections.size(), ours.size());
        for (RoceBenchSummary.Connection want : expected.connections) {
            Map<String, String> got = ours.get(want.clientIp() + "/" + want.clientCommId());
            String what = want.toString();
            assertTrue(got != null, "missing " + what);
            assertEquals(want.serverIp(), got.get("server_ip"), what);
            assertEquals(want.port(), n(got, "port"), what);
            assertEquals(want.state().name(), got.get("state"), what);
            assertEquals(want.rejectReason(), n(got, "reject_reason"), what);
            assertEquals(want.clientQpn(), n(got, "client_qpn"), what);
            assertEquals(want.serverQpn(), n(got, "server_qpn"), what);
            assertEquals(want.reqCount(), n(got, "req_count"), what);
            assertEquals(want.cmMessages(), n(got, "cm_messages"), what);
            assertEquals(want.clientPackets(), n(got, "client_packets"), what);
            assertEquals(want.clientBytes(), n(got, "client_bytes"), what);
            assertEquals(want.serverPackets(), n(got, "server_packets"), what);
            assertEquals(want.serverBytes(), n(got, "server_bytes"), what);
        }
        Map<String, String> summary = objects(run.out(), "summary").getFirst();
        assertEquals(expected.connections.size(), n(summary, "connections"));
        assertEquals(expected.cmMessages, n(summary, "cm_messages"));
        assertEquals(expected.unmatched, n(summary, "unmatched"));
        assertEquals(0, n(summary, "malformed"));
        assertEquals(expected.dataPackets, n(summary, "data_packets"));
        assertEquals(expected.dataAttributed, n(summary, "data_packets_attributed"));
        Matcher states = Pattern.compile("\"states\":\\{([^}]*)}").matcher(run.out());
        assertTrue(states.find());
        Map<CmState, Integer> gotStates = new EnumMap<>(CmState.class);
        for (String kv : states.group(1).split(",")) {
            String[] p = kv.split(":");
            gotStates.put(CmState.valueOf(p[0].replace("\"", "")), Integer.parseInt(p[1]));
        }
        assertEquals(expected.states(), gotStates);
    }

    @Test
    void qpsMatchesTheGenerator() {
        CliRun run = CliRun.of("rdma", "qps", "-r", file.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        List<Map<String, String>> rows = objects(run.out(), "qp");
        assertEquals(expected.rows.size(), rows.size());
        for (Map<String, String> got : rows) {
            var key = new RoceBenchSummary.RowKey(got.get("src"), got.get("dst"), (int) n(got, "dest_qp"));
            RoceBenchSummary.Row want = expected.rows.get(key);
            assertTrue(want != null, "unexpected row " + key);
            String what = key.toString();
            assertEquals(want.packets, n(got, "packets"), what);
            assertEquals(want.bytes, n(got, "bytes"), what);
            assertEquals(want.acks, n(got, "acks"), what);
            assertEquals(want.naks, n(got, "naks"), what);
            assertEquals(want.rnrNaks, n(got, "rnr_naks"), what);
            assertEquals(want.psnGaps, n(got, "psn_gaps"), what);
            assertEquals(want.psnSkipped, n(got, "psn_skipped"), what);
            assertEquals(want.duplicates, n(got, "duplicates"), what);
            assertEquals(want.outOfOrder, n(got, "out_of_order"), what);
            assertEquals(want.ceMarks, n(got, "ce_marks"), what);
            assertEquals(want.cnps, n(got, "cnps"), what);
            assertEquals(dscpList(want.dscpMask), got.get("dscp"), what);
        }
        Map<String, String> summary = objects(run.out(), "summary").getFirst();
        assertEquals(expected.pfcFrames, n(summary, "pfc_frames"));
        assertEquals(expected.pauseFrames, n(summary, "pause_frames"));
        assertEquals(0, n(summary, "evicted_qps"));
    }

    private static String dscpList(long mask) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < 64; i++) if ((mask & 1L << i) != 0) l.add(i);
        return l.toString().replace(" ", "");
    }

    @Test
    void everyIcrcIsValid() {
        CliRun run = CliRun.of("rdma", "icrc", "-r", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(expected.roceFrames + " RoCE/IB frames: " + expected.roceFrames + " ICRC valid, 0 invalid"), run.out());
    }

    /** tshark counts the same RoCE frames and CM messages, and per row the same packets, CE marks, CNPs, ACKs and NAKs as rdma qps. */
    @Test
    void tsharkAgreesWithQpsAndTheGenerator() {
        Oracles.requireTshark();
        Oracles.Run t = Oracles.run("tshark", "-r", file.toString(), "-Y", "infiniband", "-T", "fields", "-E", "separator=,",
            "-e", "ip.src", "-e", "ip.dst", "-e", "infiniband.bth.destqp", "-e", "infiniband.bth.opcode", "-e", "ip.dsfield.ecn",
            "-e", "infiniband.aeth.syndrome", "-e", "frame.len");
        assertEquals(0, t.exitCode(), t.err());
        List<String> lines = t.out().lines().toList();
        assertEquals(expected.roceFrames, lines.size());
        Map<String, long[]> tshark = new TreeMap<>();   // packets, bytes, ce, cnp, ack, nak, rnr
        for (String line : lines) {
            String[] f = line.split(",", -1);
            long[] c = tshark.computeIfAbsent(f[0] + " " + f[1] + " " + Long.decode(f[2]), k -> new long[7]);
            c[0]++;
            c[1] += Long.parseLong(f[6]);
            if (f[4].equals("3")) c[2]++;
            if (f[3].equals("129")) c[3]++;
            if (!f[5].isEmpty()) c[4 + switch (Integer.parseInt(f[5]) >>> 5) { case 0 -> 0; case 3 -> 1; default -> 2; }]++;
        }
        CliRun run = CliRun.of("rdma", "qps", "-r", file.toString(), "--json");
        Map<String, long[]> ours = new TreeMap<>();
        for (Map<String, String> q : objects(run.out(), "qp")) {
            ours.put(q.get("src") + " " + q.get("dst") + " " + q.get("dest_qp"), new long[] {n(q, "packets"), n(q, "bytes"),
                n(q, "ce_marks"), n(q, "cnps"), n(q, "acks"), n(q, "naks"), n(q, "rnr_naks")});
        }
        assertEquals(tshark.keySet(), ours.keySet());
        for (String k : tshark.keySet()) assertEquals(List.of(box(tshark.get(k))), List.of(box(ours.get(k))), k);

        Oracles.Run cm = Oracles.run("tshark", "-r", file.toString(), "-Y", "infiniband.mad.mgmtclass==0x07", "-T", "fields",
            "-e", "infiniband.mad.attributeid");
        assertEquals(0, cm.exitCode(), cm.err());
        Map<Integer, Long> byAttribute = new TreeMap<>();
        for (String a : cm.out().lines().toList()) byAttribute.merge(Integer.decode(a), 1L, Long::sum);
        assertEquals(expected.cmByAttribute, byAttribute);
    }

    /** tshark's REQ (client comm ID, client QPN) and REP (server QPN) fields against rdma conntrack's connections. */
    @Test
    void tsharkHandshakeFieldsMatchConntrack() {
        Oracles.requireTshark();
        Oracles.Run req = Oracles.run("tshark", "-r", file.toString(), "-Y", "infiniband.mad.attributeid==0x0010", "-T", "fields",
            "-E", "separator=,", "-e", "ip.src", "-e", "infiniband.cm.req", "-e", "infiniband.cm.req.localqpn");
        Oracles.Run rep = Oracles.run("tshark", "-r", file.toString(), "-Y", "infiniband.mad.attributeid==0x0013", "-T", "fields",
            "-E", "separator=,", "-e", "ip.dst", "-e", "infiniband.cm.rep.remotecommid", "-e", "infiniband.cm.rep.localqpn");
        assertEquals(0, req.exitCode() + rep.exitCode(), req.err() + rep.err());
        Map<String, String> want = new TreeMap<>();   // client/comm -> "client_qpn server_qpn"
        for (String l : req.out().lines().toList()) {
            String[] f = l.split(",");
            want.put(f[0] + "/" + Long.decode(f[1]), Long.decode(f[2]) + " -1");
        }
        for (String l : rep.out().lines().toList()) {
            String[] f = l.split(",");
            String k = f[0] + "/" + Long.decode(f[1]);
            want.put(k, want.get(k).split(" ")[0] + " " + Long.decode(f[2]));
        }
        CliRun run = CliRun.of("rdma", "conntrack", "-r", file.toString(), "--json");
        Map<String, String> got = new TreeMap<>();
        for (Map<String, String> c : objects(run.out(), "connection")) {
            got.put(c.get("client_ip") + "/" + c.get("client_comm_id"), c.get("client_qpn") + " " + c.get("server_qpn"));
        }
        assertEquals(want, got);
    }

    private static Long[] box(long[] a) {
        Long[] b = new Long[a.length];
        for (int i = 0; i < a.length; i++) b[i] = a[i];
        return b;
    }
}
