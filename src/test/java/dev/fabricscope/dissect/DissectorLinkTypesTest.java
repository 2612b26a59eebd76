package dev.fabricscope.dissect;

import static dev.fabricscope.dissect.SampleFrames.*;
import static dev.fabricscope.testing.ByteArrays.concat;
import static dev.fabricscope.testing.ByteArrays.hex;
import static org.junit.jupiter.api.Assertions.*;

import dev.fabricscope.capture.LinkType;
import org.junit.jupiter.api.Test;

/** Every link type: where the network layer starts and what the link header says. */
class DissectorLinkTypesTest {
    private final Layers l = new Layers();

    private Layers dissect(Sample s) {
        assertTrue(Dissector.dissect(Frames.packet(s.linkType(), s.bytes()), l), () -> s.name() + ": " + l.malformed);
        assertEquals(s.linkType(), l.linkType);
        return l;
    }

    @Test
    void linuxSll() {
        dissect(SLL_IPV4_UDP);
        assertEquals(-1, l.ethOffset);
        assertEquals(6, l.srcMacOffset);
        assertEquals(0x0800, l.etherType);
        assertEquals(14, l.etherTypeOffset);
        assertEquals(16, l.networkOffset);
        assertEquals(2000, l.dstPort);
        assertEquals(3, l.payloadLength);
    }

    @Test
    void linuxSll2() {
        dissect(SLL2_IPV6_TCP);
        assertEquals(12, l.srcMacOffset);
        assertEquals(0x86dd, l.etherType);
        assertEquals(0, l.etherTypeOffset);
        assertEquals(20, l.networkOffset);
        assertEquals(32, l.transportHeaderLength);
        assertEquals(4, l.payloadLength);

        dissect(SLL2_VLAN_IPV4);
        assertEquals(12, l.srcMacOffset);
        assertEquals(1, l.vlanCount);
        assertEquals(100, l.vlanVid[0]);
        assertEquals(0, l.vlanOffset[0]);
        assertEquals(22, l.etherTypeOffset);
        assertEquals(24, l.networkOffset);
    }

    @Test
    void rawIp() {
        dissect(RAW_IPV4);
        assertEquals(0, l.networkOffset);
        assertEquals(NetworkKind.IPV4, l.networkKind);
        dissect(RAW12_IPV6);
        assertEquals(NetworkKind.IPV6, l.networkKind);
        assertEquals(444, l.dstPort);
        dissect(RAW14_IPV4);
        assertEquals(TransportKind.TCP, l.transportKind);
    }

    @Test
    void pppAndCiscoHdlcSkipTheirHeaderToIp() {
        dissect(PPP_IPV4);
        assertEquals(4, l.networkOffset);
        assertEquals(NetworkKind.IPV4, l.networkKind);
        assertEquals(1702, l.dstPort);
        assertEquals(3, l.payloadLength);
        dissect(PPP_COMPRESSED_IPV6);
        assertEquals(1, l.networkOffset);
        assertEquals(NetworkKind.IPV6, l.networkKind);
        assertEquals(TransportKind.TCP, l.transportKind);
        dissect(PPP_SERIAL_IPV4);
        assertEquals(4, l.networkOffset);
        assertEquals(40000, l.dstPort);
        dissect(PPP_SERIAL_CHDLC_IPV6);
        assertEquals(4, l.networkOffset);
        assertEquals(NetworkKind.IPV6, l.networkKind);
        assertEquals(6, l.payloadLength);
        dissect(CHDLC_IPV4);
        assertEquals(4, l.networkOffset);
        assertEquals(646, l.srcPort);
        dissect(CHDLC_IPV6);
        assertEquals(NetworkKind.IPV6, l.networkKind);
        assertEquals(33000, l.dstPort);
        assertEquals(32, l.transportHeaderLength);
    }

