package dev.fabricscope.smc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.tcp.TcpFrames;
import dev.fabricscope.tcp.TcpReassemblyOptions;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tracking decisions over hand-made connections: which flows are followed, dropped, or reported. */
class ClcTrackerTest {
    private final TcpFrames frames = new TcpFrames();
    private final ClcTrackerCapturesTest.Collect c = new ClcTrackerCapturesTest.Collect(true);
    private final ClcTracker tracker = new ClcTracker(c, ClcTrackingRule.SYN_OPTION_OR_EYECATCHER,
        TcpReassemblyOptions.DEFAULTS);
    private final TcpFrames.Pair p = TcpFrames.Pair.v4(1, 40000, 2, 50000);

    private void send(boolean fromA, long seq, int flags, byte[] options, byte[] payload) {
        send(p, fromA, seq, flags, options, payload);
    }

    /** A segment of {@code pair}'s connection, a millisecond after the one before, through the tracker. */
    private void send(TcpFrames.Pair pair, boolean fromA, long seq, int flags, byte[] options, byte[] payload) {
        frames.frame(pair, fromA, seq, flags, options, payload, frames.lastFrame() * 1000);
        tracker.packet(frames.packet, frames.layers);
    }

    private void handshake(boolean synAckOption) {
        synAndSynAck(p, synAckOption);
        send(true, 101, TcpFrames.ACK, null, new byte[0]);
    }

    /** {@code pair}'s SYN with the SMC option (seq 100) and its SYN-ACK (seq 200), with the option or not. */
    private void synAndSynAck(TcpFrames.Pair pair, boolean synAckOption) {
        send(pair, true, 100, TcpFrames.SYN, TcpFrames.SMC_OPTION, new byte[0]);
        send(pair, false, 200, TcpFrames.SYN | TcpFrames.ACK, synAckOption ? TcpFrames.SMC_OPTION : null, new byte[0]);
    }

    private static byte[] proposal() {
        return ClcStreamFramerTest.message(ClcStreamFramer.EYECATCHER_SMC_R, 1, 52, true);
    }

    @Test
    void optionEchoedButNoClcIsReported() {
        handshake(true);
        send(true, 101, TcpFrames.ACK | TcpFrames.FIN, null, new byte[0]);
        send(false, 201, TcpFrames.ACK | TcpFrames.FIN, null, new byte[0]);
        assertEquals(List.of("40000: SMC option echoed, no CLC"), c.noClc);
    }

    @Test
    void onlyOneSideSendingClcIsReported() {
        handshake(true);
        send(true, 101, TcpFrames.ACK, null, proposal());
        byte[] banner = "220 smtp ready\r\n".getBytes();
        send(false, 201, TcpFrames.ACK, null, banner);
        assertEquals(1, tracker.tcpStats().flowsActive());   // the client's side may still speak CLC
        send(true, 101 + proposal().length, TcpFrames.ACK, null, "EHLO x\r\n".getBytes());
        assertEquals(List.of("40000: SMC option echoed, CLC only from the client"), c.noClc);
        assertEquals(0, tracker.tcpStats().flowsActive());   // both sides plain TCP: dropped
    }

    /**
     * Each direction is read on its own, as smc-clc reads it: the server's Decline answering a Proposal whose
     * eyecatcher was damaged on the way is framed (the kernel's server declines what it cannot read as CLC), and
     * so is the client's Confirm after an Accept damaged the same way.
     */
    @Test
    void aDirectionThatIsNotClcDoesNotHideTheOthersMessages() {
        handshake(true);
        byte[] damaged = proposal();
        damaged[0] = 0x07;
        send(true, 101, TcpFrames.ACK, null, damaged);
        byte[] decline = ClcStreamFramerTest.message(ClcStreamFramer.EYECATCHER_SMC_R, 4, 28, true);
        send(false, 201, TcpFrames.ACK, null, decline);
        assertEquals(List.of("10.0.0.2:50000 -> 10.0.0.1:40000: Decline 28"), c.messages);
        assertEquals(List.of(), c.noClc);

        TcpFrames.Pair q = TcpFrames.Pair.v4(1, 40001, 2, 50000);
        synAndSynAck(q, true);
        send(q, true, 101, TcpFrames.ACK, null, proposal());
        byte[] accept = ClcStreamFramerTest.message(ClcStreamFramer.EYECATCHER_SMC_R, 2, 68, true);
        accept[3] = 0x04;
        send(q, false, 201, TcpFrames.ACK, null, accept);
        send(q, true, 101 + proposal().length, TcpFrames.ACK, null,
            ClcStreamFramerTest.message(ClcStreamFramer.EYECATCHER_SMC_R, 3, 68, true));
        assertEquals(List.of("10.0.0.2:50000 -> 10.0.0.1:40000: Decline 28",
            "10.0.0.1:40001 -> 10.0.0.2:50000: Proposal 52", "10.0.0.1:40001 -> 10.0.0.2:50000: Confirm 68"),
            c.messages);
    }

