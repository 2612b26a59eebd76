package dev.fabricscope.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stream reassembly over hand-made segment sequences. */
class TcpReassemblerTest {
    private static final long MS = 1_000_000L;
    private static final TcpFrames.Pair P = TcpFrames.Pair.v4(1, 40000, 2, 50000);

    /** Tracks every flow; records bytes per direction, the frames that completed them, gaps and closes. */
    static final class Recorder implements TcpStreamListener<String> {
        final ByteArrayOutputStream[] bytes = {new ByteArrayOutputStream(), new ByteArrayOutputStream()};
        final List<Long> frames = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        TcpTrackDecision decision = TcpTrackDecision.TRACK;

        @Override
        public TcpTrackDecision track(TcpSegment s) { return decision; }

        @Override
        public String opened(TcpFlow<String> flow, TcpSegment first) {
            events.add("open " + flow.port(0) + (flow.synSeen() ? " syn" : ""));
            return "x";
        }

        @Override
        public void data(TcpFlow<String> f, int dir, byte[] b, int off, int len, long t, long frame) {
            bytes[dir].write(b, off, len);
            frames.add(frame);
        }

        @Override
        public void gap(TcpFlow<String> f, int dir, long missing, long t, long frame) {
            events.add("gap " + dir + " " + missing);
        }

        @Override
        public void closed(TcpFlow<String> f, TcpCloseReason reason) {
            events.add("closed " + f.port(0) + " " + reason);
        }

        String text(int dir) { return bytes[dir].toString(java.nio.charset.StandardCharsets.ISO_8859_1); }
    }

    private final TcpFrames frames = new TcpFrames();
    private final Recorder rec = new Recorder();

    private void send(TcpReassembler<String> r, boolean fromA, long seq, int flags, String payload, long t) {
        send(r, P, fromA, seq, flags, payload, t);
    }

