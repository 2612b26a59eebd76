package dev.fabricscope.dissect;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.dissect.SampleFrames.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.fabricscope.capture.LinkType;
import org.junit.jupiter.api.Test;

/** Ethernet encapsulations: VLAN stacks, MPLS, pseudowires, PPPoE, GRE, RoCE, slow protocols. */
class DissectorEthernetTest {
    private final Layers l = new Layers();

    private Layers dissect(Sample s) {
        assertTrue(Dissector.dissect(Frames.packet(s.linkType(), s.bytes()), l), () -> s.name() + ": " + l.malformed);
        return l;
    }

    @Test
    void ipv4TcpWithOptions() {
        dissect(ETH_IPV4_TCP);
        assertEquals(0, l.ethOffset);
        assertEquals(0, l.dstMacOffset);
        assertEquals(6, l.srcMacOffset);
        assertEquals(0x0800, l.etherType);
        assertEquals(12, l.etherTypeOffset);
        assertEquals(NetworkKind.IPV4, l.networkKind);
        assertEquals(14, l.networkOffset);
        assertEquals(20, l.networkHeaderLength);
        assertEquals(26, l.srcAddrOffset);
        assertEquals(30, l.dstAddrOffset);
        assertEquals(6, l.ipProtocol);
        assertEquals(64, l.ttl);
        assertEquals(20 + 32 + 5, l.ipTotalLength);
        assertFalse(l.ipv4Options);
        assertFalse(l.fragment);
        assertEquals(TransportKind.TCP, l.transportKind);
        assertEquals(34, l.transportOffset);
        assertEquals(32, l.transportHeaderLength);
        assertEquals(40000, l.srcPort);
        assertEquals(80, l.dstPort);
        assertEquals(1000, l.tcpSeq);
        assertEquals(2000, l.tcpAck);
        assertEquals(0x018, l.tcpFlags);
        assertEquals(66, l.payloadOffset);
        assertEquals(5, l.payloadLength);
        assertEquals(5, l.payloadWireLength);
    }

    @Test
    void ethernetPaddingAndFcsAreNotPayload() {
        dissect(ETH_IPV4_TCP_PADDED);
        assertEquals(64, ETH_IPV4_TCP_PADDED.bytes().length);
        assertEquals(TransportKind.TCP, l.transportKind);
        assertEquals(SYN, l.tcpFlags);
        assertEquals(54, l.payloadOffset);
        assertEquals(0, l.payloadLength);
        assertEquals(54, l.networkEnd);
    }

    @Test
    void payloadIsClippedToCaplenButWireLengthComesFromIp() {
        byte[] b = ETH_IPV4_TCP.bytes();
        Dissector.dissect(Frames.packet(LinkType.EN10MB, b, b.length - 3), l);
        assertFalse(l.isMalformed());
        assertEquals(2, l.payloadLength);
        assertEquals(5, l.payloadWireLength);
    }

    @Test
    void singleVlanTag() {
        dissect(ETH_VLAN_IPV4_UDP);
        assertEquals(1, l.vlanCount);
        assertEquals(12, l.vlanOffset[0]);
        assertEquals(0x8100, l.vlanTpid[0]);
        assertEquals(5, l.vlanPcp[0]);
        assertEquals(0, l.vlanDei[0]);
        assertEquals(100, l.vlanVid[0]);
        assertEquals(0x0800, l.etherType);
        assertEquals(16, l.etherTypeOffset);
        assertEquals(18, l.networkOffset);
        assertEquals(TransportKind.UDP, l.transportKind);
        assertEquals(1234, l.srcPort);
        assertEquals(4321, l.dstPort);
        assertEquals(14, l.udpLength);
        assertEquals(6, l.payloadLength);
    }

