package dev.fabricscope.rdma.cm;

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
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CmTrackerTest {
    static final CmFrames.Host C = CmFrames.Host.of("10.1.0.1", 1);
    static final CmFrames.Host S = CmFrames.Host.of("10.1.0.2", 2);
    static final CmFrames.Host C6 = CmFrames.Host.of("2001:db8::1", 3);
    static final CmFrames.Host S6 = CmFrames.Host.of("2001:db8::2", 4);
    static final long SID = ServiceIds.of(0x106, 7471);

    final List<CmEvent> events = new ArrayList<>();

    static void feed(CmTracker t, CmFrames f) {
        Packet p = new Packet();
        Layers l = new Layers();
        for (int i = 0; i < f.frames.size(); i++) {
            byte[] b = f.frames.get(i);
            p.set(b, 0, b.length, b.length, f.times.get(i) * 1000L, 0, 1, i + 1);
            Dissector.dissect(p, l);
            t.process(p, l);
        }
    }

    /** REQ/REP/RTU between c and s: client comm ID cid, server comm ID sid, QPNs cq/sq. */
    static void handshake(CmFrames f, long t, CmFrames.Host c, CmFrames.Host s, long cid, long sid, int cq, int sq) {
        f.cm(t, c, s, CmFrames.mad(0x10, cid, CmFrames.req(cid, SID, 1, cq, 0x100, 5, c, s, CmFrames.cmaHeader(40000, c, s))));
        f.cm(t + 10, s, c, CmFrames.mad(0x13, cid, CmFrames.rep(sid, cid, sq, 0x200, 2)));
        f.cm(t + 20, c, s, CmFrames.mad(0x14, cid, CmFrames.pair(cid, sid)));
    }

    @Test
    void ipv4HandshakeDataAndDisconnect() throws Exception {
        CmFrames f = new CmFrames();
        handshake(f, 1000, C, S, 0x1111, 0x2222, 0x100, 0x200);
        f.rcSend(2000, C, S, 0x200, 100).rcSend(2001, C, S, 0x200, 100).rcSend(2002, S, C, 0x100, 10);
        f.rcSend(2003, C, S, 0x999, 10);   // unknown QP: not attributed
        CmTracker t = new CmTracker(events::add);
        feed(t, f);
        CmConnectionInfo c = t.connections().get(0);
        assertEquals(CmState.ESTABLISHED, c.state());
        assertEquals("10.1.0.1", c.clientAddress());
        assertEquals("10.1.0.2", c.serverAddress());
        assertEquals(7471, c.port());
        assertEquals(0x1111, c.clientCommId());
        assertEquals(0x2222, c.serverCommId());
        assertEquals(0x100, c.clientQpn());
        assertEquals(0x200, c.serverQpn());
        assertEquals(4096, c.pathMtu());
        assertEquals(40000, c.cmaSourcePort());
        assertEquals(2, c.clientPackets());
        assertEquals(1, c.serverPackets());
        assertEquals(2 * f.frames.get(3).length, c.clientBytes());
        assertEquals(0x100, t.querySourceQpn(InetAddress.getByName("10.1.0.1"), InetAddress.getByName("10.1.0.2"), 0x200));
        assertEquals(0x200, t.queryIpv4(0x0a010002, 0x0a010001, 0x100));
        assertEquals(-1, t.queryIpv4(0x0a010001, 0x0a010002, 0x999));
        assertInstanceOf(CmEvent.Established.class, events.get(0));

        CmFrames g = new CmFrames();
        g.cm(3000, C, S, CmFrames.mad(0x15, 7, CmFrames.dreq(0x1111, 0x2222, 0x200)));
        feed(t, g);
        assertEquals(CmState.DREQ_SENT, t.connections().get(0).state());
        assertEquals(-1, t.queryIpv4(0x0a010001, 0x0a010002, 0x200), "no answers after DREQ");
        CmFrames h = new CmFrames();
        h.cm(3010, S, C, CmFrames.mad(0x16, 7, CmFrames.pair(0x2222, 0x1111)));
        h.cm(3020, S, C, CmFrames.mad(0x16, 7, CmFrames.pair(0x2222, 0x1111)));   // retransmitted DREP: absorbed
        feed(t, h);
        assertEquals(CmState.DISCONNECTED, t.connections().get(0).state());
        t.finish();
        var ended = assertInstanceOf(CmEvent.Ended.class, events.get(events.size() - 1)).connection();
        assertEquals("disconnected", ended.end());
        assertEquals(0, t.stats().unmatched());
        assertTrue(t.connections().isEmpty());
    }

    @Test
    void ipv6VlanRejectWithReason() {
        CmFrames f = new CmFrames();
        f.vlan = 100;
        f.cm(1, C6, S6, CmFrames.mad(0x10, 5, CmFrames.req(0xabc, SID, 1, 0x77, 1, 3, C6, S6, CmFrames.cmaHeader(1, C6, S6))));
        f.cm(2, S6, C6, CmFrames.mad(0x12, 5, CmFrames.rej(0xdef, 0xabc, 0, 28)));
        CmTracker t = new CmTracker(events::add);
        feed(t, f);
        t.finish();
        var c = ((CmEvent.Ended) events.get(0)).connection();
        assertEquals(CmState.REJECTED, c.state());
        assertEquals(28, c.rejectReason());
        assertEquals("Consumer Reject", c.rejectReasonName());
        assertEquals("server", c.rejectedBy());
        assertEquals(0xdef, c.serverCommId());   // the REJ's Local Communication ID (no REP came)
        assertEquals("2001:db8::1", c.clientAddress());
        assertEquals(100, c.vlan());
    }

    @Test
    void mraThenRepAndRetransmittedReqIsOneConnection() {
        CmFrames f = new CmFrames();
        byte[] req = CmFrames.mad(0x10, 9, CmFrames.req(0x10, SID, 1, 0x11, 1, 3, C, S, CmFrames.cmaHeader(1, C, S)));
        f.cm(1, C, S, req).cm(2, C, S, req);
        f.cm(3, S, C, CmFrames.mad(0x11, 9, CmFrames.mra(0x20, 0x10, 0, 20)));
        CmTracker t = new CmTracker(events::add);
        feed(t, f);
        assertEquals(1, t.connections().size());
        assertEquals(CmState.MRA_RCVD, t.connections().get(0).state());
        assertEquals(2, t.connections().get(0).reqCount());
        CmFrames g = new CmFrames();
        g.cm(4, S, C, CmFrames.mad(0x13, 9, CmFrames.rep(0x20, 0x10, 0x21, 5, 2)));
        feed(t, g);
        assertEquals(CmState.REP_RCVD, t.connections().get(0).state());
        assertEquals(0x21, t.connections().get(0).serverQpn());
    }

    @Test
    void unmatchedMessagesAreReportedNotTracked() {
        CmFrames f = new CmFrames();
        f.cm(1, C, S, CmFrames.mad(0x14, 1, CmFrames.pair(0x5, 0x6)));
        f.cm(2, S, C, CmFrames.mad(0x16, 1, CmFrames.pair(0x6, 0x5)));
        CmTracker t = new CmTracker(events::add);
        feed(t, f);
        assertEquals(2, events.size());
        assertEquals("RTU", assertInstanceOf(CmEvent.Unmatched.class, events.get(0)).message());
        assertTrue(t.connections().isEmpty());
        assertEquals(2, t.stats().unmatched());
    }

    @Test
    void halfOpenTimesOutOnPacketTimeAndTableIsCapped() {
        CmFrames f = new CmFrames();
        for (int i = 0; i < 3; i++) {
            f.cm(1_000_000L + i, C, S, CmFrames.mad(0x10, i, CmFrames.req(100 + i, SID, 1, i, 1, 3, C, S, new byte[0])));
        }
        f.rcSend(1_000_000L + 61_000_000L, C, S, 1, 1);    // 61 s later
        CmTracker t = new CmTracker(new CmTracker.Options(2, CmTracker.DEFAULT_HALF_OPEN_TIMEOUT_NANOS,
            CmTracker.DEFAULT_IDLE_TIMEOUT_NANOS), events::add);
        feed(t, f);
        assertInstanceOf(CmEvent.TableFull.class, events.get(0));
        assertEquals(3, events.size());
        for (int i = 1; i < 3; i++) {
            var c = assertInstanceOf(CmEvent.Ended.class, events.get(i)).connection();
            assertEquals(CmState.TIMED_OUT, c.state());
            assertEquals("timed_out", c.end());
        }
        assertTrue(t.connections().isEmpty());
    }

    @Test
    void malformedCmMadIsAnEvent() {
        CmFrames f = new CmFrames();
        byte[] mad = CmFrames.mad(0x10, 1, CmFrames.req(1, SID, 1, 1, 1, 3, C, S, new byte[0]));
        f.cm(1, C, S, java.util.Arrays.copyOf(mad, 100));
        byte[] bogus = mad.clone();
        bogus[16] = 0x12;
        bogus[17] = 0x34;
        f.cm(2, C, S, bogus);
        CmTracker t = new CmTracker(events::add);
        feed(t, f);
        assertEquals(2, events.size());
        assertTrue(assertInstanceOf(CmEvent.Malformed.class, events.get(0)).reason().contains("100 of 256"));
        assertInstanceOf(CmEvent.Malformed.class, events.get(1));
        assertTrue(t.connections().isEmpty());
    }

    @Test
    void concurrentReadersWhileOneWriterTracks() throws Exception {
        int n = 2000;
        CmFrames f = new CmFrames();
        for (int i = 0; i < n; i++) {
            long cid = 0x1000 + i;
            handshake(f, i * 100L, C, S, cid, 0x50000 + i, 0x100 + i, 0x8000 + i);
            f.rcSend(i * 100L + 50, C, S, 0x8000 + i, 64);
            if (i % 2 == 0) {
                f.cm(i * 100L + 60, C, S, CmFrames.mad(0x15, cid, CmFrames.dreq(cid, 0x50000 + i, 0x8000 + i)));
                f.cm(i * 100L + 70, S, C, CmFrames.mad(0x16, cid, CmFrames.pair(0x50000 + i, cid)));
            }
        }
        CmTracker t = new CmTracker(e -> { });
        AtomicReference<Throwable> failure = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            Thread th = new Thread(() -> {
                try {
                    while (!done.get()) {
                        for (int i = 0; i < n; i += 7) {
                            int q = t.queryIpv4(0x0a010001, 0x0a010002, 0x8000 + i);
                            if (q != -1 && q != 0x100 + i) throw new AssertionError("wrong QPN " + q + " for " + i);
                        }
                        for (CmConnectionInfo c : t.connections()) {
                            if (c.serverQpn() != -1 && c.serverQpn() - 0x8000 != c.clientQpn() - 0x100) {
                                throw new AssertionError("torn connection " + c);
                            }
                        }
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            th.start();
            readers.add(th);
        }
        feed(t, f);
        done.set(true);
        for (Thread th : readers) th.join();
        assertNull(failure.get(), () -> String.valueOf(failure.get()));
        assertEquals(0x100 + 1, t.queryIpv4(0x0a010001, 0x0a010002, 0x8000 + 1));
        assertEquals(-1, t.queryIpv4(0x0a010001, 0x0a010002, 0x8000));
        assertEquals(n, t.stats().dataMatched(), "every data packet precedes its DREQ");
    }

    static List<CmEvent> track(Path file) throws Exception {
        List<CmEvent> out = new ArrayList<>();
        CmTracker t = new CmTracker(out::add);
        try (PacketSource src = CaptureFiles.open(file.toString(), m -> { })) {
            Packet p = new Packet();
            Layers l = new Layers();
            while (src.next(p)) {
                Dissector.dissect(p, l);
                t.process(p, l);
            }
        }
        t.finish();
        return out;
    }

    @Test
    void realRoceV2ReqIsOneHalfOpenConnection() throws Exception {
        List<CmEvent> ev = track(Oracles.sharedCapture("rdma/blog-ib_send_bw-rdma_cm-req-vlan6.pcap"));
        assertEquals(1, ev.size());
        // README: Local Comm ID 0x19ac2f7a, port 18515, local QPN 0x1a4, cma source port 0xb1ee, VLAN 6
        var c = assertInstanceOf(CmEvent.Ended.class, ev.get(0)).connection();
        assertEquals(CmState.REQ_SENT, c.state());
        assertEquals("capture_end", c.end());
        assertEquals(0x19ac2f7aL, c.clientCommId());
        assertEquals(18515, c.port());
        assertEquals(0x1a4, c.clientQpn());
        assertEquals(0xb1ee, c.cmaSourcePort());
        assertEquals(6, c.vlan());
        assertEquals("1.1.6.2", c.clientAddress());
        assertEquals("1.1.5.2", c.serverAddress());
    }

    @Test
    void nativeIbErfHasThreeEstablishedConnections() throws Exception {
        List<CmConnectionInfo> conns = track(Oracles.sharedCapture("rdma/rdma-softroce-demo_infiniband_erf.pcap")).stream()
            .filter(e -> e instanceof CmEvent.Ended).map(e -> ((CmEvent.Ended) e).connection()).toList();
        assertEquals(3, conns.size());
        for (CmConnectionInfo c : conns) assertEquals(CmState.ESTABLISHED, c.state(), c.toString());
        // README frames 7/8/9: REQ local QPN 0x870408, REP remote comm ID 0xe9488627, REP local QPN 0xfc0407
        CmConnectionInfo first = conns.get(0);
        assertEquals(0x870408, first.clientQpn());
        assertEquals(0xe9488627L, first.clientCommId());
        assertEquals(0xfc0407, first.serverQpn());
        assertEquals(0x00000010278648e9L, first.transactionId());
        // data-plane counts: tshark's count of RC/UC frames (opcode < 0x40) to each side's QP
        Oracles.requireTshark();
        Path f = Oracles.sharedCapture("rdma/rdma-softroce-demo_infiniband_erf.pcap");
        for (CmConnectionInfo c : conns) {
            assertEquals(tsharkCount(f, c.serverQpn()), c.clientPackets(), c.toString());
            assertEquals(tsharkCount(f, c.clientQpn()), c.serverPackets(), c.toString());
            // IPoIB-CM (service ID 0x10000000_00XXXXXX): the IP endpoints of the first IP packet to the server's QP,
            // as tshark decodes it (the client sends it)
            assertTrue(ServiceIds.isIpoibCm(c.serviceId()), c.toString());
            String[] ip = tsharkFirstIp(f, c.serverQpn());
            assertEquals(ip[0], c.ipoibClient(), c.toString());
            assertEquals(ip[1], c.ipoibServer(), c.toString());
        }
    }

    /** Source and destination (IPv4 or IPv6) of the first frame to {@code destQp} in which tshark decodes IP. */
    static String[] tsharkFirstIp(Path f, int destQp) {
        Oracles.Run r = Oracles.run("tshark", "-r", f.toString(), "-Y", "infiniband.bth.destqp==" + destQp
            + " && (ip || ipv6)", "-T", "fields", "-e", "ip.src", "-e", "ip.dst", "-e", "ipv6.src", "-e", "ipv6.dst");
        assertEquals(0, r.exitCode(), r.err());
        String[] cols = r.out().lines().findFirst().orElseThrow().split("\t", -1);
        return cols[0].isEmpty() ? new String[] {cols[2], cols[3]} : new String[] {cols[0], cols[1]};
    }

    static long tsharkCount(Path f, int destQp) {
        Oracles.Run r = Oracles.run("tshark", "-r", f.toString(), "-Y",
            "infiniband.bth.destqp==" + destQp + " && infiniband.bth.opcode < 0x40");
        assertEquals(0, r.exitCode(), r.err());
        return r.out().lines().count();
    }

    static final long UD_SID = ServiceIds.of(0x111, 4791);

    @Test
    void sidrRequestAnsweredWithTheServersUdQpAndQKey() {
        CmFrames f = new CmFrames();
        f.vlan = 7;
        f.cm(1000, C, S, CmFrames.mad(0x17, 1, CmFrames.sidrReq(0xabcdef, 0xffff, UD_SID)));
        f.cm(1500, C, S, CmFrames.mad(0x17, 1, CmFrames.sidrReq(0xabcdef, 0xffff, UD_SID)));   // retransmitted
        f.cm(2000, S, C, CmFrames.mad(0x18, 1, CmFrames.sidrRep(0xabcdef, 0, 0x321, UD_SID, 0x123)));
        CmTracker t = new CmTracker(events::add);
        feed(t, f);
        assertEquals(1, events.size(), events.toString());
        SidrInfo s = assertInstanceOf(CmEvent.SidrDone.class, events.get(0)).sidr();
        assertEquals("10.1.0.1", s.clientAddress());
        assertEquals("10.1.0.2", s.serverAddress());
        assertEquals(4791, s.port());
        assertEquals(0xabcdef, s.requestId());
        assertEquals(2, s.requests());
        assertEquals(7, s.vlan());
        assertEquals(0, s.status());
        assertEquals("success", s.statusName());
        assertEquals(0x321, s.qpn());
        assertEquals(0x123, s.qKey());
        assertEquals(1, s.requestFrame());
        assertEquals(3, s.replyFrame());
        assertEquals(2_000_000, s.replyNanos());
        t.finish();
        assertEquals(1, events.size(), "reported once");
        assertEquals(1, t.stats().sidrAnswered());
        assertEquals(0, t.stats().sidrUnanswered());
        assertEquals(3, t.stats().cmMessages());
    }

    @Test
    void sidrRejectionsUnansweredRequestsAndStrayReplies() {
        CmFrames f = new CmFrames();
        f.cm(1000, C6, S6, CmFrames.mad(0x17, 1, CmFrames.sidrReq(1, 0xffff, UD_SID)));
        f.cm(1001, C, S, CmFrames.mad(0x17, 2, CmFrames.sidrReq(2, 0xffff, UD_SID)));
        f.cm(1002, C, S, CmFrames.mad(0x17, 3, CmFrames.sidrReq(3, 0xffff, UD_SID)));
        f.cm(1003, S, C, CmFrames.mad(0x18, 2, CmFrames.sidrRep(2, 3, 0, UD_SID, 0)));        // no QP
        f.cm(1004, S, C, CmFrames.mad(0x18, 9, CmFrames.sidrRep(9, 0, 0x10, UD_SID, 0x10)));  // asked by nobody
        f.cm(1005, S6, C6, CmFrames.mad(0x18, 3, CmFrames.sidrRep(3, 0, 0x10, UD_SID, 0x10))); // request 3 came from C
        CmTracker t = new CmTracker(events::add);
        feed(t, f);
        t.finish();
        assertEquals(5, events.size(), events.toString());
        SidrInfo noQp = assertInstanceOf(CmEvent.SidrDone.class, events.get(0)).sidr();
        assertEquals(2, noQp.requestId());
        assertEquals("no_qp", noQp.statusName());
        assertEquals(0x0009, assertInstanceOf(CmEvent.Unmatched.class, events.get(1)).localCommId());
        assertEquals(3, assertInstanceOf(CmEvent.Unmatched.class, events.get(2)).localCommId());
        SidrInfo first = assertInstanceOf(CmEvent.SidrDone.class, events.get(3)).sidr();
        SidrInfo second = assertInstanceOf(CmEvent.SidrDone.class, events.get(4)).sidr();
        assertEquals("2001:db8::1", first.clientAddress(), "unanswered ones end in request order");
        assertEquals(3, second.requestId());
        assertEquals(-1, second.status());
        assertNull(second.statusName());
        assertEquals(-1, second.replyFrame());
        assertEquals(1, t.stats().sidrAnswered());
        assertEquals(2, t.stats().sidrUnanswered());
        assertEquals(2, t.stats().unmatched());
    }

    @Test
    void unansweredSidrEndsAfterTheHalfOpenTimeout() {
        CmFrames f = new CmFrames();
        f.cm(1_000, C, S, CmFrames.mad(0x17, 1, CmFrames.sidrReq(5, 0xffff, UD_SID)));
        f.rcSend(1_000 + 61_000_000, C, S, 0x200, 10);   // 61 s of packet time later
        CmTracker t = new CmTracker(events::add);
        feed(t, f);
        SidrInfo s = assertInstanceOf(CmEvent.SidrDone.class, events.get(0)).sidr();
        assertEquals(5, s.requestId());
        assertEquals(-1, s.qpn());
        t.finish();
        assertEquals(1, events.size());
    }
}