    /**
     * A connection that closes inside a CLC message (its Length claims more than was sent; smc-clc prints it padded
     * with zeros) is reported malformed with the closing frame; a capture that ends there is only incomplete.
     */
    @Test
    void aConnectionEndingInsideAMessageIsReported() {
        handshake(true);
        byte[] m = proposal();
        send(true, 101, TcpFrames.ACK, null, Arrays.copyOf(m, 40));
        send(true, 141, TcpFrames.ACK | TcpFrames.FIN, null, new byte[0]);
        send(false, 201, TcpFrames.ACK | TcpFrames.FIN, null, new byte[0]);
        assertEquals(List.of("40000 frame 6: the connection ended (FIN) after 40 of the 52 bytes of a CLC message"),
            c.problems);
        assertEquals(List.of(), c.noClc);

        TcpFrames.Pair q = TcpFrames.Pair.v4(1, 40001, 2, 50000);
        synAndSynAck(q, true);
        send(q, true, 101, TcpFrames.ACK, null, Arrays.copyOf(m, 6));
        send(q, false, 201, TcpFrames.RST, null, new byte[0]);
        assertEquals("40001 frame 10: the connection ended (RST) after 6 bytes of a CLC header", c.problems.get(1));

        TcpFrames.Pair r = TcpFrames.Pair.v4(1, 40002, 2, 50000);
        synAndSynAck(r, true);
        send(r, true, 101, TcpFrames.ACK, null, Arrays.copyOf(m, 40));
        tracker.finish();
        assertEquals(2, c.problems.size(), "the capture ended: incomplete, not malformed");
    }

    /** A capture that ends after one side spoke plain TCP and the other nothing yet: the symptom is still reported. */
    @Test
    void oneSidePlainAtTheEndOfTheCaptureIsReported() {
        handshake(true);
        send(true, 101, TcpFrames.ACK, null, "GET / HTTP/1.1\r\n\r\n".getBytes());
        assertEquals(List.of(), c.noClc);
        tracker.finish();
        assertEquals(List.of("40000: SMC option echoed, no CLC"), c.noClc);
    }

    @Test
    void synAckWithoutTheOptionDropsTheFlow() {
        synAndSynAck(p, false);
        assertTrue(tracker.packetToSave(), "-w keeps the answer: read back, the option was not echoed");
        assertEquals(List.of("NOT_ECHOED"), c.ends);
        send(true, 101, TcpFrames.ACK, null, new byte[0]);
        assertFalse(tracker.packetToSave());
        assertEquals(0, tracker.tcpStats().flowsActive());
        send(true, 101, TcpFrames.ACK, null, proposal());
        assertEquals(List.of(), c.messages);
        assertEquals(List.of(), c.noClc);
    }

    @Test
    void plainDataFlowWithTheOptionIsDroppedOnceBothSidesSpokeTcp() {
        handshake(true);
        send(true, 101, TcpFrames.ACK, null, "GET / HTTP/1.1\r\n\r\n".getBytes());
        assertEquals(1, tracker.tcpStats().flowsActive());
        send(false, 201, TcpFrames.ACK, null, "HTTP/1.1 200 OK\r\n\r\n".getBytes());
        assertEquals(0, tracker.tcpStats().flowsActive());
        assertEquals(List.of("40000: SMC option echoed, no CLC"), c.noClc);
    }

    @Test
    void midConnectionCaptureFoundByEyecatcherIncludingACutHeader() {
        byte[] m = proposal();
        send(true, 5000, TcpFrames.ACK, null, Arrays.copyOfRange(m, 0, 3));
        send(true, 5003, TcpFrames.ACK, null, Arrays.copyOfRange(m, 3, m.length));
        send(true, 5000, TcpFrames.ACK, null, m);   // retransmission
        assertEquals(List.of("10.0.0.1:40000 -> 10.0.0.2:50000: Proposal 52"), c.messages);
        assertEquals(List.of(), c.noClc);   // no SYN seen: nothing to say about options
    }

