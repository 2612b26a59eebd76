package dev.fabricscope.lacp;

import static dev.fabricscope.lacp.LacpFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parser on frames built in the test from the IEEE 802.1AX layouts (see {@link LacpFrames}): the
 * expected values are the ones written into the bytes, at the offsets the standard gives.
 */
class SlowProtocolsParserTest {

    @Test
    void lacpduV1Fields() {
        var r = parseFrame(ethernet(SRC_A, standardLacpdu(0x85, 0x36)));
        assertNull(r.error());
        var pdu = assertInstanceOf(LacpPdu.class, r.pdu());
        assertEquals(1, pdu.version());
        assertEquals(new LacpPortInfo(32768, 0x0013c4120f00L, 13, 32768, 22, 0x85), pdu.actor());
        assertEquals(new LacpPortInfo(32768, 0x000e8316f500L, 13, 32768, 25, 0x36), pdu.partner());
        assertEquals(32768, pdu.collectorMaxDelay());
        assertEquals(List.of(), pdu.extraTlvs());
        assertEquals(1, pdu.subtype());
        assertTrue(r.ok());
    }

    @Test
    void stateBitsAreTheIeeeBits() {
        LacpPortInfo each;
        each = new LacpPortInfo(0, 0, 0, 0, 0, 0x01);
        assertTrue(each.activity() && !each.timeout() && !each.expired());
        each = new LacpPortInfo(0, 0, 0, 0, 0, 0x02);
        assertTrue(each.timeout() && !each.activity());
        assertTrue(new LacpPortInfo(0, 0, 0, 0, 0, 0x04).aggregation());
        assertTrue(new LacpPortInfo(0, 0, 0, 0, 0, 0x08).synchronization());
        assertTrue(new LacpPortInfo(0, 0, 0, 0, 0, 0x10).collecting());
        assertTrue(new LacpPortInfo(0, 0, 0, 0, 0, 0x20).distributing());
        assertTrue(new LacpPortInfo(0, 0, 0, 0, 0, 0x40).defaulted());
        assertTrue(new LacpPortInfo(0, 0, 0, 0, 0, 0x80).expired());
        LacpPortInfo none = new LacpPortInfo(0, 0, 0, 0, 0, 0x7f);
        assertFalse(none.expired());
        assertEquals("00:13:c4:12:0f:00", LacpPortInfo.formatMac(0x0013c4120f00L));
        assertEquals("ff:ff:ff:ff:ff:ff", LacpPortInfo.formatMac(0xffffffffffffL));
        assertEquals("00:00:00:00:00:01", new LacpPortInfo(0, 1, 0, 0, 0, 0).systemMac());
    }

    @Test
    void actorTlvOfWrongLengthIsNamedWithItsOffset() {
        byte[] pdu = standardLacpdu(0x85, 0x36);
        pdu[3] = 18;  // Actor TLV length octet; the TLV walk then follows the 18
        var r = parseFrame(ethernet(SRC_A, pdu));
        assertNull(r.pdu());
        assertEquals("Actor TLV length 18, expected 20 (offset 16)", r.error());
        assertEquals(16, r.errorOffset());
    }

    @Test
    void collectorOfWrongLengthKeepsThePduAndSaysWhy() {
        byte[] pdu = standardLacpdu(0x85, 0x36);
        pdu[43] = 14;  // Collector TLV length
        var r = parseFrame(ethernet(SRC_A, pdu));
        assertInstanceOf(LacpPdu.class, r.pdu());
        assertEquals(-1, ((LacpPdu) r.pdu()).collectorMaxDelay());
        assertEquals("Collector TLV length 14, expected 16 (offset 56)", r.error());
        assertFalse(r.ok());
    }

    @Test
    void tlvLengthBelowTwoStopsTheWalk() {
        byte[] pdu = standardLacpdu(0x85, 0x36);
        pdu[23] = 0;  // Partner TLV length 0: would loop forever without the check
        var r = parseFrame(ethernet(SRC_A, pdu));
        assertNull(r.pdu());
        assertEquals("Partner TLV length 0, minimum 2 (offset 37)", r.error());
    }