    @Test
    void pppAndCiscoHdlcOtherProtocolsAndShortHeaders() {
        byte[] lcp = hex("ff 03 c0 21 01 01 00 04");
        assertTrue(Dissector.dissect(Frames.packet(LinkType.PPP, lcp), l));
        assertEquals(-1, l.networkOffset);
        assertTrue(Dissector.dissect(Frames.packet(LinkType.C_HDLC, hex("8f 00 80 35 00 00 00 02")), l));
        assertEquals(-1, l.networkOffset);
        assertTrue(Dissector.dissect(Frames.packet(LinkType.PPP_SERIAL, hex("0a 0b 0c 0d 45")), l));
        assertEquals(-1, l.networkOffset);
        for (int linkType : new int[] {LinkType.PPP, LinkType.PPP_SERIAL, LinkType.C_HDLC}) {
            assertFalse(Dissector.dissect(Frames.packet(linkType, hex("ff")), l));
            assertEquals(Malformed.TRUNCATED_LINK_HEADER, l.malformed);
        }
        assertFalse(Dissector.dissect(Frames.packet(LinkType.PPP, hex("ff 03 00")), l));
        assertEquals(Malformed.TRUNCATED_LINK_HEADER, l.malformed);
    }

    @Test
    void ipoibSkipsItsHeaderToIpAndRecordsArp() {
        dissect(IPOIB_IPV4_UDP);
        assertEquals(0x0800, l.etherType);
        assertEquals(40, l.etherTypeOffset);
        assertEquals(44, l.etherPayloadOffset);
        assertEquals(44, l.networkOffset);
        assertEquals(NetworkKind.IPV4, l.networkKind);
        assertEquals(9000, l.srcPort);
        assertEquals(6, l.payloadLength);
        dissect(IPOIB_IPV6_TCP);
        assertEquals(NetworkKind.IPV6, l.networkKind);
        assertEquals(TransportKind.TCP, l.transportKind);
        assertEquals(22, l.dstPort);
        assertEquals(5, l.payloadLength);
        dissect(IPOIB_ARP);
        assertEquals(0x0806, l.etherType);
        assertEquals(44, l.etherPayloadOffset);
        assertEquals(-1, l.networkOffset);
    }

    /** JUNIPER_ETHER: the pseudo-header (with and without extensions) skipped to Ethernet; no-L2 packets as IP. */
    @Test
    void juniperEtherSkipsItsPseudoHeader() {
        byte[] frame = IPOIB_IPV4_UDP.bytes();   // any IPv4/UDP: here its IP packet, behind an Ethernet header
        byte[] ip = java.util.Arrays.copyOfRange(frame, 44, frame.length);
        byte[] ethernet = concat(hex("020000000001 020000000002 0800"), ip);
        byte[] withExtensions = concat(hex("4d4743 81 0006 01 04 00000123"), ethernet);
        assertTrue(Dissector.dissect(Frames.packet(LinkType.JUNIPER_ETHER, withExtensions), l));
        assertEquals(12, l.ethOffset);
        assertEquals(26, l.networkOffset);
        assertEquals(9000, l.srcPort);
        assertTrue(Dissector.dissect(Frames.packet(LinkType.JUNIPER_ETHER, concat(hex("4d4743 00"), ethernet)), l));
        assertEquals(4, l.ethOffset);
        assertEquals(NetworkKind.IPV4, l.networkKind);
        byte[] noL2 = concat(hex("4d4743 02 00000000"), ip);
        assertTrue(Dissector.dissect(Frames.packet(LinkType.JUNIPER_ETHER, noL2), l));
        assertEquals(-1, l.ethOffset);
        assertEquals(8, l.networkOffset);
        assertEquals(7000, l.dstPort);
        assertTrue(Dissector.dissect(Frames.packet(LinkType.JUNIPER_ETHER, concat(hex("4d4744 00"), ethernet)), l));
        assertEquals(-1, l.networkOffset);   // no magic: tcpdump prints nothing of it either
        for (int cap = 0; cap < 12; cap++) {
            assertFalse(Dissector.dissect(Frames.packet(LinkType.JUNIPER_ETHER, withExtensions, cap), l));
            assertEquals(Malformed.TRUNCATED_LINK_HEADER, l.malformed, "cut at " + cap);
        }
        assertFalse(Dissector.dissect(Frames.packet(LinkType.JUNIPER_ETHER, withExtensions, 20), l));
        assertEquals(Malformed.TRUNCATED_ETHERNET_HEADER, l.malformed);
    }

