package dev.fabricscope.dissect;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.dissect.Frames.*;
import static dev.fabricscope.dissect.SampleFrames.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.fabricscope.capture.LinkType;
import org.junit.jupiter.api.Test;

/** IPv4 options and fragments, IPv6 extension headers, TCP/UDP checks and the malformed reasons. */
class DissectorIpTest {
    private final Layers l = new Layers();

    private boolean dissect(int linkType, byte[] b) {
        return Dissector.dissect(packet(linkType, b), l);
    }

    @Test
    void ipv4OptionsDscpEcnTtl() {
        assertTrue(dissect(LinkType.EN10MB, ETH_IPV4_OPTIONS_UDP.bytes()));
        assertTrue(l.ipv4Options);
        assertEquals(24, l.networkHeaderLength);
        assertEquals(46, l.dscp);   // tos 0xb8 = EF
        assertEquals(0, l.ecn);
        assertEquals(1, l.ttl);
        assertEquals(38, l.transportOffset);
        assertEquals(53, l.dstPort);
        assertEquals(4, l.payloadLength);
    }

    @Test
    void ipv4FirstFragmentHasTransport() {
        assertTrue(dissect(LinkType.EN10MB, ETH_IPV4_FIRST_FRAGMENT.bytes()));
        assertTrue(l.fragment);
        assertTrue(l.moreFragments);
        assertFalse(l.laterFragment);
        assertTrue(l.firstFragment());
        assertEquals(TransportKind.UDP, l.transportKind);
        assertEquals(6000, l.srcPort);
        assertEquals(48, l.udpLength);
        assertEquals(16, l.payloadLength);   // only what this fragment carries
    }

    @Test
    void ipv4LaterFragmentHasNoTransport() {
        assertTrue(dissect(LinkType.EN10MB, ETH_IPV4_LATER_FRAGMENT.bytes()));
        assertTrue(l.fragment);
        assertTrue(l.laterFragment);
        assertFalse(l.firstFragment());
        assertEquals(24, l.fragmentOffset);
        assertEquals(17, l.ipProtocol);
        assertEquals(TransportKind.NONE, l.transportKind);
    }

    @Test
    void ipv6ExtensionHeaderChain() {
        assertTrue(dissect(LinkType.EN10MB, ETH_IPV6_EXT_TCP.bytes()));
        assertEquals(NetworkKind.IPV6, l.networkKind);
        assertEquals(22, l.srcAddrOffset);
        assertEquals(38, l.dstAddrOffset);
        assertEquals(64, l.ttl);
        assertEquals(4, l.ipv6ExtensionHeaders);
        assertEquals(40 + 8 + 24 + 8 + 24, l.networkHeaderLength);
        assertEquals(6, l.ipProtocol);
        assertEquals(14 + 104, l.transportOffset);
        assertEquals(22, l.dstPort);
        assertEquals(3, l.payloadLength);
        assertFalse(l.fragment);
    }

    @Test
    void ipv6Fragments() {
        assertTrue(dissect(LinkType.EN10MB, ETH_IPV6_FIRST_FRAGMENT.bytes()));
        assertTrue(l.firstFragment());
        assertEquals(17, l.ipProtocol);
        assertEquals(6001, l.srcPort);
        assertEquals(8, l.payloadLength);

        assertTrue(dissect(LinkType.EN10MB, ETH_IPV6_LATER_FRAGMENT.bytes()));
        assertTrue(l.laterFragment);
        assertEquals(16, l.fragmentOffset);
        assertEquals(17, l.ipProtocol);
        assertEquals(TransportKind.NONE, l.transportKind);
    }

    @Test
    void ipv6ExtensionHeaderPastPayloadLength() {
        // hop-by-hop header claims 16 bytes but the payload length leaves only 8
        byte[] b = ipv6(0, concat(new byte[] {6, 1}, zeros(6)));
        assertFalse(dissect(LinkType.IPV6, b));
        assertEquals(Malformed.IPV6_EXTENSION_HEADER_BEYOND_PAYLOAD, l.malformed);
        assertEquals(40, l.malformedOffset);
    }

    @Test
    void tcpSynOptions() {
        assertTrue(dissect(LinkType.RAW_14, RAW14_IPV4.bytes()));
        assertEquals(32, l.transportHeaderLength);
        assertEquals(SYN, l.tcpFlags);
        assertEquals(52, l.payloadOffset);
        assertEquals(0, l.payloadLength);
    }