    @Test
    void qinqInAnyOrder() {
        dissect(ETH_QINQ_IPV6_UDP);
        assertEquals(2, l.vlanCount);
        assertArrayEquals(new int[] {0x88a8, 0x8100}, java.util.Arrays.copyOf(l.vlanTpid, 2));
        assertArrayEquals(new int[] {10, 20}, java.util.Arrays.copyOf(l.vlanVid, 2));
        assertEquals(3, l.vlanPcp[0]);
        assertEquals(1, l.vlanDei[0]);
        assertEquals(NetworkKind.IPV6, l.networkKind);
        assertEquals(22, l.networkOffset);
        assertEquals(547, l.dstPort);

        dissect(ETH_THREE_TAGS_TCP);
        assertEquals(3, l.vlanCount);
        assertArrayEquals(new int[] {0x9100, 0x8100, 0x88a8}, java.util.Arrays.copyOf(l.vlanTpid, 3));
        assertArrayEquals(new int[] {4094, 1, 300}, java.util.Arrays.copyOf(l.vlanVid, 3));
        assertArrayEquals(new int[] {7, 1, 2}, java.util.Arrays.copyOf(l.vlanPcp, 3));
        assertArrayEquals(new int[] {12, 16, 20}, java.util.Arrays.copyOf(l.vlanOffset, 3));
        assertEquals(24, l.etherTypeOffset);
        assertEquals(179, l.srcPort);
    }

    @Test
    void ninthVlanTagIsMalformed() {
        assertFalse(Dissector.dissect(Frames.packet(LinkType.EN10MB, ETH_NINE_TAGS.bytes()), l));
        assertEquals(Malformed.TOO_MANY_VLAN_TAGS, l.malformed);
        assertEquals(12 + 8 * 4, l.malformedOffset);
        assertEquals(8, l.vlanCount);
        assertEquals(8, l.vlanVid[7]);
        assertEquals(NetworkKind.NONE, l.networkKind);
    }

    @Test
    void mplsStackThenIpv4ByFirstNibble() {
        dissect(ETH_MPLS_IPV4_UDP);
        assertEquals(0x8847, l.etherType);
        assertEquals(14, l.mplsOffset);
        assertEquals(2, l.mplsCount);
        assertArrayEquals(new int[] {16, 1048575}, java.util.Arrays.copyOf(l.mplsLabel, 2));
        assertArrayEquals(new int[] {5, 0}, java.util.Arrays.copyOf(l.mplsTc, 2));
        assertArrayEquals(new int[] {0, 1}, java.util.Arrays.copyOf(l.mplsBottom, 2));
        assertArrayEquals(new int[] {255, 64}, java.util.Arrays.copyOf(l.mplsTtl, 2));
        assertEquals(MplsPayload.IPV4, l.mplsPayload);
        assertEquals(22, l.mplsPayloadOffset);
        assertEquals(22, l.networkOffset);
        assertEquals(3784, l.dstPort);
    }

    @Test
    void mplsIpv6ExplicitNull() {
        dissect(ETH_MPLS_NULL_IPV6_TCP);
        assertEquals(1, l.mplsCount);
        assertEquals(2, l.mplsLabel[0]);
        assertEquals(MplsPayload.IPV6, l.mplsPayload);
        assertEquals(NetworkKind.IPV6, l.networkKind);
        assertEquals(8080, l.srcPort);
        assertEquals(1, l.payloadLength);
    }

    @Test
    void mplsEthernetPseudowireWithControlWord() {
        dissect(ETH_MPLS_PW_ETH);
        assertEquals(1, l.vlanCount);
        assertEquals(30, l.vlanVid[0]);
        assertEquals(1, l.mplsCount);
        assertEquals(100, l.mplsLabel[0]);
        assertEquals(MplsPayload.ETHERNET_PSEUDOWIRE, l.mplsPayload);
        assertEquals(22, l.pwControlWordOffset);
        assertEquals(26, l.innerEthOffset);
        assertEquals(0x0800, l.innerEtherType);
        assertEquals(26 + 16, l.innerEtherTypeOffset);
        assertEquals(26 + 18, l.networkOffset);
        assertEquals(2222, l.dstPort);
        assertEquals(2, l.payloadLength);
    }

    @Test
    void mplsUnknownPayloadIsNotMalformed() {
        byte[] b = Frames.eth(0x8847, concat(Frames.mpls(99, 0, true, 1), hex("a1 b2 c3 d4")));
        assertTrue(Dissector.dissect(Frames.packet(LinkType.EN10MB, b), l));
        assertEquals(MplsPayload.UNKNOWN, l.mplsPayload);
        assertEquals(NetworkKind.NONE, l.networkKind);
    }