    private void send(TcpReassembler<String> r, TcpFrames.Pair p, boolean fromA, long seq, int flags, String payload, long t) {
        frames.frame(p, fromA, seq, flags, null, payload.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), t);
        r.packet(frames.packet, frames.layers);
    }

    @Test
    void inOrderAfterSynBothDirections() {
        var r = new TcpReassembler<>(rec);
        send(r, true, 100, TcpFrames.SYN, "", 0);
        send(r, false, 200, TcpFrames.SYN | TcpFrames.ACK, "", 1);
        send(r, true, 101, TcpFrames.ACK, "hello ", 2);
        send(r, true, 107, TcpFrames.ACK, "world", 3);
        send(r, false, 201, TcpFrames.ACK, "reply", 4);
        assertEquals("hello world", rec.text(0));
        assertEquals("reply", rec.text(1));
        assertEquals(List.of("open 40000 syn"), rec.events);
    }

    @Test
    void retransmittedAndOverlappingBytesOnce() {
        var r = new TcpReassembler<>(rec);
        send(r, true, 100, TcpFrames.SYN, "", 0);
        send(r, true, 101, TcpFrames.ACK, "abcdef", 1);
        send(r, true, 101, TcpFrames.ACK, "abcdef", 2);      // retransmission
        send(r, true, 104, TcpFrames.ACK, "defghij", 3);     // overlaps 3 delivered bytes
        send(r, true, 101, TcpFrames.ACK, "abc", 4);         // old
        assertEquals("abcdefghij", rec.text(0));
        assertEquals(2, r.stats().duplicateSegments());
    }

    @Test
    void outOfOrderHeldUntilTheHoleFills() {
        var r = new TcpReassembler<>(rec);
        send(r, true, 100, TcpFrames.SYN, "", 0);
        send(r, true, 111, TcpFrames.ACK, "KLM", 1);          // frame 2
        send(r, true, 105, TcpFrames.ACK, "efghij", 2);       // frame 3
        send(r, true, 111, TcpFrames.ACK, "KLM", 3);          // duplicate of a held segment
        send(r, true, 109, TcpFrames.ACK, "ijKLMno", 4);      // overlaps held ones, frame 5
        assertEquals("", rec.text(0));
        send(r, true, 101, TcpFrames.ACK, "abcd", 5);         // frame 6 completes everything
        assertEquals("abcdefghijKLMno", rec.text(0));
        assertTrue(rec.frames.stream().allMatch(f -> f == 6L), rec.frames.toString());
        assertEquals(0, r.stats().bufferedBytes());
    }

    @Test
    void sequenceNumbersWrapAround() {
        var r = new TcpReassembler<>(rec);
        send(r, true, 0xFFFF_FFF9L, TcpFrames.SYN, "", 0);     // data starts at 0xFFFFFFFA
        send(r, true, 0x0000_0002L, TcpFrames.ACK, "89", 1);   // out of order, after the wrap
        send(r, true, 0xFFFF_FFFAL, TcpFrames.ACK, "012345", 2);
        send(r, true, 0x0000_0000L, TcpFrames.ACK, "67", 3);
        send(r, true, 0xFFFF_FFFEL, TcpFrames.ACK, "456", 4);   // old, crossing the wrap
        assertEquals("0123456789", rec.text(0));
    }

    private void sendAck(TcpReassembler<String> r, boolean fromA, long seq, long ack, String payload, long t) {
        frames.frame(P, fromA, seq, ack, TcpFrames.ACK, null, payload.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), t);
        r.packet(frames.packet, frames.layers);
    }

    @Test
    void captureStartingMidConnectionStartsAtFirstData() {
        var r = new TcpReassembler<>(rec);
        sendAck(r, false, 5000, 7000, "server", 0);
        sendAck(r, true, 7000, 5006, "client", 1);
        sendAck(r, false, 5006, 7006, "!", 2);
        assertEquals(List.of("open 50000"), rec.events);   // endpoint 0 = first sender
        assertEquals("server!", rec.text(0));
        assertEquals("client", rec.text(1));
    }

    @Test
    void midConnectionDirectionWhoseFirstPieceOvertookTheOneBeforeIt() {
        var r = new TcpReassembler<>(rec);
        sendAck(r, true, 7000, 5000, "request", 0);      // the peer has acknowledged up to 5000
        sendAck(r, false, 5004, 7007, "onse", 1);         // second piece first
        assertEquals("", rec.text(1));
        sendAck(r, false, 5000, 7007, "resp", 2);
        assertEquals("response", rec.text(1));
        assertEquals("request", rec.text(0));
    }

    /** P's flow at times 0-2: SYN, then "x" with FIN from A, FIN from B (closed; A's next sequence is 102). */
    private void openAndCloseWithFins(TcpReassembler<String> r) {
        send(r, true, 100, TcpFrames.SYN, "", 0);
        send(r, true, 101, TcpFrames.ACK | TcpFrames.FIN, "x", 1);
        send(r, false, 300, TcpFrames.ACK | TcpFrames.FIN, "", 2);
    }

    @Test
    void finInBothDirectionsAndRstClose() {
        var r = new TcpReassembler<>(rec);
        openAndCloseWithFins(r);
        var q = TcpFrames.Pair.v6(1, 1234, 2, 80);
        send(r, q, true, 9, TcpFrames.SYN, "", 3);
        send(r, q, false, 9, TcpFrames.RST, "", 4);
        assertEquals(List.of("open 40000 syn", "closed 40000 FIN", "open 1234 syn", "closed 1234 RST"), rec.events);
        assertEquals(0, r.stats().flowsActive());
        send(r, true, 102, TcpFrames.ACK, "late", 5);   // a late segment of the closed flow is not reopened
        assertEquals(0, r.stats().flowsActive());
        assertEquals("x", rec.text(0));
    }

    @Test
    void aNewSynOnAClosedFourTupleIsFollowedAgain() {
        var r = new TcpReassembler<>(rec);
        openAndCloseWithFins(r);
        send(r, true, 102, TcpFrames.ACK, "late", 3);   // the closed flow is remembered as ignored
        send(r, true, 5000, TcpFrames.SYN, "", 4);      // port reuse: a new connection
        send(r, true, 5001, TcpFrames.ACK, "again", 5);
        assertEquals(List.of("open 40000 syn", "closed 40000 FIN", "open 40000 syn"), rec.events);
        assertEquals("xagain", rec.text(0));   // direction 0 of both connections: "late" was not delivered
    }

    @Test
    void tableCapEvictsLeastRecentlyActive() {
        var r = new TcpReassembler<>(TcpReassemblyOptions.DEFAULTS.withMaxFlows(2), rec);
        send(r, TcpFrames.Pair.v4(1, 1, 2, 80), true, 1, TcpFrames.SYN, "", 0);
        send(r, TcpFrames.Pair.v4(1, 2, 2, 80), true, 1, TcpFrames.SYN, "", 1);
        send(r, TcpFrames.Pair.v4(1, 1, 2, 80), true, 2, TcpFrames.ACK, "a", 2);   // flow 1 active again
        send(r, TcpFrames.Pair.v4(1, 3, 2, 80), true, 1, TcpFrames.SYN, "", 3);
        assertEquals(List.of("open 1 syn", "open 2 syn", "closed 2 CAPACITY", "open 3 syn"), rec.events);
        assertEquals(1, r.stats().evictedCapacity());
        assertEquals(2, r.stats().flowsActive());
    }

    @Test
    void idleFlowsEvictedOnPacketTime() throws InterruptedException {
        var r = new TcpReassembler<>(TcpReassemblyOptions.DEFAULTS.withIdleTimeoutNanos(1000 * MS), rec);
        send(r, TcpFrames.Pair.v4(1, 1, 2, 80), true, 1, TcpFrames.SYN, "", 0);
        send(r, TcpFrames.Pair.v4(1, 2, 2, 80), true, 1, TcpFrames.SYN, "", 900 * MS);
        Thread.sleep(1100);   // wall-clock time passing evicts nothing
        send(r, TcpFrames.Pair.v4(1, 2, 2, 80), true, 2, TcpFrames.ACK, "x", 950 * MS);
        assertEquals(2, r.stats().flowsActive());
        send(r, TcpFrames.Pair.v4(1, 2, 2, 80), true, 3, TcpFrames.ACK, "y", 1500 * MS);
        assertEquals(List.of("open 1 syn", "open 2 syn", "closed 1 IDLE"), rec.events);
        assertEquals(1, r.stats().evictedIdle());
    }

    @Test
    void thousandsOfTinyOutOfOrderSegmentsStayBoundedAndResync() {
        var r = new TcpReassembler<>(TcpReassemblyOptions.DEFAULTS.withBufferBounds(1024, 16, 4096), rec);
        send(r, true, 100, TcpFrames.SYN, "", 0);
        // byte at 101 never arrives; 5000 one-byte segments after it
        for (int i = 1; i <= 5000; i++) {
            send(r, true, 101 + i, TcpFrames.ACK, String.valueOf((char) ('a' + i % 26)), i);
            assertTrue(r.stats().bufferedBytes() <= 4096);
        }
        assertEquals("gap 0 1", rec.events.get(1));
        StringBuilder want = new StringBuilder();
        for (int i = 1; i <= 5000 - 16; i++) want.append((char) ('a' + i % 26));
        // after the gap the stream resumes; at most the last 16 segments may still be held
        assertTrue(rec.text(0).length() >= 5000 - 16, "delivered " + rec.text(0).length());
        assertEquals(want.toString(), rec.text(0).substring(0, want.length()));
    }

    @Test
    void totalBufferBoundAcrossFlows() {
        var r = new TcpReassembler<>(TcpReassemblyOptions.DEFAULTS.withBufferBounds(100_000, 1000, 6000), rec);
        for (int f = 0; f < 20; f++) {
            var p = TcpFrames.Pair.v4(1, 1000 + f, 2, 80);
            send(r, p, true, 0, TcpFrames.SYN, "", 0);
            send(r, p, true, 1000, TcpFrames.ACK, "z".repeat(1000), 1);
            assertTrue(r.stats().bufferedBytes() <= 6000, "buffered " + r.stats().bufferedBytes());
        }
        assertTrue(r.stats().resyncs() > 0);
    }

    @Test
    void ignoredFlowsAreNotAskedAgainUntilANewSyn() {
        rec.decision = TcpTrackDecision.IGNORE_FLOW;
        var r = new TcpReassembler<>(rec);
        int[] asked = {0};
        var counting = new TcpReassembler<>(new TcpStreamListener<String>() {
            @Override public TcpTrackDecision track(TcpSegment s) { asked[0]++; return TcpTrackDecision.IGNORE_FLOW; }
            @Override public String opened(TcpFlow<String> f, TcpSegment s) { return null; }
            @Override public void data(TcpFlow<String> f, int d, byte[] b, int o, int l, long t, long fr) { }
        });
        for (int i = 0; i < 5; i++) {
            frames.frame(P, i % 2 == 0, 100 + i, TcpFrames.ACK, null, new byte[] {1}, i);
            counting.packet(frames.packet, frames.layers);
        }
        assertEquals(1, asked[0]);
        frames.frame(P, true, 100, TcpFrames.SYN, null, new byte[0], 9);
        counting.packet(frames.packet, frames.layers);
        assertEquals(2, asked[0]);
        assertEquals(0, r.stats().flowsTracked());
    }

    @Test
    void ipv6FlowsAndSegmentOptions() {
        var r = new TcpReassembler<>(rec);
        var q = TcpFrames.Pair.v6(1, 5555, 2, 6379);
        frames.frame(q, true, 1, TcpFrames.SYN, TcpFrames.SMC_OPTION, new byte[0], 0);
        TcpSegment s = new TcpSegment();
        s.bind(frames.packet, frames.layers);
        assertTrue(s.hasOption(254, 6, 0xE2D4C3D9));
        assertTrue(!s.hasOption(254, 6, 0xE2D4C3C4));
        r.packet(frames.packet, frames.layers);
        send(r, q, true, 2, TcpFrames.ACK, "v6!", 1);
        assertEquals("v6!", rec.text(0));
    }
}