    @Test
    void missingTerminatorIsReportedWithThePdu() {
        byte[] pdu = Arrays.copyOf(standardLacpdu(0x85, 0x36), 58);  // ends after the Collector TLV
        var r = parseFrame(ethernet(SRC_A, pdu));
        assertInstanceOf(LacpPdu.class, r.pdu());
        assertEquals("LACPDU ends without Terminator TLV (offset 72)", r.error());
    }

    @Test
    void truncatedCaptureSaysTruncated() {
        byte[] frame = ethernet(SRC_A, standardLacpdu(0x85, 0x36));
        var r = parseFrame(Arrays.copyOf(frame, 40), frame.length);
        assertNull(r.pdu());
        assertEquals("Partner TLV truncated: TLV needs 20 bytes at offset 36, 4 captured (offset 36)", r.error());
    }

    @Test
    void everyCutOfALacpduIsHandled() {
        byte[] frame = ethernet(SRC_A, standardLacpdu(0x85, 0x36));
        for (int cut = 0; cut <= frame.length; cut++) {
            var r = parseFrame(Arrays.copyOf(frame, cut), frame.length);
            if (cut < 15) {
                assertNull(r.pdu(), "cut " + cut);
                continue;
            }
            boolean hasBoth = cut >= 14 + 42;
            assertEquals(hasBoth, r.pdu() != null, "cut " + cut + ": " + r.error());
            boolean complete = cut >= 14 + 60;  // Terminator header captured
            assertEquals(complete, r.error() == null, "cut " + cut + ": " + r.error());
        }
    }

    @Test
    void version2TlvsByName() {
        byte[] pdu = lacpdu(2,
                portTlv(1, 100, "02:00:00:00:00:01", 7, 200, 3, 0x3d),
                portTlv(2, 300, "02:00:00:00:00:02", 9, 400, 4, 0x3f),
                collectorTlv(5),
                concat(new byte[] {4, 6}, u32(0x0080c205L)),                      // Port Algorithm (C-VID)
                concat(new byte[] {5, 20}, u16(0x0102), hex("00112233445566778899aabbccddeeff")),
                concat(new byte[] {6, (byte) 131}, new byte[] {(byte) 0x0f}, filled(128, 0xaa)),
                concat(new byte[] {7, (byte) 130}, filled(128, 0x55)),
                concat(new byte[] {10, 18}, filled(16, 0x11)),
                concat(new byte[] {0x20, 4}, hex("beef")),                         // unknown type
                concat(new byte[] {4, 5}, hex("000000")),                          // known type, wrong length
                terminatorTlv());
        var r = parseFrame(ethernet(SRC_A, pdu));
        assertNull(r.error());
        LacpPdu lacp = (LacpPdu) r.pdu();
        assertEquals(2, lacp.version());
        assertEquals(new LacpPortInfo(300, 0x020000000002L, 9, 400, 4, 0x3f), lacp.partner());
        List<LacpTlv> x = lacp.extraTlvs();
        assertEquals(7, x.size());
        assertEquals(new LacpTlv.PortAlgorithm(6, 0x0080c205L), x.get(0));
        assertEquals("Port Algorithm", x.get(0).name());
        assertEquals(new LacpTlv.PortConversationIdDigest(20, 0x0102, "00112233445566778899aabbccddeeff"), x.get(1));
        assertEquals(new LacpTlv.PortConversationMask(131, 1, 0x0f, "aa".repeat(128)), x.get(2));
        assertEquals(6, x.get(2).type());
        assertEquals("Port Conversation Mask-1", x.get(2).name());
        assertEquals(new LacpTlv.PortConversationMask(130, 2, -1, "55".repeat(128)), x.get(3));
        assertEquals(7, x.get(3).type());
        assertEquals(new LacpTlv.PortConversationServiceMappingDigest(18, "11".repeat(16)), x.get(4));
        assertEquals("Port Conversation Service Mapping Digest", x.get(4).name());
        assertEquals(new LacpTlv.Unknown(0x20, 4), x.get(5));
        assertEquals("Unknown", x.get(5).name());
        assertEquals(new LacpTlv.Unknown(4, 5), x.get(6));
    }

