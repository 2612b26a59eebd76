package dev.fabricscope.dissect;

import static dev.fabricscope.dissect.Frames.*;
import static dev.fabricscope.dissect.SampleFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.testing.InfinibandFrames.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.fabricscope.capture.LinkType;
import org.junit.jupiter.api.Test;

/**
 * IP over InfiniBand (RFC 4391 datagram mode, RFC 4755 connected mode) on native IB links; the same frames go to
 * tshark in {@link DissectorTsharkTest}. Offsets: LRH 0, BTH 8, DETH 20 (UD), IPoIB header after them.
 */
class DissectorIpOverInfinibandTest {
    private final Layers l = new Layers();

    private boolean dissect(byte[] ib) {
        return Dissector.dissect(Frames.packet(LinkType.INFINIBAND, ib), l);
    }

    @Test
    void datagramModeIpv4() {
        assertTrue(dissect(IB_IPOIB_UD_IPV4_UDP.bytes()));
        assertEquals(8, l.ibBthOffset);
        assertEquals(0x0800, l.etherType);
        assertEquals(28, l.etherTypeOffset);
        assertEquals(32, l.etherPayloadOffset);
        assertEquals(NetworkKind.IPV4, l.networkKind);
        assertEquals(32 + 12, l.srcAddrOffset);
        assertEquals(TransportKind.UDP, l.transportKind);
        assertEquals(49501, l.srcPort);
        assertEquals(49504, l.dstPort);
        assertEquals(6, l.payloadLength);   // the IP length ends the packet: pad, ICRC and VCRC are not payload
    }

    @Test
    void connectedModeIpv6() {
        assertTrue(dissect(IB_IPOIB_RC_IPV6_TCP.bytes()));
        assertEquals(0x86dd, l.etherType);
        assertEquals(24, l.etherPayloadOffset);
        assertEquals(NetworkKind.IPV6, l.networkKind);
        assertEquals(TransportKind.TCP, l.transportKind);
        assertEquals(22, l.dstPort);
        assertEquals(3, l.payloadLength);
    }

    @Test
    void sendFirstAndUnreliableConnectedToo() {
        byte[] ip = ipv4(17, udp(1, 2, zeros(8)));
        for (int opcode : new int[] {0x00, 0x20, 0x24}) {
            assertTrue(dissect(ipOverIb(opcode, 0x10, NONE, 0x0800, 0, ip)), "opcode " + opcode);
            assertEquals(NetworkKind.IPV4, l.networkKind, "opcode " + opcode);
        }
    }

    @Test
    void arpIsRecordedByItsEthertype() {
        byte[] arp = concat(hex("0020 0800 14 04 0001"), zeros(48));   // hardware type 32 (IB), 20-byte addresses
        assertTrue(dissect(ipOverIb(0x64, 0xffffff, deth(0x48), 0x0806, 0, arp)));
        assertEquals(0x0806, l.etherType);
        assertEquals(32, l.etherPayloadOffset);
        assertEquals(NetworkKind.NONE, l.networkKind);
    }

    @Test
    void notIpOverIb() {
        byte[] ip = ipv4(17, udp(1, 2, zeros(8)));
        // MADs: destination QP 0/1, or a DETH source QP 0/1
        assertNotIpoib(ipOverIb(0x64, 1, deth(0x48), 0x0800, 0, ip), "to QP1");
        assertNotIpoib(ipOverIb(0x64, 0, deth(0x48), 0x0800, 0, ip), "to QP0");
        assertNotIpoib(ipOverIb(0x64, 0x40, deth(1), 0x0800, 0, ip), "from QP1");
        // the reserved bytes must be zero, the ethertype one IPoIB carries
        assertNotIpoib(ipOverIb(0x64, 0x40, deth(0x48), 0x0800, 1, ip), "reserved 1");
        assertNotIpoib(ipOverIb(0x04, 0x40, NONE, 0x88cc, 0, ip), "LLDP ethertype");
        // RDMA WRITE ONLY (0x0a, with RETH), SEND MIDDLE (0x01), UD SEND with immediate (0x65): data, not IPoIB
        assertNotIpoib(ipOverIb(0x0a, 0x40, zeros(16), 0x0800, 0, ip), "RDMA WRITE");
        assertNotIpoib(ipOverIb(0x01, 0x40, NONE, 0x0800, 0, ip), "SEND middle");
        assertNotIpoib(ipOverIb(0x65, 0x40, concat(deth(0x48), zeros(4)), 0x0800, 0, ip), "UD SEND immediate");
    }

    private void assertNotIpoib(byte[] ib, String what) {
        assertTrue(dissect(ib), what);
        assertEquals(8, l.ibBthOffset, what);
        assertEquals(-1, l.etherType, what);
        assertEquals(NetworkKind.NONE, l.networkKind, what);
    }

    @Test
    void cutPackets() {
        byte[] ib = IB_IPOIB_UD_IPV4_UDP.bytes();
        // cut inside the DETH or the IPoIB header: an IB packet without IP, not malformed
        for (int cap : new int[] {24, 30}) {
            assertTrue(Dissector.dissect(Frames.packet(LinkType.INFINIBAND, ib, cap), l), "caplen " + cap);
            assertEquals(-1, l.etherType, "caplen " + cap);
        }
        // cut inside the IPv4 header: malformed, where it is cut
        assertFalse(Dissector.dissect(Frames.packet(LinkType.INFINIBAND, ib, 40), l));
        assertEquals(Malformed.TRUNCATED_IPV4_HEADER, l.malformed);
        assertEquals(32, l.malformedOffset);
    }

    @Test
    void roceIsLeftAlone() {
        // RoCEv1: the same BTH + IPoIB bytes after a GRH on Ethernet; the network fields stay empty
        byte[] ib = IB_IPOIB_RC_IPV6_TCP.bytes();
        byte[] afterLrh = java.util.Arrays.copyOfRange(ib, 8, ib.length);
        byte[] grh = concat(hex("60 00 00 00"), u16(afterLrh.length), hex("1b 40"), IP6_SRC, IP6_DST);
        assertTrue(Dissector.dissect(Frames.packet(LinkType.EN10MB, eth(0x8915, concat(grh, afterLrh))), l));
        assertEquals(1, l.roceVersion);
        assertEquals(NetworkKind.NONE, l.networkKind);
        assertEquals(0x8915, l.etherType);
    }
}