    /** What -w saves: the SMC handshake and every piece of CLC bytes, wherever and however often it comes. */
    @Test
    void packetsToSaveAreTheHandshakeAndEveryPieceOfClc() {
        List<Boolean> saved = new ArrayList<>();
        byte[] m = proposal();
        send(true, 100, TcpFrames.SYN, TcpFrames.SMC_OPTION, new byte[0]);
        saved.add(tracker.packetToSave());
        send(false, 200, TcpFrames.SYN | TcpFrames.ACK, TcpFrames.SMC_OPTION, new byte[0]);
        saved.add(tracker.packetToSave());
        send(true, 101, TcpFrames.ACK, null, new byte[0]);                                       // handshake's ACK
        saved.add(tracker.packetToSave());
        send(true, 111, TcpFrames.ACK, null, Arrays.copyOfRange(m, 10, m.length));   // second part first
        saved.add(tracker.packetToSave());
        send(true, 101, TcpFrames.ACK, null, Arrays.copyOfRange(m, 0, 10));          // completes it
        saved.add(tracker.packetToSave());
        send(true, 101, TcpFrames.ACK, null, Arrays.copyOfRange(m, 0, 10));          // sent again
        saved.add(tracker.packetToSave());
        send(false, 201, TcpFrames.ACK, null, new byte[0]);                                      // pure ACK
        saved.add(tracker.packetToSave());
        assertEquals(List.of(true, true, false, true, true, true, false), saved);
        assertEquals(List.of("10.0.0.1:40000 -> 10.0.0.2:50000: Proposal 52"), c.messages);
        // a connection not followed: nothing of it
        TcpFrames.Pair other = TcpFrames.Pair.v4(3, 40001, 2, 443);
        send(other, true, 1, TcpFrames.SYN, null, new byte[0]);
        assertEquals(false, tracker.packetToSave());
        send(other, true, 2, TcpFrames.ACK, null, m);
        assertEquals(false, tracker.packetToSave());
    }

    /**
     * -w also saves the FIN and RST of a connection still followed: read back, it ends as it did (the summary's
     * end is fin or rst, not capture_end). Not once the connection is no longer followed.
     */
    @Test
    void finAndRstOfAFollowedConnectionAreSaved() {
        handshake(true);
        send(true, 101, TcpFrames.ACK | TcpFrames.FIN, null, new byte[0]);
        assertTrue(tracker.packetToSave(), "client's FIN");
        send(false, 201, TcpFrames.ACK | TcpFrames.FIN, null, new byte[0]);
        assertTrue(tracker.packetToSave(), "server's FIN, which closes the connection");
        assertEquals(List.of("FIN"), c.ends);
        send(true, 102, TcpFrames.ACK, null, new byte[0]);
        assertFalse(tracker.packetToSave(), "the last ACK, after the close");
        TcpFrames.Pair other = TcpFrames.Pair.v4(3, 40001, 2, 50000);
        send(other, true, 1, TcpFrames.SYN, TcpFrames.SMC_OPTION, new byte[0]);
        send(other, false, 1, TcpFrames.RST | TcpFrames.ACK, null, new byte[0]);
        assertTrue(tracker.packetToSave(), "RST");
        assertEquals(List.of("FIN", "RST"), c.ends);
        // a FIN of a flow not followed is not saved
        TcpFrames.Pair plain = TcpFrames.Pair.v4(4, 40002, 2, 443);
        send(plain, true, 1, TcpFrames.SYN, null, new byte[0]);
        send(plain, true, 2, TcpFrames.ACK | TcpFrames.FIN, null, new byte[0]);
        assertFalse(tracker.packetToSave(), "FIN of a flow not followed");
    }

    /** A CLC segment the snap length cut before its payload is saved too: read back, the gap is still there. */
    @Test
    void aSegmentCutBeforeItsPayloadIsSaved() {
        handshake(true);
        frames.frame(p, true, 101, TcpFrames.ACK, null, proposal(), 10_000);
        int headers = 14 + 20 + 20;
        frames.packet.set(frames.packet.bytes(), 0, headers, frames.packet.origLen(), 10_000, 0,
            LinkType.EN10MB, frames.lastFrame());
        Dissector.dissect(frames.packet, frames.layers);
        assertEquals(0, frames.layers.payloadLength);
        tracker.packet(frames.packet, frames.layers);
        assertTrue(tracker.packetToSave());
        assertEquals(1, c.problems.size(), c.problems.toString());   // the missing bytes, reported
    }

    @Test
    void untrackedFlowsAllocateNothing() {
        var bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "per-thread allocation counter not available");
        var threads = (com.sun.management.ThreadMXBean) bean;
        byte[] http = "GET / HTTP/1.1\r\n\r\n".getBytes();
        TcpFrames[] pkts = new TcpFrames[64];
        for (int i = 0; i < pkts.length; i++) {
            pkts[i] = new TcpFrames();
            var pair = TcpFrames.Pair.v4(1 + i % 8, 30000 + i / 2, 2, 443);
            if (i % 4 == 0) pkts[i].frame(pair, true, 1, TcpFrames.SYN, null, new byte[0], i);
            else pkts[i].frame(pair, i % 2 == 0, 2 + i, TcpFrames.ACK, null, i % 3 == 0 ? new byte[0] : http, i);
        }
        for (int r = 0; r < 3000; r++) for (TcpFrames f : pkts) tracker.packet(f.packet, f.layers);
        long tid = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(tid);
        int rounds = 20_000;
        for (int r = 0; r < rounds; r++) for (TcpFrames f : pkts) tracker.packet(f.packet, f.layers);
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        assertTrue(allocated < 65_536, allocated + " bytes allocated over " + rounds * pkts.length + " packets");
        assertEquals(0, tracker.tcpStats().flowsTracked());
    }
}