    @Test
    void markerInformationAndResponse() {
        var info = parseFrame(ethernet(SRC_A, markerPdu(1, 22, "00:13:c4:12:0f:00", 0x12345678L)));
        assertNull(info.error());
        assertEquals(new MarkerPdu(1, 1, 22, 0x0013c4120f00L, 0x12345678L), info.pdu());
        assertFalse(((MarkerPdu) info.pdu()).isResponse());
        var response = parseFrame(ethernet(SRC_B, markerPdu(2, 22, "00:13:c4:12:0f:00", 0xfedcba98L)));
        assertEquals(new MarkerPdu(1, 2, 22, 0x0013c4120f00L, 0xfedcba98L), response.pdu());
        assertEquals("Response", ((MarkerPdu) response.pdu()).kindName());
        assertEquals(2, response.pdu().subtype());
    }

    @Test
    void markerErrors() {
        byte[] pdu = markerPdu(3, 22, "00:13:c4:12:0f:00", 1);
        assertEquals("Marker TLV type 3, expected 1 (Information) or 2 (Response) (offset 16)",
                parseFrame(ethernet(SRC_A, pdu)).error());
        pdu = markerPdu(1, 22, "00:13:c4:12:0f:00", 1);
        pdu[3] = 14;
        var r = parseFrame(ethernet(SRC_A, pdu));
        assertNull(r.pdu());
        assertEquals("Marker Information TLV length 14, expected 16 (offset 17)", r.error());
        pdu = markerPdu(2, 22, "00:13:c4:12:0f:00", 1);
        pdu[18] = 5;  // where the Terminator belongs
        r = parseFrame(ethernet(SRC_A, pdu));
        assertNotNull(r.pdu());
        assertEquals("Marker PDU: TLV type 5 length 0 where the Terminator TLV belongs (offset 32)", r.error());
    }

    @Test
    void oamOsspAndUnknownHeadlines() {
        // IEEE 802.3 57.4.2: subtype 3, flags 16 bits, code 8 bits (0x0050 = Local Stable + Remote Stable)
        var oam = parseFrame(ethernet(SRC_A, concat(new byte[] {3}, u16(0x0050), new byte[] {0}, zeros(42))));
        assertEquals(new OamPdu(0x0050, 0), oam.pdu());
        assertEquals("Information", ((OamPdu) oam.pdu()).codeName());
        assertEquals(List.of("Local Stable", "Remote Stable"), ((OamPdu) oam.pdu()).flagNames());
        // Annex 57B: subtype 10, OUI; ITU-T G.8264 ESMC: OUI 00-19-a7, ITU-T subtype 0x0001
        byte[] ossp = concat(new byte[] {10}, hex("00 19 a7"), u16(1), zeros(46));
        assertEquals(new OsspPdu(0x0019a7, 1, 52), parseFrame(ethernet(SRC_A, ossp)).pdu());
        assertEquals(new UnknownSlowPdu(7), parseFrame(ethernet(SRC_A, concat(new byte[] {7}, zeros(45)))).pdu());
        assertEquals("OAM PDU too short: flags and code needs 3 bytes at offset 15, 2 left (offset 15)",
                parseFrame(ethernet(SRC_A, new byte[] {3, 0, 0})).error());
    }

    @Test
    void notSlowProtocols() {
        byte[] ip = concat(SLOW_DST, SRC_A, u16(0x0800), zeros(40));
        Packet p = packet(ip);
        Layers l = new Layers();
        Dissector.dissect(p, l);
        var r = SlowProtocolsParser.parse(p, l);
        assertSame(SlowProtocolsParseResult.NOT_SLOW, r);
        assertNull(r.pdu());
        assertNull(r.error());
    }

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
