package dev.fabricscope.rdma;

import static dev.fabricscope.rdma.RdmaTestFrames.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.fabricscope.dissect.Layers;
import dev.fabricscope.dissect.Malformed;
import org.junit.jupiter.api.Test;

/**
 * A packet to UDP port 4791 whose UDP length field is damaged (below 8, or beyond the IP payload) is still a RoCEv2
 * frame to the RDMA commands: decoded as one that could not be read, with the reason, instead of being left out of
 * `rdma decode` as if it were not RoCE at all. (tshark goes further and decodes the BTH; where the ICRC would be is
 * then a guess, so we do not.)
 */
class DamagedUdpLengthTest {
    /** PcapPlusPlus' RDMA READ Request with its UDP length (offset 14 + 20 + 4) set to {@code length}. */
    private static byte[] withUdpLength(int length) {
        byte[] b = PCAPPLUSPLUS_READ_REQUEST.clone();
        b[38] = (byte) (length >>> 8);
        b[39] = (byte) length;
        return b;
    }

    @Test
    void aUdpLengthBeyondTheIpPayloadIsNamed() {
        var p = ethernet(withUdpLength(0x100));
        Layers l = dissect(p);
        assertEquals(Malformed.UDP_LENGTH_BEYOND_IP_PAYLOAD, l.malformed);
        assertEquals(2, l.roceVersion);
        DecodedFrame.Truncated t = assertInstanceOf(DecodedFrame.Truncated.class, new RdmaDecoder().decode(p, l));
        assertEquals(DecodedFrame.Encapsulation.ROCE_V2, t.encapsulation());
        assertEquals("UDP length exceeds the IP payload", t.reason());
        assertEquals(34, t.offset());
    }

    @Test
    void aUdpLengthBelowTheHeaderIsNamed() {
        var p = ethernet(withUdpLength(4));
        Layers l = dissect(p);
        DecodedFrame.Truncated t = assertInstanceOf(DecodedFrame.Truncated.class, new RdmaDecoder().decode(p, l));
        assertEquals("UDP length below 8 bytes", t.reason());
    }

    @Test
    void theIntactPacketIsDecoded() {
        var p = ethernet(PCAPPLUSPLUS_READ_REQUEST);
        assertInstanceOf(DecodedFrame.Transport.class, new RdmaDecoder().decode(p, dissect(p)));
    }
}
