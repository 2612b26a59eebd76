package dev.fabricscope.rdma;

import static dev.fabricscope.testing.ByteArrays.hex;
import static org.junit.jupiter.api.Assertions.*;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Layers;
import org.junit.jupiter.api.Test;

/** Frames written by hand from IEEE 802.3 Annex 31B (PAUSE) and 802.1Qbb clause 36 (PFC) layouts. */
class PfcFrameTest {
    // dst 01-80-C2-00-00-01 (MAC control multicast), src, ethertype 8808
    private static final String HEAD = "0180c2000001 020000000001 8808";

    private static Packet frame(String body) {
        return RdmaTestFrames.ethernet(hex(HEAD + body + "00".repeat(26)));
    }

    @Test
    void linkPause() {
        Packet p = frame("0001 ffff");
        Layers l = RdmaTestFrames.dissect(p);
        assertTrue(PfcFrame.isMacControl(l));
        assertEquals(new PfcFrame.LinkPause(0xffff), PfcFrame.read(p, l));
    }

    @Test
    void priorityPause() {
        // priorities 3 and 4 enabled (vector 0x0018): 3 pauses for 0x1234 quanta, 4 resumes (0)
        Packet p = frame("0101 0018 0000 0000 0000 1234 0000 0000 0000 0000");
        Layers l = RdmaTestFrames.dissect(p);
        PfcFrame.PriorityPause pfc = assertInstanceOf(PfcFrame.PriorityPause.class, PfcFrame.read(p, l));
        assertEquals(0x18, pfc.classEnableVector());
        assertTrue(pfc.enabled(3));
        assertTrue(pfc.enabled(4));
        assertFalse(pfc.enabled(0));
        assertEquals(0x1234, pfc.quanta(3));
        assertEquals(0, pfc.quanta(4));
        assertEquals(0x1234, PfcFrame.pfcQuanta(p, l, 3));
        assertEquals(-1, PfcFrame.pfcQuanta(p, l, 2));
    }

    @Test
    void truncatedAndOther() {
        Packet t = RdmaTestFrames.ethernet(hex(HEAD + "0101 00ff 0001"));
        Layers l = RdmaTestFrames.dissect(t);
        assertEquals(new PfcFrame.Truncated(0x0101, 20, 6), PfcFrame.read(t, l));
        Packet o = frame("0002 0000");
        assertEquals(new PfcFrame.OtherOpcode(2), PfcFrame.read(o, RdmaTestFrames.dissect(o)));
    }
}
