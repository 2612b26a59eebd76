package dev.fabricscope.smc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input becomes a {@link ClcParseResult.Failed} with a reason, never an exception. Bytes built by hand. */
class ClcParserMalformedTest {
    // smc-go clc_decline_test.go vector (28-byte v1 Decline)
    private static final String DECLINE = "e2d4c3d904001c1025252525252525000303000000000000e2d4c3d9";
    // smc-go clc_proposal_test.go SMCRIPv6 vector (69 bytes, one IPv6 prefix)
    private static final String PROPOSAL_IPV6 = "e2d4c3d901004510394498039babcdef"
        + "fe800000000000009a039bfffeabcdef98039babcdef00000000000000000001"
        + "0000000000000000000000000000000180e2d4c3d9";

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static ClcParseResult.Failed failed(byte[] bytes) {
        return assertInstanceOf(ClcParseResult.Failed.class, ClcParser.parse(bytes, 0, bytes.length));
    }

    @Test
    void lengthBelowHeaderAndTrailer() {
        // synthetic-edge 20009: Length 4
        ClcParseResult.Failed f = failed(hex("e2d4c3d9010004100000000000000000"));
        assertTrue(f.reason().contains("length 4"), f.reason());
        assertEquals(4, f.length());
    }

    @Test
    void lengthBeyondBytes() {
        byte[] b = hex(DECLINE);
        ClcParseResult.Failed f = assertInstanceOf(ClcParseResult.Failed.class, ClcParser.parse(b, 0, 20));
        assertTrue(f.reason().contains("exceeds the 20 bytes"), f.reason());
    }

    @Test
    void lengthBeyond1024() {
        byte[] b = new byte[2000];
        System.arraycopy(hex("e2d4c3d90107d010"), 0, b, 0, 8);
        assertTrue(failed(b).reason().contains("exceeds 1024"));
    }

    @Test
    void fewerBytesThanAHeader() {
        assertTrue(failed(hex("e2d4c3d904")).reason().contains("shorter than the 8-byte header"));
        assertTrue(failed(new byte[0]).reason().contains("shorter"));
    }

    @Test
    void badEyecatcherAndUnknownType() {
        byte[] b = hex(DECLINE);
        b[3] = 0;
        assertTrue(failed(b).reason().contains("no eyecatcher"));
        b = hex(DECLINE);
        b[4] = 9;
        assertTrue(failed(b).reason().contains("unknown message type 9"));
    }

    @Test
    void acceptWithPathNeitherRNorD() {
        // smc-go vector SMCRAccept with path bits set to 3 (B)
        byte[] b = hex("e2d4c3d90200441bb1a098039babcdeffe800000000000009a039bfffeabcdef"
            + "98039babcdef0000e40000157d0100000005230000000000f0a600000072f5fee2d4c3d9");
        assertTrue(failed(b).reason().contains("neither SMC-R nor SMC-D"));
    }

    @Test
    void messagesShorterThanTheirLayout() {
        byte[] decline = hex(DECLINE);
        decline[6] = 24; // Length 24 < 28
        assertTrue(failed(decline).reason().contains("shorter than 28"));
    }

    @Test
    void ipv6PrefixCountBeyondTheMessage() {
        byte[] b = hex(PROPOSAL_IPV6);
        b[47] = 9; // nine prefixes announced, one present
        ClcParseResult.Failed f = failed(b);
        assertTrue(f.reason().startsWith("CLC Proposal: IPv6 prefix 1 of 9"), f.reason());
    }

    @Test
    void ipAreaOffsetBeyondTheMessage() {
        byte[] b = hex(PROPOSAL_IPV6);
        b[38] = 0x01; // IP area offset 256
        assertTrue(failed(b).reason().contains("IP area offset"));
    }

    @Test
    void garbageAfterTheEyecatcher() {
        // eyecatcher, then bytes that announce a v2 Proposal with EIDs and GIDs the message cannot hold
        byte[] b = new byte[100];
        System.arraycopy(hex("e2d4c3d901006427"), 0, b, 0, 8);
        for (int i = 8; i < 96; i++) b[i] = (byte) 0xff;
        b[38] = 0;
        b[39] = 40;
        System.arraycopy(hex("e2d4c3d9"), 0, b, 96, 4);
        ClcParseResult r = ClcParser.parse(b, 0, b.length);
        assertInstanceOf(ClcParseResult.Failed.class, r);
    }

    @Test
    void zeroedTrailerStillDecodes() {
        // synthetic-edge 20008: smc-clc prints "Trailer: Unknown"
        byte[] b = hex(DECLINE);
        b[24] = b[25] = b[26] = b[27] = 0;
        ClcDecline d = assertInstanceOf(ClcDecline.class,
            assertInstanceOf(ClcParseResult.Parsed.class, ClcParser.parse(b, 0, b.length)).message());
        assertTrue(SmcClcFormatter.describe(d, false).endsWith(", Trailer: Unknown"));
    }