    @Test
    void badIhl() {
        byte[] b = ipv4(17, udp(1, 2, NONE));
        b[0] = 0x44;
        assertFalse(dissect(LinkType.RAW, b));
        assertEquals(Malformed.BAD_IPV4_IHL, l.malformed);
        assertEquals(0, l.malformedOffset);
    }

    @Test
    void totalLengthShorterThanHeader() {
        byte[] b = eth(0x0800, ipv4(0, 0, 64, 17, IP_ROUTER_ALERT, udp(1, 2, NONE)));
        b[14 + 3] = 22;   // total length 22 < IHL 24
        assertFalse(dissect(LinkType.EN10MB, b));
        assertEquals(Malformed.IPV4_TOTAL_LENGTH_TOO_SHORT, l.malformed);
        assertEquals(14, l.malformedOffset);
        assertEquals(NetworkKind.IPV4, l.networkKind);
        assertEquals(TransportKind.NONE, l.transportKind);
    }

    @Test
    void zeroTotalLengthMeansTsoUpToTheCapturedEnd() {
        byte[] b = ipv4(6, tcp(1, 2, 3, 4, ACK, NONE, ascii("abc")));
        b[2] = 0;
        b[3] = 0;
        assertTrue(dissect(LinkType.RAW, b));
        assertEquals(3, l.payloadLength);
    }

    @Test
    void ipVersionMismatch() {
        assertFalse(dissect(LinkType.EN10MB, eth(0x0800, ipv6(17, udp(1, 2, NONE)))));
        assertEquals(Malformed.BAD_IP_VERSION, l.malformed);
        assertEquals(14, l.malformedOffset);
        assertFalse(dissect(LinkType.RAW, hex("50 00 00 00")));
        assertEquals(Malformed.BAD_IP_VERSION, l.malformed);
        assertFalse(dissect(LinkType.RAW, NONE));
        assertEquals(Malformed.TRUNCATED_IP_HEADER, l.malformed);
    }

    @Test
    void badTcpDataOffset() {
        byte[] b = ipv4(6, tcp(1, 2, 3, 4, ACK, NONE, zeros(8)));
        b[20 + 12] = 0x40;
        assertFalse(dissect(LinkType.RAW, b));
        assertEquals(Malformed.BAD_TCP_DATA_OFFSET, l.malformed);
        assertEquals(20, l.malformedOffset);
        assertEquals(1, l.srcPort);   // decoded up to the problem
    }

    @Test
    void tcpHeaderLongerThanIpPayload() {
        byte[] b = ipv4(6, tcp(1, 2, 3, 4, ACK, NONE, zeros(8)));
        b[20 + 12] = (byte) 0xf0;   // 60-byte header, 28 bytes of IP payload
        assertFalse(dissect(LinkType.RAW, b));
        assertEquals(Malformed.TCP_HEADER_BEYOND_IP_PAYLOAD, l.malformed);
    }

    @Test
    void truncatedTcpOptions() {
        byte[] b = RAW14_IPV4.bytes();
        assertFalse(Dissector.dissect(packet(LinkType.RAW_14, b, 45), l));
        assertEquals(Malformed.TRUNCATED_TCP_OPTIONS, l.malformed);
        assertEquals(40, l.malformedOffset);
    }

    @Test
    void udpLengths() {
        byte[] b = ipv4(17, udp(1, 2, zeros(4)));
        b[25] = 7;
        assertFalse(dissect(LinkType.RAW, b));
        assertEquals(Malformed.BAD_UDP_LENGTH, l.malformed);
        b[25] = 13;   // 13 > 12 bytes of IP payload
        assertFalse(dissect(LinkType.RAW, b));
        assertEquals(Malformed.UDP_LENGTH_BEYOND_IP_PAYLOAD, l.malformed);
        assertEquals(20, l.malformedOffset);
        b[25] = 10;   // shorter than the IP payload: payload is the UDP length's
        assertTrue(dissect(LinkType.RAW, b));
        assertEquals(2, l.payloadLength);
    }

    @Test
    void truncatedRoceBth() {
        byte[] b = ipv4(17, udp(49152, 4791, zeros(6)));
        assertFalse(dissect(LinkType.RAW, b));
        assertEquals(Malformed.TRUNCATED_IB_BTH, l.malformed);
        assertEquals(28, l.malformedOffset);
        assertEquals(4791, l.dstPort);
    }
}