    /** NETANALYZER and NETANALYZER_TRANSPARENT: the 4-byte header (and the preamble and SFD) skipped to Ethernet. */
    @Test
    void netanalyzerSkipsItsHeaderToEthernet() {
        byte[] ethernet = ETH_IPV4_TCP.bytes();
        int[][] types = {{LinkType.NETANALYZER, 4}, {LinkType.NETANALYZER_TRANSPARENT, 12}};
        for (int[] t : types) {
            byte[] frame = concat(new byte[t[1]], ethernet);
            assertTrue(Dissector.dissect(Frames.packet(t[0], frame), l));
            assertEquals(t[1], l.ethOffset);
            assertEquals(t[1] + 14, l.networkOffset);
            assertEquals(80, l.dstPort);
            for (int cap = 0; cap < t[1]; cap++) {
                assertFalse(Dissector.dissect(Frames.packet(t[0], frame, cap), l));
                assertEquals(Malformed.TRUNCATED_LINK_HEADER, l.malformed, "cut at " + cap);
            }
            assertFalse(Dissector.dissect(Frames.packet(t[0], frame, t[1] + 13), l));
            assertEquals(Malformed.TRUNCATED_ETHERNET_HEADER, l.malformed);
        }
    }

    /** PPP_ETHER: PPPoE session data walked to IP as behind Ethernet; discovery packets end the walk. */
    @Test
    void pppEtherWalksSessionDataToIp() {
        byte[] ip = java.util.Arrays.copyOfRange(ETH_IPV4_TCP.bytes(), 14, ETH_IPV4_TCP.bytes().length);
        byte[] session = concat(hex("1100 002a"), new byte[] {0, (byte) (ip.length + 2)}, hex("0021"), ip);
        assertTrue(Dissector.dissect(Frames.packet(LinkType.PPP_ETHER, session), l));
        assertEquals(0, l.pppoeOffset);
        assertEquals(0x2a, l.pppoeSessionId);
        assertEquals(8, l.networkOffset);
        assertEquals(80, l.dstPort);
        assertTrue(Dissector.dissect(Frames.packet(LinkType.PPP_ETHER, hex("1109 0000 0004 0101 0000")), l));
        assertEquals(-1, l.networkOffset);
        for (int cap = 0; cap < 6; cap++) {
            assertFalse(Dissector.dissect(Frames.packet(LinkType.PPP_ETHER, session, cap), l));
            assertEquals(Malformed.TRUNCATED_LINK_HEADER, l.malformed, "cut at " + cap);
        }
    }

    /** SYMANTEC_FIREWALL and APPLE_IP_OVER_IEEE1394: IPv4 and IPv6 after the header by its ethertype. */
    @Test
    void symantecAndAp1394WalkTheirEthertypeToIp() {
        byte[] ip = java.util.Arrays.copyOfRange(ETH_IPV4_TCP.bytes(), 14, ETH_IPV4_TCP.bytes().length);
        byte[] symantec = concat(hex("010203040506 0800"), new byte[36], ip);
        byte[] ap1394 = concat(hex("0011223344556677 8899aabbccddeeff 0800"), ip);
        int[][] types = {{LinkType.SYMANTEC_FIREWALL, 44, 6}, {LinkType.APPLE_IP_OVER_IEEE1394, 18, 16}};
        for (int[] t : types) {
            byte[] frame = t[0] == LinkType.SYMANTEC_FIREWALL ? symantec : ap1394;
            assertTrue(Dissector.dissect(Frames.packet(t[0], frame), l));
            assertEquals(0x0800, l.etherType);
            assertEquals(t[2], l.etherTypeOffset);
            assertEquals(t[1], l.networkOffset);
            assertEquals(80, l.dstPort);
            assertFalse(Dissector.dissect(Frames.packet(t[0], frame, t[1] - 1), l));
            assertEquals(Malformed.TRUNCATED_LINK_HEADER, l.malformed);
            frame[t[2]] = 0x12;
            assertTrue(Dissector.dissect(Frames.packet(t[0], frame), l));
            assertEquals(-1, l.networkOffset);
        }
    }

    /** SLIP and SLIP_BSDOS: the IP packet after the 16-byte header. */
    @Test
    void atmClipWalksSnapOrBareIpv4ToIp() {
        byte[] ip = java.util.Arrays.copyOfRange(ETH_IPV4_TCP.bytes(), 14, ETH_IPV4_TCP.bytes().length);
        for (int type : new int[] {LinkType.ATM_CLIP, LinkType.ATM_CLIP_19}) {
            assertTrue(Dissector.dissect(Frames.packet(type, concat(hex("aaaa03 000000 0800"), ip)), l));
            assertEquals(0x0800, l.etherType);
            assertEquals(8, l.networkOffset);
            assertEquals(80, l.dstPort);
            assertTrue(Dissector.dissect(Frames.packet(type, ip), l));
            assertEquals(0, l.networkOffset);
            assertEquals(80, l.dstPort);
            assertTrue(Dissector.dissect(Frames.packet(type, concat(hex("aaaa03 000000 0806"), new byte[28])), l));
            assertEquals(-1, l.networkOffset);
            assertFalse(Dissector.dissect(Frames.packet(type, hex("aaaa03")), l));
        }
    }