    @Test
    void badRangesAndOffsets() {
        byte[] b = hex(DECLINE);
        assertInstanceOf(ClcParseResult.Failed.class, ClcParser.parse(b, 20, 20));
        assertInstanceOf(ClcParseResult.Failed.class, ClcParser.parse(b, -1, 5));
        assertInstanceOf(ClcParseResult.Failed.class, ClcParser.parse(null, 0, 0));
        byte[] padded = new byte[b.length + 10];
        System.arraycopy(b, 0, padded, 7, b.length);
        ClcParseResult r = ClcParser.parse(padded, 7, b.length + 3);
        ClcDecline d = assertInstanceOf(ClcDecline.class, assertInstanceOf(ClcParseResult.Parsed.class, r).message());
        assertEquals(0x03030000L, d.peerDiagnosis());
        assertEquals(28, d.raw().length);
    }

    @Test
    void smcrV2ConfirmWithV2xExtensionAndGidList() {
        // Hand-built from net/smc/smc_clc.h: SMC-Rv2 Confirm, first contact: v1 body of the smc-go SMCRConfirm
        // vector, EID, 8 reserved, FCE v2x (v2_direct, OS 2 release 1, host "h1", max conns 255, max links 2,
        // feature mask 3, vendor options 0), GID list with one GID (::ffff:10.0.0.5, an IPv4-mapped RoCEv2 GID).
        String body = "b1a098039babcdeffe800000000000009a039bfffeabcdef98039babcdef0000e50000187f0100000006230000000000"
            + "f0a40000000d89a4";
        String eid = "4549443100000000000000000000000000000000000000000000000000000000" + "0000000000000000";
        String fce = "80210000" + "6831" + "00".repeat(30) + "ff020003" + "00000000" + "00".repeat(8);
        String gle = "01000000" + "00000000000000000000ffff0a000005";
        String msg = body + eid + fce + gle;
        int length = 8 + msg.length() / 2 + 4;
        byte[] b = hex("e2d4c3d903" + String.format("%04x", length) + "28" + msg + "e2d4c3d9");
        ClcAcceptConfirmSmcr m = assertInstanceOf(ClcAcceptConfirmSmcr.class,
            assertInstanceOf(ClcParseResult.Parsed.class, ClcParser.parse(b, 0, b.length)).message());
        assertEquals(108 + 52 + 20, length);
        FirstContactExt x = m.v2().fce();
        assertEquals(255, x.v2x().maxConns());
        assertEquals(2, x.v2x().maxLinks());
        assertEquals(3, x.v2x().featureMask());
        assertEquals(1, m.v2().gidList().count());
        assertTrue(SmcClcFormatter.describe(m, false).endsWith("Packet Sequence Number: 887204, EID: EID1, "
            + "V2 Direct: 1, OS Type: 2 (Linux), Release: 1, Hostname: h1, Max Connections: 255, Max Links: 2, "
            + "Feature Mask: 0x3, Vendor Options: 0x0, GID Count: 1, GID List: [GID 0: 10.0.0.5], Trailer: SMC-R"),
            SmcClcFormatter.describe(m, false));
    }

    @Test
    void smcrV2ConfirmWithBaseExtensionAndGidList() {
        String body = "b1a098039babcdeffe800000000000009a039bfffeabcdef98039babcdef0000e50000187f0100000006230000000000"
            + "f0a40000000d89a4";
        String msg = body + "00".repeat(40) + "80200000" + "00".repeat(32) + "02000000"
            + "fe800000000000000000000000000001" + "20010db8000000000000000000000000";
        int length = 8 + msg.length() / 2 + 4;
        byte[] b = hex("e2d4c3d903" + String.format("%04x", length) + "28" + msg + "e2d4c3d9");
        ClcAcceptConfirmSmcr m = assertInstanceOf(ClcAcceptConfirmSmcr.class,
            assertInstanceOf(ClcParseResult.Parsed.class, ClcParser.parse(b, 0, b.length)).message());
        assertNull(m.v2().fce().v2x());
        assertEquals(List.of("fe80::1", "2001:db8::"),
            m.v2().gidList().gids().stream().map(GoText::ip).toList());
    }

    @Test
    void newerKernelDeclineCodesHaveNames() {
        // net/smc/smc_clc.h SMC_CLC_DECL_* comments
        assertEquals("peer sent no UEID", ClcNames.declineReason(0x03030008));
        assertEquals("release version negotiate failed", ClcNames.declineReason(0x03030009));
        assertEquals("max connections negotiate failed", ClcNames.declineReason(0x0303000a));
        assertEquals("max links negotiate failed", ClcNames.declineReason(0x0303000b));
        assertEquals("SMC-Rv2 conn. no route to peer", ClcNames.declineReason(0x030e0000));
        assertEquals("SMC-Rv2 conn. indirect mismatch", ClcNames.declineReason(0x030f0000));
        assertEquals("Unknown", ClcNames.declineReason(0x12345678));
    }
}
