package dev.fabricscope.rdma;

import static dev.fabricscope.rdma.RdmaTestFrames.*;
import static dev.fabricscope.testing.ByteArrays.hex;
import static org.junit.jupiter.api.Assertions.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Layers;
import org.junit.jupiter.api.Test;

/** BTH and extended headers on the published vectors (field values as the vectors' sources state them). */
class ExtendedHeadersTest {
    @Test
    void cnpBth() {
        // libconntrack-cm/ISSUE 4: opcode 0x81, P_Key 0xFFFF, BECN byte 0x40, dest QP 0xD2
        Packet p = packet(LIBCONNTRACK_CNP, LinkType.RAW);
        Layers l = dissect(p);
        assertEquals(28, l.ibBthOffset);
        Bth b = Bth.read(p, l.ibBthOffset);
        assertEquals(new Bth(0x81, false, false, 0, 0, 0xffff, false, true, 0x40, 0xd2, false, 0, 0), b);
        assertTrue(Bth.becn(p, 28));
        assertFalse(Bth.fecn(p, 28));
        assertEquals(0xd2, Bth.destQp(p, 28));
    }

    @Test
    void readRequestReth() {
        // PcapPlusPlus Packet++Test InfiniBandTests: opcode 0x0c, QP 0x11, PSN 0x54cb63 with AckReq,
        // RETH va 0x00007fee260fb000, rkey 0x2b8, dma length 0x10000
        Packet p = ethernet(PCAPPLUSPLUS_READ_REQUEST);
        int bth = dissect(p).ibBthOffset;
        assertEquals(0x0c, Bth.opcode(p, bth));
        assertEquals(0x11, Bth.destQp(p, bth));
        assertEquals(0x54cb63, Bth.psn(p, bth));
        assertTrue(Bth.ackRequest(p, bth));
        int reth = Opcode.of(0x0c).offsetOf(bth, ExtendedHeader.RETH);
        assertEquals(new Reth(0x00007fee260fb000L, 0x2b8, 0x10000), Reth.read(p, reth));
    }

    @Test
    void rocev1WriteOnlyAndAck() {
        // scapy roce.uts: RDMA WRITE ONLY (0x0a) to QP 0x10a... with RETH, then ACK with AETH MSN 5
        Packet w = ethernet(SCAPY_ROCEV1_WRITE_ONLY);
        int bth = dissect(w).ibBthOffset;
        assertEquals(14 + 40, bth);
        assertEquals(0x0a, Bth.opcode(w, bth));
        Reth r = Reth.read(w, bth + 12);
        assertEquals(0x000055d4c0726000L, r.virtualAddress());
        assertEquals(0x47b3, r.rKey());
        assertEquals(5, r.dmaLength());
        Packet a = ethernet(SCAPY_ROCEV1_ACK);
        int abth = dissect(a).ibBthOffset;
        assertEquals(Opcode.RC_ACKNOWLEDGE, Bth.opcode(a, abth));
        Aeth ack = Aeth.read(a, abth + 12);
        assertEquals(Aeth.Kind.ACK, ack.kind());
        assertEquals(0, ack.value());
        assertEquals(5, ack.msn());
    }

    /** AETH syndromes from the IBTA table: kind in bits 6-5, value in 4-0. */
    @Test
    void aethSyndromes() {
        Packet p = packet(hex("1f 00 00 07  21 00 00 08  6e 00 00 09  60 00 00 00  64 00 00 00  40 00 00 00"), LinkType.RAW);
        Aeth credits = Aeth.read(p, 0);
        assertEquals(Aeth.Kind.ACK, credits.kind());
        assertEquals(Aeth.CREDITS_INVALID, credits.value());
        assertEquals(7, credits.msn());
        Aeth rnr = Aeth.read(p, 4);
        assertEquals(Aeth.Kind.RNR_NAK, rnr.kind());
        assertEquals(10, rnr.rnrTimerMicros());   // code 1 = 0.01 ms
        assertTrue(Aeth.isRnrNak(rnr.syndrome()));
        Aeth rnr14 = Aeth.read(p, 8);
        assertEquals(Aeth.Kind.NAK, rnr14.kind());  // 0x6e: 11 01110 -> NAK code 14 (reserved)
        assertEquals("Reserved (14)", Aeth.nakName(rnr14.value()));
        assertEquals("PSN Sequence Error", Aeth.nakName(Aeth.read(p, 12).value()));
        assertEquals("Invalid RD Request", Aeth.nakName(Aeth.read(p, 16).value()));
        assertEquals(Aeth.Kind.RESERVED, Aeth.read(p, 20).kind());
        assertEquals(655_360, Aeth.read(packet(hex("20000000"), LinkType.RAW), 0).rnrTimerMicros());
    }

    @Test
    void datagramAndAtomicHeaders() {
        Packet p = packet(hex("""
            11111111 00 123456
            0000000a 00 0000ff
            0102030405060708 aabbccdd 1112131415161718 2122232425262728
            f1f2f3f4f5f6f7f8
            deadbeef
            """), LinkType.RAW);
        assertEquals(new Deth(0x11111111L, 0x123456), Deth.read(p, 0));
        assertEquals(new Rdeth(0x00000a), Rdeth.read(p, 8));
        assertEquals(new XrcEth(0xff), XrcEth.read(p, 12));
        assertEquals(new AtomicEth(0x0102030405060708L, 0xaabbccddL, 0x1112131415161718L, 0x2122232425262728L),
            AtomicEth.read(p, 16));
        assertEquals(new AtomicAckEth(0xf1f2f3f4f5f6f7f8L), AtomicAckEth.read(p, 44));
        assertEquals(new ImmDt(0xdeadbeefL), ImmDt.read(p, 52));
        assertEquals(new Ieth(0xdeadbeefL), Ieth.read(p, 52));
    }
}