    @Test
    void slipSkipsItsHeaderToIp() {
        byte[] ip = java.util.Arrays.copyOfRange(ETH_IPV4_TCP.bytes(), 14, ETH_IPV4_TCP.bytes().length);
        byte[] frame = concat(hex("0045"), new byte[14], ip);
        for (int type : new int[] {LinkType.SLIP, LinkType.SLIP_BSDOS, LinkType.SLIP_BSDOS_15}) {
            assertTrue(Dissector.dissect(Frames.packet(type, frame), l));
            assertEquals(16, l.networkOffset);
            assertEquals(80, l.dstPort);
            assertFalse(Dissector.dissect(Frames.packet(type, frame, 15), l));
            assertEquals(Malformed.TRUNCATED_LINK_HEADER, l.malformed);
        }
    }

    @Test
    void ipoibOtherTypesAndShortHeaders() {
        byte[] vlan = SampleFrames.ipoib(0x8100, hex("0064 0800"));   // tcpdump takes the type as final: so do we
        assertTrue(Dissector.dissect(Frames.packet(LinkType.IPOIB, vlan), l));
        assertEquals(-1, l.etherType);
        assertEquals(0, l.vlanCount);
        assertEquals(-1, l.networkOffset);
        byte[] b = IPOIB_IPV4_UDP.bytes();
        for (int cap = 0; cap < 44; cap++) {
            assertFalse(Dissector.dissect(Frames.packet(LinkType.IPOIB, b, cap), l));
            assertEquals(Malformed.TRUNCATED_LINK_HEADER, l.malformed);
        }
        assertFalse(Dissector.dissect(Frames.packet(LinkType.IPOIB, b, 45), l));   // IPv4 cut: IP's own reason
        assertEquals(0x0800, l.etherType);
        assertNotEquals(Malformed.TRUNCATED_LINK_HEADER, l.malformed);
    }

    @Test
    void frameRelayWalksToTheIpPacket() {
        dissect(FRELAY_IPV4_UDP);
        assertEquals(4, l.networkOffset);
        assertEquals(NetworkKind.IPV4, l.networkKind);
        assertEquals(53, l.srcPort);
        assertEquals(-1, l.etherType);
        dissect(FRELAY_SNAP_IPV6_TCP);
        assertEquals(9, l.networkOffset);
        assertEquals(TransportKind.TCP, l.transportKind);
        assertEquals(50000, l.dstPort);
        dissect(FRELAY_CISCO_IPV4_TCP);
        assertEquals(4, l.networkOffset);
        assertEquals(179, l.srcPort);
        dissect(MFR_IPV6_UDP);
        assertEquals(7, l.networkOffset);   // fragment header 2, address 2, UI, pad, NLPID
        assertEquals(NetworkKind.IPV6, l.networkKind);
        assertEquals(5001, l.dstPort);
        for (String other : new String[] {"1941 03 cc", "1840 0000 03 cc", "1841 03 81", "1841 03 80 00000c 0800",
                "1841 0806", "0001 0800"}) {   // invalid addresses, CLNP, Cisco's OUI, ARP, DLCI 0 with no UI
            byte[] b = concat(hex(other), FRELAY_IPV4_UDP.bytes());
            assertTrue(Dissector.dissect(Frames.packet(LinkType.FRELAY, b), l), other);
            assertEquals(-1, l.networkOffset, other);
        }
        for (String fragment : new String[] {"e1 00 01 00", "81 05", "41 05", "01 05"}) {   // control, first, last, middle
            byte[] b = concat(hex(fragment), FRELAY_IPV4_UDP.bytes());
            assertTrue(Dissector.dissect(Frames.packet(LinkType.MFR, b), l), fragment);
            assertEquals(-1, l.networkOffset, fragment);
        }
        byte[] snap = FRELAY_SNAP_IPV6_TCP.bytes();
        for (int cap = 0; cap < 9; cap++) {
            assertFalse(Dissector.dissect(Frames.packet(LinkType.FRELAY, snap, cap), l));
            assertEquals(Malformed.TRUNCATED_LINK_HEADER, l.malformed, "cut at " + cap);
        }
        assertFalse(Dissector.dissect(Frames.packet(LinkType.MFR, MFR_IPV6_UDP.bytes(), 1), l));
        assertEquals(Malformed.TRUNCATED_LINK_HEADER, l.malformed);
    }

