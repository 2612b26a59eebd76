package dev.fabricscope.dissect;

import static dev.fabricscope.dissect.Frames.*;
import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Headers a tap or a link adds between the MAC addresses and the carried packet, walked as tcpdump's
 * ether_common_print walks them: Arista's timestamp header (ethertype 0xd28b, subtype 1, 64- or 48-bit format; also
 * after VLAN tags), an integrity-only MACsec SecTAG (0x88e5, E = C = 0; its 16-byte ICV ends the frame), and the
 * 0x9200 VLAN tag. Frames built from the layouts (print-arista.c, IEEE 802.1AE 9.3).
 */
class DissectorTapHeadersTest {
    private final Layers l = new Layers();

    private static final byte[] TCP_SEGMENT = tcp(40000, 445, 1, 2, 0x018, NONE, ascii("hello"));
    private static final byte[] IPV4_TCP = ipv4(6, TCP_SEGMENT);
    private static final byte[] IPV6_UDP = ipv6(17, udp(1000, 2000, zeros(4)));

    /** Arista's header after its type field: subtype 1, timescale TAI, format (1: 64-bit, 2: 48-bit), then the time. */
    static byte[] arista(int format, int nextType) {
        byte[] time = format == 2 ? hex("0001 5f5e 0fff") : hex("5e0b e100 075b cd15");
        return concat(u16(1), new byte[] {0, (byte) (format << 4)}, time, u16(nextType));
    }

    /** A SecTAG after its type field: TCI/AN, short length, packet number, SCI when the TCI's SC bit says so. */
    static byte[] sectag(int tci, int shortLength) {
        byte[] tag = concat(new byte[] {(byte) tci, (byte) shortLength}, u32(7));
        return (tci & 0x20) != 0 ? concat(tag, hex("0011 2233 4455 0001")) : tag;
    }

    private static final byte[] ICV = hex("a1a2a3a4 a5a6a7a8 a9aaabac adaeafb0");

    private boolean dissect(byte[] frame) {
        return Dissector.dissect(packet(LinkType.EN10MB, frame), l);
    }

    private void assertIpv4Tcp(int ipOffset) {
        assertEquals(0x0800, l.etherType);
        assertEquals(ipOffset - 2, l.etherTypeOffset);
        assertEquals(ipOffset, l.etherPayloadOffset);
        assertEquals(NetworkKind.IPV4, l.networkKind);
        assertEquals(ipOffset, l.networkOffset);
        assertEquals(TransportKind.TCP, l.transportKind);
        assertEquals(445, l.dstPort);
        assertEquals(5, l.payloadLength);
        assertEquals(ipOffset + IPV4_TCP.length, l.networkEnd);
    }

    @Test
    void aristaTimestampHeadersAreWalked() {
        for (int format : new int[] {1, 2}) {
            int length = format == 1 ? 14 : 12;
            assertTrue(dissect(eth(0xd28b, concat(arista(format, 0x0800), IPV4_TCP))), () -> "" + l.malformed);
            assertEquals(12, l.aristaOffset);
            assertEquals(1, l.aristaCount);
            assertEquals(-1, l.macsecOffset);
            assertIpv4Tcp(14 + length);
        }
    }

    @Test
    void aristaAfterVlanTagThenVlanThenIpv6() {
        byte[] frame = eth(new int[][] {tag(0x8100, 3, 0, 10)}, 0xd28b,
            concat(arista(1, 0x8100), u16(20), u16(0x86dd), IPV6_UDP));
        assertTrue(dissect(frame), () -> "" + l.malformed);
        assertEquals(16, l.aristaOffset);
        assertEquals(2, l.vlanCount);
        assertEquals(12, l.vlanOffset[0]);
        assertEquals(10, l.vlanVid[0]);
        assertEquals(30, l.vlanOffset[1]);
        assertEquals(20, l.vlanVid[1]);
        assertEquals(0x86dd, l.etherType);
        assertEquals(34, l.etherTypeOffset);
        assertEquals(NetworkKind.IPV6, l.networkKind);
        assertEquals(36, l.networkOffset);
        assertEquals(2000, l.dstPort);
    }

    @Test
    void twoAristaHeaders() {
        assertTrue(dissect(eth(0xd28b, concat(arista(2, 0xd28b), arista(1, 0x0800), IPV4_TCP))));
        assertEquals(12, l.aristaOffset);
        assertEquals(2, l.aristaCount);
        assertIpv4Tcp(14 + 12 + 14);
    }