    @Test
    void ninthMplsLabelIsMalformed() {
        byte[][] parts = new byte[10][];
        for (int i = 0; i < 9; i++) parts[i] = Frames.mpls(i + 16, 0, i == 8, 1);
        parts[9] = Frames.ipv4(17, Frames.udp(1, 2, Frames.NONE));
        byte[] b = Frames.eth(0x8847, concat(parts));
        assertFalse(Dissector.dissect(Frames.packet(LinkType.EN10MB, b), l));
        assertEquals(Malformed.TOO_MANY_MPLS_LABELS, l.malformed);
        assertEquals(14 + 32, l.malformedOffset);
        assertEquals(8, l.mplsCount);
    }

    @Test
    void pppoeSession() {
        dissect(ETH_PPPOE_IPV4_TCP);
        assertEquals(0x8864, l.etherType);
        assertEquals(14, l.pppoeOffset);
        assertEquals(0x1234, l.pppoeSessionId);
        assertEquals(0x0021, l.pppProtocol);
        assertEquals(20, l.pppProtocolOffset);
        assertEquals(22, l.networkOffset);
        assertEquals(l.pppoeLength, l.ipTotalLength + 2);
        assertEquals(5, l.payloadLength);

        dissect(ETH_PPPOE_IPV6_UDP);
        assertEquals(0x0057, l.pppProtocol);
        assertEquals(NetworkKind.IPV6, l.networkKind);
        assertEquals(5353, l.srcPort);
    }

    @Test
    void badPppoeVersion() {
        byte[] b = ETH_PPPOE_IPV4_TCP.bytes().clone();
        b[14] = 0x21;
        assertFalse(Dissector.dissect(Frames.packet(LinkType.EN10MB, b), l));
        assertEquals(Malformed.BAD_PPPOE_VERSION, l.malformed);
        assertEquals(14, l.malformedOffset);
    }

    @Test
    void greWithKeyAndSequence() {
        dissect(ETH_GRE_IPV4);
        assertEquals(47, l.ipProtocol);
        assertEquals(TransportKind.GRE, l.transportKind);
        assertEquals(34, l.greOffset);
        assertEquals(0x3000, l.greFlags);
        assertEquals(0x0800, l.greProtocol);
        assertEquals(0x11223344L, l.greKey);
        assertEquals(7, l.greSequence);
        assertEquals(12, l.transportHeaderLength);
        assertEquals(46, l.greInnerOffset);
        assertEquals(40, l.payloadLength);
        assertEquals(-1, l.srcPort);
    }

    @Test
    void greWithChecksumCarryingEthernet() {
        dissect(ETH_GRE_ETH);
        assertEquals(0x6558, l.greProtocol);
        assertEquals(-1, l.greKey);
        assertEquals(8, l.transportHeaderLength);
        assertEquals(42, l.greInnerOffset);
    }

    @Test
    void roceV2OnDestinationPortOnly() {
        dissect(ETH_ROCE_V2);
        assertEquals(69, l.srcPort);
        assertEquals(4791, l.dstPort);
        assertEquals(2, l.roceVersion);
        assertEquals(42, l.ibBthOffset);
        assertEquals(-1, l.ibGrhOffset);

        dissect(ETH_UDP_SRC_4791);
        assertEquals(4791, l.srcPort);
        assertEquals(-1, l.ibBthOffset);
        assertEquals(0, l.roceVersion);
    }

    @Test
    void roceV1() {
        dissect(ETH_ROCE_V1);
        assertEquals(0x8915, l.etherType);
        assertEquals(1, l.roceVersion);
        assertEquals(14, l.ibGrhOffset);
        assertEquals(54, l.ibBthOffset);
        assertEquals(NetworkKind.NONE, l.networkKind);
    }

    @Test
    void slowProtocols() {
        dissect(ETH_SLOW);
        assertEquals(0x8809, l.etherType);
        assertEquals(14, l.slowProtocolsOffset);
    }

    @Test
    void layersAreResetBetweenPackets() {
        dissect(ETH_MPLS_PW_ETH);
        dissect(ETH_SLOW);
        assertEquals(0, l.vlanCount);
        assertEquals(0, l.mplsCount);
        assertEquals(-1, l.innerEthOffset);
        assertEquals(NetworkKind.NONE, l.networkKind);
        assertEquals(TransportKind.NONE, l.transportKind);
        assertEquals(-1, l.payloadOffset);
    }
}