    @Test
    void nflogWalksItsTlvsToTheIpPacket() {
        dissect(NFLOG_IPV4_UDP);
        assertEquals(32, l.networkOffset);   // header 4, packet header 8, prefix 8 (padded), UID 8, payload TLV 4
        assertEquals(NetworkKind.IPV4, l.networkKind);
        assertEquals(53, l.srcPort);
        assertEquals(12, l.payloadLength);
        assertEquals(-1, l.etherType);
        dissect(NFLOG_IPV6_TCP);
        assertEquals(32, l.networkOffset);
        assertEquals(NetworkKind.IPV6, l.networkKind);
        assertEquals(TransportKind.TCP, l.transportKind);
        assertEquals(50000, l.dstPort);
        assertEquals(5, l.payloadLength);
    }

    @Test
    void nflogOtherRecordsAndShortHeaders() {
        byte[] udp = NFLOG_IPV4_UDP.bytes();
        byte[] bridge = udp.clone();
        bridge[0] = 7;                                             // AF_BRIDGE: not walked
        assertTrue(Dissector.dissect(Frames.packet(LinkType.NFLOG, bridge), l));
        assertEquals(-1, l.networkOffset);
        byte[] version = udp.clone();
        version[1] = 1;                                            // tcpdump stops at an unknown version
        assertTrue(Dissector.dissect(Frames.packet(LinkType.NFLOG, version), l));
        assertEquals(-1, l.networkOffset);
        byte[] noPayload = SampleFrames.nflog(2, new byte[0]);
        noPayload = java.util.Arrays.copyOf(noPayload, noPayload.length - 4);   // the TLVs before it only
        assertTrue(Dissector.dissect(Frames.packet(LinkType.NFLOG, noPayload), l));
        assertEquals(-1, l.networkOffset);
        for (String tlv : new String[] {"0200 0a00 0000 0000", "feff 0a00 0000 0000", "0010 0a00 0000 0000"}) {
            byte[] bad = concat(hex("02 00 0001"), hex(tlv), SampleFrames.nflogTlv(9, udp));   // short, 0, long
            assertFalse(Dissector.dissect(Frames.packet(LinkType.NFLOG, bad), l), tlv);
            assertEquals(Malformed.TRUNCATED_LINK_HEADER, l.malformed);
        }
        for (int cap = 0; cap < 32; cap++) {   // up to the payload TLV's header
            assertFalse(Dissector.dissect(Frames.packet(LinkType.NFLOG, udp, cap), l));
            assertEquals(Malformed.TRUNCATED_LINK_HEADER, l.malformed);
        }
        assertFalse(Dissector.dissect(Frames.packet(LinkType.NFLOG, udp, 33), l));   // IPv4 cut: IP's own reason
        assertNotEquals(Malformed.TRUNCATED_LINK_HEADER, l.malformed);
        assertTrue(Dissector.dissect(Frames.packet(LinkType.NFLOG, udp, 32 + 28), l));   // a snapshot length's cut
        assertEquals(53, l.srcPort);
    }

    @Test
    void pflogSkipsItsHeaderToTheIpPacket() {
        dissect(PFLOG_IPV4_UDP);
        assertEquals(64, l.networkOffset);
        assertEquals(NetworkKind.IPV4, l.networkKind);
        assertEquals(53, l.srcPort);
        assertEquals(12, l.payloadLength);
        dissect(PFLOG_IPV6_TCP);
        assertEquals(72, l.networkOffset);   // 69 rounded up to 4
        assertEquals(NetworkKind.IPV6, l.networkKind);
        assertEquals(50000, l.dstPort);
        assertEquals(5, l.payloadLength);
        for (int family : new int[] {24, 30}) {
            assertTrue(Dissector.dissect(Frames.packet(LinkType.PFLOG,
                SampleFrames.pflog(64, family, Frames.ipv6(17, Frames.udp(1, 2, new byte[3])))), l));
            assertEquals(2, l.dstPort);
        }
    }