    @Test
    void unknownSubtypeOrFormatStaysTheFinalType() {
        byte[][] payloads = {
            concat(u16(2), hex("0010"), zeros(8), u16(0x0800), IPV4_TCP),    // subtype 2
            concat(u16(1), hex("0030"), zeros(8), u16(0x0800), IPV4_TCP),    // format 3
            concat(u16(1), hex("0000"), zeros(8), u16(0x0800), IPV4_TCP),    // format 0
        };
        for (byte[] payload : payloads) {
            assertTrue(dissect(eth(0xd28b, payload)));
            assertEquals(0xd28b, l.etherType);
            assertEquals(12, l.etherTypeOffset);
            assertEquals(14, l.etherPayloadOffset);
            assertEquals(-1, l.aristaOffset);
            assertEquals(NetworkKind.NONE, l.networkKind);
        }
        // and a known timestamp header followed by an unknown one: the second type is the final one
        assertTrue(dissect(eth(0xd28b, concat(arista(1, 0xd28b), u16(9), zeros(10)))));
        assertEquals(0xd28b, l.etherType);
        assertEquals(26, l.etherTypeOffset);
        assertEquals(1, l.aristaCount);
    }

    @Test
    void aristaCutAtEveryByte() {
        byte[] frame = eth(new int[][] {tag(0x8100, 0, 0, 5)}, 0xd28b, concat(arista(1, 0x0800), IPV4_TCP));
        int typeEnd = 18 + 14;   // the inner type field's end
        for (int cap = 18; cap < frame.length; cap++) {
            Packet p = packet(LinkType.EN10MB, frame, cap);
            boolean ok = Dissector.dissect(p, l);
            assertEquals(cap >= typeEnd + 40, ok, "cap " + cap);   // whole once the TCP header is
            if (cap < typeEnd) {
                assertEquals(Malformed.TRUNCATED_ARISTA_HEADER, l.malformed, "cap " + cap);
                assertEquals(0xd28b, l.etherType);
                assertEquals(16, l.etherTypeOffset);
                assertEquals(-1, l.aristaOffset);
                assertEquals(NetworkKind.NONE, l.networkKind);
            } else {
                assertEquals(16, l.aristaOffset, "cap " + cap);
                assertEquals(0x0800, l.etherType);
                assertTrue(ok || l.malformedOffset >= typeEnd, "cap " + cap + ": " + l.malformed);
            }
        }
        // a subtype already known to be unknown is not a truncation
        assertTrue(Dissector.dissect(packet(LinkType.EN10MB, eth(0xd28b, concat(u16(2), zeros(12))), 16), l));
        assertEquals(0xd28b, l.etherType);
    }

    @Test
    void macsecIntegrityOnlyWithAndWithoutSci() {
        for (int tci : new int[] {0x00, 0x20, 0x60}) {
            int sectag = (tci & 0x20) != 0 ? 14 : 6;
            byte[] frame = eth(0x88e5, concat(sectag(tci, 0), u16(0x0800), IPV4_TCP, ICV));
            assertTrue(dissect(frame), () -> "" + l.malformed);
            assertEquals(12, l.macsecOffset);
            assertEquals(1, l.macsecCount);
            assertEquals(frame.length - 16, l.macsecDataEnd);
            assertIpv4Tcp(14 + sectag + 2);
        }
    }

    @Test
    void macsecCarryingVlanThenIpv4() {
        byte[] frame = eth(0x88e5, concat(sectag(0x20, 0), u16(0x8100), u16(30), u16(0x0800), IPV4_TCP, ICV));
        assertTrue(dissect(frame), () -> "" + l.malformed);
        assertEquals(12, l.macsecOffset);
        assertEquals(1, l.vlanCount);
        assertEquals(28, l.vlanOffset[0]);
        assertEquals(30, l.vlanVid[0]);
        assertIpv4Tcp(34);
    }

    @Test
    void theIcvIsNeverPayload() {
        // IPv4 total length 0 (TSO) means "to the end": the end of the secure data, not of the frame
        byte[] ip = IPV4_TCP.clone();
        ip[2] = 0;
        ip[3] = 0;
        byte[] frame = eth(0x88e5, concat(sectag(0x00, 0), u16(0x0800), ip, ICV));
        assertTrue(dissect(frame), () -> "" + l.malformed);
        assertEquals(frame.length - 16, l.networkEnd);
        assertEquals(5, l.payloadLength);
        // a capture that ends inside the ICV: the captured part of it is not payload either
        assertTrue(Dissector.dissect(packet(LinkType.EN10MB, frame, frame.length - 5), l));
        assertEquals(frame.length - 16, l.networkEnd);
        assertEquals(5, l.payloadLength);
        // one that ends before it: the payload is what was captured
        assertTrue(Dissector.dissect(packet(LinkType.EN10MB, frame, frame.length - 18), l));
        assertEquals(3, l.payloadLength);
        // the short length bounds the secure data (the rest before the ICV is padding)
        byte[] shortFrame = eth(0x88e5, concat(sectag(0x00, 2 + IPV4_TCP.length), u16(0x0800), ip, zeros(6), ICV));
        assertTrue(dissect(shortFrame), () -> "" + l.malformed);
        assertEquals(14 + 6 + 2 + IPV4_TCP.length, l.macsecDataEnd);
        assertEquals(l.macsecDataEnd, l.networkEnd);
        assertEquals(5, l.payloadLength);
    }

