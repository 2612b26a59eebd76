package dev.fabricscope.dissect;

import static dev.fabricscope.dissect.Frames.*;
import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.fabricscope.capture.LinkType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Ethernet with a switch chip's tag (Linux DSA captures): the tag is skipped and the frame around it dissected as
 * Ethernet's, so analyzers see the carried packet; a frame that ends inside the tag or the header is malformed.
 */
class DissectorSwitchTagTest {
    private final Layers l = new Layers();

    /** The tag inserted after an Ethernet frame's MAC addresses. */
    private static byte[] tagged(byte[] frame, byte[] tag) {
        return concat(Arrays.copyOf(frame, 12), tag, Arrays.copyOfRange(frame, 12, frame.length));
    }

    private static final byte[] UDP_FRAME = eth(new int[][] {tag(0x8100, 0, 0, 7)}, 0x0800,
        ipv4(17, udp(1000, 2000, hex("0102"))));

    @Test
    void tagBetweenAddressesAndTypeIsSkipped() {
        int[][] cases = {{LinkType.DSA_TAG_DSA, 4}, {LinkType.DSA_TAG_EDSA, 8}, {LinkType.DSA_TAG_BRCM, 4}};
        for (int[] c : cases) {
            byte[] bytes = tagged(UDP_FRAME, new byte[c[1]]);
            assertTrue(Dissector.dissect(packet(c[0], bytes), l), () -> c[0] + ": " + l.malformed);
            int t = c[1];
            assertEquals(0, l.ethOffset);
            assertEquals(0, l.dstMacOffset);
            assertEquals(6, l.srcMacOffset);
            assertEquals(1, l.vlanCount);
            assertEquals(12 + t, l.vlanOffset[0]);
            assertEquals(7, l.vlanVid[0]);
            assertEquals(0x0800, l.etherType);
            assertEquals(16 + t, l.etherTypeOffset);
            assertEquals(18 + t, l.networkOffset);
            assertEquals(2000, l.dstPort);
            assertEquals(2, l.payloadLength);
            for (int cap = 0; cap < 14 + t; cap++) {
                assertFalse(Dissector.dissect(packet(c[0], bytes, cap), l));
                assertEquals(Malformed.TRUNCATED_ETHERNET_HEADER, l.malformed);
                assertEquals(-1, l.ethOffset);
            }
        }
    }

    @Test
    void prependedTagIsSkipped() {
        byte[] bytes = concat(hex("20000020"), UDP_FRAME);
        assertTrue(Dissector.dissect(packet(LinkType.DSA_TAG_BRCM_PREPEND, bytes), l), () -> "" + l.malformed);
        assertEquals(4, l.ethOffset);
        assertEquals(4, l.dstMacOffset);
        assertEquals(10, l.srcMacOffset);
        assertEquals(0x0800, l.etherType);
        assertEquals(22, l.networkOffset);
        assertEquals(2000, l.dstPort);
        for (int cap = 0; cap < 4; cap++) {
            assertFalse(Dissector.dissect(packet(LinkType.DSA_TAG_BRCM_PREPEND, bytes, cap), l));
            assertEquals(Malformed.TRUNCATED_LINK_HEADER, l.malformed);
        }
        assertFalse(Dissector.dissect(packet(LinkType.DSA_TAG_BRCM_PREPEND, bytes, 17), l));
        assertEquals(Malformed.TRUNCATED_ETHERNET_HEADER, l.malformed);
    }
}