    @Test
    void pflogOtherRecordsAndShortHeaders() {
        byte[] udp = PFLOG_IPV4_UDP.bytes();
        byte[] other = udp.clone();
        other[1] = 7;                                              // another family: not walked
        assertTrue(Dissector.dissect(Frames.packet(LinkType.PFLOG, other), l));
        assertEquals(-1, l.networkOffset);
        byte[] invalid = udp.clone();
        invalid[0] = 44;                                           // tcpdump: an invalid header length
        assertTrue(Dissector.dissect(Frames.packet(LinkType.PFLOG, invalid), l));
        assertEquals(-1, l.networkOffset);
        for (int cap = 1; cap < 64; cap++) {
            assertFalse(Dissector.dissect(Frames.packet(LinkType.PFLOG, udp, cap), l));
            assertEquals(Malformed.TRUNCATED_LINK_HEADER, l.malformed);
        }
        assertFalse(Dissector.dissect(Frames.packet(LinkType.PFLOG, udp, 65), l));   // IPv4 cut: IP's own reason
        assertNotEquals(Malformed.TRUNCATED_LINK_HEADER, l.malformed);
        assertTrue(Dissector.dissect(Frames.packet(LinkType.PFLOG, udp, 64 + 28), l));   // a snapshot length's cut
        assertEquals(53, l.srcPort);
    }

    @Test
    void pktapWalksThePacketOfItsDlt() {
        dissect(PKTAP_ETH_IPV4_UDP);
        assertEquals(108, l.ethOffset);
        assertEquals(122, l.networkOffset);
        assertEquals(53, l.srcPort);
        byte[] v6 = Frames.ipv6(6, Frames.tcp(443, 50000, 1, 2, SampleFrames.ACK, Frames.NONE, dev.fabricscope.testing.ByteArrays.ascii("pktap")));
        byte[][] packets = {SampleFrames.pktap(120, 1, 0, concat(new byte[] {30, 0, 0, 0}, v6)),
            SampleFrames.pktap(108, 1, 108, concat(new byte[] {0, 0, 0, 24}, v6)), SampleFrames.pktap(108, 1, 12, v6),
            SampleFrames.pktap(108, 1, 229, v6)};
        int[] at = {124, 112, 108, 108};
        for (int linkType : new int[] {LinkType.PKTAP, LinkType.USER2}) {
            for (int i = 0; i < packets.length; i++) {
                assertTrue(Dissector.dissect(Frames.packet(linkType, packets[i]), l));
                assertEquals(at[i], l.networkOffset);
                assertEquals(50000, l.dstPort);
            }
        }
    }

    @Test
    void pktapOtherRecordsAndShortHeaders() {
        byte[] udp = PKTAP_ETH_IPV4_UDP.bytes();
        for (byte[] other : new byte[][] {SampleFrames.pktap(108, 0, 1, new byte[60]),   // no data
            SampleFrames.pktap(108, 1, 101, Frames.ipv4(17, Frames.udp(1, 2, Frames.NONE))),    // no printer in tcpdump
            SampleFrames.pktap(107, 1, 1, new byte[60]),
            java.util.Arrays.copyOf(SampleFrames.pktap(300, 1, 1, Frames.NONE), 200)}) {                 // pkt_len too big
            assertTrue(Dissector.dissect(Frames.packet(LinkType.PKTAP, other), l));
            assertEquals(-1, l.networkOffset);
            assertEquals(-1, l.ethOffset);
        }
        for (int cap = 1; cap < 108; cap++) {
            assertFalse(Dissector.dissect(Frames.packet(LinkType.PKTAP, udp, cap), l));
            assertEquals(Malformed.TRUNCATED_LINK_HEADER, l.malformed);
        }
        assertTrue(Dissector.dissect(Frames.packet(LinkType.PKTAP, udp, 108 + 14 + 28), l));   // a snapshot length's cut
        assertEquals(53, l.srcPort);
    }

    @Test
    void encSkipsItsHeaderToTheIpPacket() {
        byte[] v4 = Frames.ipv4(17, Frames.udp(53, 41000, new byte[12]));
        byte[] v6 = Frames.ipv6(17, Frames.udp(53, 41000, new byte[12]));
        byte[][] packets = {concat(hex("02000000 00001000 000c0000"), v4), concat(hex("00000002 00001000 00000c00"), v4),
            concat(hex("1c000000 00001000 00000000"), v6), concat(hex("00000018 00001000 00000000"), v6),
            concat(hex("1e000000 00001000 00000000"), v6)};
        for (byte[] packet : packets) {
            assertTrue(Dissector.dissect(Frames.packet(LinkType.ENC, packet), l));
            assertEquals(12, l.networkOffset);
            assertEquals(41000, l.dstPort);
        }
        assertTrue(Dissector.dissect(Frames.packet(LinkType.ENC, concat(hex("07000000 00001000 00000000"), v4)), l));
        assertEquals(-1, l.networkOffset);   // another family
        for (int cap = 1; cap < 12; cap++) {
            assertFalse(Dissector.dissect(Frames.packet(LinkType.ENC, packets[0], cap), l));
            assertEquals(Malformed.TRUNCATED_LINK_HEADER, l.malformed);
        }
    }