    @Test
    void encryptedOrInvalidMacsecIsNotDecoded() {
        int[][] cases = {{0x0c, 0}, {0x08, 0}, {0x04, 0}, {0x2c, 0}, {0x80, 0}, {0x00, 0x40}};
        for (int[] c : cases) {
            byte[] frame = eth(0x88e5, concat(sectag(c[0], c[1]), u16(0x0800), IPV4_TCP, ICV));
            assertTrue(dissect(frame), () -> Arrays.toString(c) + " " + l.malformed);
            assertEquals(0x88e5, l.etherType);
            assertEquals(12, l.etherTypeOffset);
            assertEquals(14, l.etherPayloadOffset);
            assertEquals(-1, l.macsecOffset);
            assertEquals(NetworkKind.NONE, l.networkKind);
        }
    }

    @Test
    void macsecTooShortOrCut() {
        byte[] frame = eth(0x88e5, concat(sectag(0x20, 0), u16(0x0800), IPV4_TCP, ICV));
        for (int cap = 14; cap < 14 + 14 + 2; cap++) {
            assertFalse(Dissector.dissect(packet(LinkType.EN10MB, frame, cap), l));
            assertEquals(Malformed.TRUNCATED_MACSEC_SECTAG, l.malformed, "cap " + cap);
            assertEquals(0x88e5, l.etherType);
            assertEquals(-1, l.macsecOffset);
        }
        for (int cap = 30; cap <= frame.length; cap++) {
            boolean ok = Dissector.dissect(packet(LinkType.EN10MB, frame, cap), l);
            assertEquals(12, l.macsecOffset, "cap " + cap);
            assertEquals(ok, cap >= frame.length - 16 - 5, "cap " + cap + " " + l.malformed);
        }
        // no room for the ICV on the wire; a short length beyond it
        assertFalse(dissect(eth(0x88e5, concat(sectag(0x00, 0), u16(0x0800), zeros(13)))));
        assertEquals(Malformed.MACSEC_SHORTER_THAN_ICV, l.malformed);
        assertFalse(dissect(eth(0x88e5, concat(sectag(0x00, 63), u16(0x0800), IPV4_TCP, ICV))));
        assertEquals(Malformed.BAD_MACSEC_SHORT_LENGTH, l.malformed);
    }

    @Test
    void macsecThenAristaThenMacsecAgain() {
        byte[] inner = concat(sectag(0x00, 0), u16(0x0800), IPV4_TCP, ICV);
        byte[] frame = eth(0x88e5, concat(sectag(0x00, 0), u16(0xd28b), arista(1, 0x88e5), inner, ICV));
        assertTrue(dissect(frame), () -> "" + l.malformed);
        assertEquals(12, l.macsecOffset);
        assertEquals(2, l.macsecCount);
        assertEquals(20, l.aristaOffset);
        assertEquals(frame.length - 32, l.macsecDataEnd);
        assertIpv4Tcp(14 + 6 + 2 + 12 + 2 + 6 + 2);
    }

    @Test
    void macsecAfterVlanTagIsAFinalType() {
        byte[] frame = eth(new int[][] {tag(0x8100, 0, 0, 1)}, 0x88e5, concat(sectag(0, 0), u16(0x0800), IPV4_TCP,
            ICV));
        assertTrue(dissect(frame));
        assertEquals(0x88e5, l.etherType);
        assertEquals(-1, l.macsecOffset);
    }

    @Test
    void tpid9200IsAVlanTag() {
        byte[] frame = eth(new int[][] {tag(0x9200, 5, 1, 300), tag(0x8100, 0, 0, 4)}, 0x0800, IPV4_TCP);
        assertTrue(dissect(frame));
        assertEquals(2, l.vlanCount);
        assertEquals(0x9200, l.vlanTpid[0]);
        assertEquals(300, l.vlanVid[0]);
        assertEquals(5, l.vlanPcp[0]);
        assertEquals(1, l.vlanDei[0]);
        assertIpv4Tcp(22);
    }

    @Test
    void stackedHeadersStayBounded() {
        // thousands of Arista headers: walked in a loop; VLAN tags between them count against the one limit
        byte[] one = arista(2, 0xd28b);
        byte[] many = new byte[one.length * 5000];
        for (int i = 0; i < 5000; i++) System.arraycopy(one, 0, many, i * one.length, one.length);
        assertTrue(dissect(eth(0xd28b, concat(many, arista(1, 0x0800), IPV4_TCP))), () -> "" + l.malformed);
        assertEquals(5001, l.aristaCount);
        assertEquals(0x0800, l.etherType);
        byte[] vlanArista = concat(u16(1), u16(0x8100), u16(2), u16(0xd28b), arista(2, 0x8100));
        byte[] nine = concat(vlanArista, vlanArista, vlanArista, vlanArista, vlanArista, vlanArista, vlanArista,
            vlanArista, vlanArista, u16(1), u16(0x0800), IPV4_TCP);
        assertFalse(dissect(eth(0x8100, nine)));
        assertEquals(Malformed.TOO_MANY_VLAN_TAGS, l.malformed);
        assertEquals(Layers.MAX_VLAN_TAGS, l.vlanCount);
    }
}