    @Test
    void nullInEitherByteOrderAndLoop() {
        dissect(NULL_LE_IPV4);
        assertEquals(2, l.addressFamily);
        assertEquals(4, l.networkOffset);
        assertEquals(NetworkKind.IPV4, l.networkKind);
        dissect(NULL_BE_IPV6);
        assertEquals(24, l.addressFamily);
        assertEquals(NetworkKind.IPV6, l.networkKind);
        dissect(NULL_LE_IPV6_28);
        assertEquals(28, l.addressFamily);
        assertEquals(1025, l.dstPort);
        dissect(NULL_LE_IPV6_30);
        assertEquals(30, l.addressFamily);
        assertEquals(NetworkKind.IPV6, l.networkKind);
        dissect(LOOP_IPV4);
        assertEquals(2, l.addressFamily);
        assertEquals(4, l.payloadLength);
    }

    @Test
    void loopIsAlwaysNetworkOrder() {
        byte[] b = NULL_LE_IPV4.bytes();   // 02 00 00 00: IPv4 for NULL, family 0x02000000 for LOOP
        assertTrue(Dissector.dissect(Frames.packet(LinkType.LOOP, b), l));
        assertEquals(NetworkKind.NONE, l.networkKind);
    }

    @Test
    void ipv4AndIpv6LinkTypes() {
        dissect(IPV4_LINK);
        assertEquals(0, l.networkOffset);
        assertEquals(162, l.dstPort);
        dissect(IPV6_LINK);
        assertEquals(19, l.payloadLength);
        assertFalse(Dissector.dissect(Frames.packet(LinkType.IPV4, IPV6_LINK.bytes()), l));
        assertEquals(Malformed.BAD_IP_VERSION, l.malformed);
    }

    @Test
    void erfEthernetWithExtensionHeaders() {
        dissect(ERF_ETH);
        assertEquals(2, l.erfType);
        assertEquals(16 + 16 + 2, l.ethOffset);
        assertEquals(34 + 14, l.networkOffset);
        assertEquals(2152, l.srcPort);
        assertEquals(12, l.payloadLength);
    }

    @Test
    void erfInfiniband() {
        dissect(ERF_IB);
        assertEquals(21, l.erfType);
        assertEquals(16, l.ibLrhOffset);
        assertEquals(24, l.ibGrhOffset);
        assertEquals(64, l.ibBthOffset);
        assertEquals(0, l.roceVersion);
    }

    @Test
    void erfUnsupportedTypeIsNotMalformed() {
        dissect(ERF_UNSUPPORTED);
        assertEquals(1, l.erfType);
        assertTrue(l.linkUnsupported);
        assertEquals(NetworkKind.NONE, l.networkKind);
    }

    @Test
    void erfTruncatedExtensionChain() {
        byte[] b = ERF_ETH.bytes().clone();
        b[24] = (byte) 0x84;   // second extension header also says "more": the third starts at 32, the pad
        assertFalse(Dissector.dissect(Frames.packet(LinkType.ERF, b, 36), l));
        assertEquals(Malformed.TRUNCATED_ERF_EXTENSION_HEADER, l.malformed);
        assertEquals(32, l.malformedOffset);
    }

    @Test
    void nativeInfiniband() {
        dissect(IB_LOCAL);
        assertEquals(0, l.ibLrhOffset);
        assertEquals(-1, l.ibGrhOffset);
        assertEquals(8, l.ibBthOffset);
        dissect(IB_GLOBAL_LINK);
        assertEquals(8, l.ibGrhOffset);
        assertEquals(48, l.ibBthOffset);
    }

    @Test
    void unknownLinkType() {
        assertTrue(Dissector.dissect(Frames.packet(147, new byte[10]), l));
        assertTrue(l.linkUnsupported);
    }
}
