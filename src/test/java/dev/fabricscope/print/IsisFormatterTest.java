package dev.fabricscope.print;

import static dev.fabricscope.print.IsisFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IS-IS, ES-IS and CLNP over LLC (SAP 0xfe) against tcpdump 4.99 itself: hand-built PDUs ({@link IsisFrames}) as a
 * data-center fabric sends them, every TLV tcpdump decodes, broken headers and lengths, in every verbosity, with -e,
 * cut after every byte, and mutated at random; also the other NLPIDs (PPP, IPv4, IPv6, null, unknown) and ISO PDUs
 * in BSD loopback captures (address family 7).
 */
class IsisFormatterTest {
    private static final Set<PacketPrinter.Option> LINK = EnumSet.of(PacketPrinter.Option.LINK_HEADERS);

    @TempDir
    Path dir;

    /** The LSP a leaf switch of an IPv4/IPv6 fabric floods: TE, segment routing and multi-topology. */
    static byte[] leafLsp() {
        return lsp(L2_LSP, 1199, LEAF + "0000", 0x1234, 0x03,
            tlv(1, "03 490001"),
            tlv(129, "cc 8e"),
            tlv(137, ascii("leaf1.pod7")),
            tlv(134, "c0a80011"),
            tlv(132, "c0a80011 0a000001"),
            tlv(232, "20010db8000000000000000000000011"),
            tlv(229, "0000 4002"),
            tlv(242, concat(hex("c0a80011 01"), tlv(2, "c0 003e80 01 03 003e80"))),
            tlv(22, concat(
                isReach(SPINE + "00", 10,
                    tlv(3, "00000003"),
                    tlv(4, "00000011 00000022"),
                    tlv(6, "0a000001"),
                    tlv(8, "0a000002"),
                    tlv(9, bandwidth(1.25e9f)),
                    tlv(10, bandwidth(1.0e9f)),
                    tlv(11, bandwidth(1.25e9f).repeat(4) + bandwidth(0.5e9f).repeat(4)),
                    tlv(18, "000064"),
                    tlv(19, "0003"),
                    tlv(20, "10 07"),
                    tlv(32, "30 00 " + SPINE + " 003e81")),
                isReach("1921680000210a", 20))),
            tlv(135, concat(
                ipReach(10, false, 32, "c0a80011", tlv(3, "40 00 00000011"), tlv(1, "00000064")),
                ipReach(10, false, 24, "0a0001"),
                ipReach(1000, true, 0, ""),
                ipReach(20, false, 20, "0a10f0"))),
            tlv(236, concat(
                ip6Reach(10, 0x00, 128, "20010db8000000000000000000000011"),
                ip6Reach(10, 0xc0, 64, "20010db800000001", tlv(2, "0000000000000064")))),
            tlv(237, concat(hex("0002"), ip6Reach(10, 0x00, 48, "20010db80001"))),
            tlv(222, concat(hex("0002"), isReach(SPINE + "00", 10))),
            tlv(235, concat(hex("0002"), ipReach(5, false, 8, "0a"))),
            tlv(10, concat(hex("36"), hex("00112233445566778899aabbccddeeff"))));
    }

    /** Hellos: LAN (L1 and L2, padded as routers do) and point-to-point with the three-way adjacency TLV. */
    static List<Frame> helloFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(osi(ALL_L2_ISS, lanIih(L2_LAN_IIH, 2, LEAF, 30, 64, SPINE + "01",
            tlv(129, "cc 8e"), tlv(1, "03 490001"), tlv(6, "0c42a1d3e4f5 0c42a1d3e4f6"),
            tlv(132, "0a000001"), tlv(232, "fe800000000000000e42a1fffed3e4f5"), tlv(229, "0000 0002"),
            tlv(211, "00"), tlv(8, zeros(255)), tlv(8, zeros(40)))));
        f.add(osi(ALL_L1_ISS, lanIih(L1_LAN_IIH, 1, SPINE, 9, 0xff, SPINE + "02", tlv(1, "03 490001 05 4900020001"),
            tlv(10, concat(hex("01"), ascii("secret"))), tlv(211, "03 001e"), tlv(211, "02 001e " + LEAF),
            tlv(241, "0000002a"), tlv(7, "0001 0002 0003"))));
        f.add(osi(ALL_ISS, ptpIih(3, LEAF, 30, 1, tlv(129, "cc"), tlv(1, "03 490001"), tlv(132, "0a000101"),
            tlv(240, "00 00000001 " + SPINE + " 00000002"), tlv(240, "02"), tlv(240, "01 00000005"),
            tlv(240, "00 00000001 " + SPINE), tlv(211, "05 0000"))));
        f.add(osi(ALL_ISS, ptpIih(0x44, LEAF, 65535, 0xff, tlv(10, concat(hex("03 0001"), hex("a1b2c3d4"))),
            tlv(10, concat(hex("ff"), ascii("private"))), tlv(10, "07 0102"), tlv(10, ""), tlv(240, ""))));
        return f;
    }

    /** LSPs: the leaf's, purges, flags, and the old-style TLVs of ISO 10589 and RFC 1195. */
    static List<Frame> lspFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(osi(ALL_L2_ISS, leafLsp()));
        f.add(osi(ALL_L1_ISS, lsp(L1_LSP, 0, SPINE + "0001", 0xffffffffL, 0xff, tlv(13, "02 " + LEAF + SPINE),
            tlv(137, ascii("spine\u0000x")))));
        f.add(osi(ALL_L1_ISS, lsp(L1_LSP, 65535, SPINE + "0100", 1, 0x01,
            tlv(2, "00 0a808080 " + LEAF + "00 8a0b0c0d " + SPINE + "01"),
            tlv(3, "00 0a808080 " + LEAF),
            tlv(128, "0a808080 0a000000 ff000000 4a0b0c0d c0a80100 ffffff00 0a808080 0a000000 ff00ff00"),
            tlv(130, "8a808080 00000000 00000000"),
            tlv(4, LEAF + SPINE),
            tlv(5, "0a808080 06 490001 04 4900 01 00"),
            tlv(14, "05dc"),
            tlv(131, "02 fde8"),
            tlv(131, "01 0102"),
            tlv(12, "0000"),
            tlv(12, "1234"),
            tlv(250, "00000c 0102"),
            tlv(138, LEAF + "00 01 0a000001 0a000002 00000001 00000002"),
            tlv(24, concat(hex(SPINE + "00 00"), hex(LEAF + "01 00"))),
            tlv(143, concat(hex("0001"), tlv(6, "00000001 0641 00000002 0642"))),
            tlv(144, concat(hex("8001"), tlv(3, "0c42a1d3e4f5 0064 80000064 40000065"))),
            tlv(66, "0102"), tlv(99, "aabbcc"))));
        f.add(osi(ALL_L1_ISS, lsp(L1_LSP, 300, SPINE + "0000", 7, 0x7a, tlv(1, "00"), tlv(128, "0a8080"))));
        return f;
    }

    static List<Frame> snpFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(osi(ALL_L2_ISS, csnp(L2_CSNP, SPINE + "00", "0000000000000000", "ffffffffffffffff",
            tlv(9, lspEntry(1199, LEAF + "0000", 0x1234, 0xabcd) + lspEntry(3, SPINE + "0001", 0x10, 0x0102)))));
        f.add(osi(ALL_L1_ISS, csnp(L1_CSNP, SPINE + "00", LEAF + "0000", LEAF + "ff00")));
        f.add(osi(ALL_L2_ISS, psnp(L2_PSNP, LEAF + "00", tlv(9, lspEntry(0, SPINE + "0000", 2, 0)))));
        f.add(osi(ALL_L1_ISS, psnp(L1_PSNP, LEAF + "00", tlv(9, "0102 03"))));
        return f;
    }

    /** Headers tcpdump refuses or flags: versions, ID length, fixed lengths, areas, PDU types, PDU lengths. */
    static List<Frame> brokenHeaderFrames() {
        List<Frame> f = new ArrayList<>();
        byte[] hello = ptpIih(2, LEAF, 30, 1, tlv(129, "cc"), tlv(1, "03 490001"));
        int[][] changes = {{2, 2}, {3, 4}, {3, 6}, {3, 0xff}, {5, 0}, {1, 200}, {1, 7}, {1, 0}, {7, 0xff}, {7, 3},
            {4, 0x55}, {4, 0x91}, {1, 21}, {1, 27}, {17, 0}, {18, 10}, {18, 30}, {18, 0xff}};
        for (int[] change : changes) {
            byte[] pdu = hello.clone();
            pdu[change[0]] = (byte) change[1];
            f.add(osi(ALL_ISS, pdu));
        }
        for (int type : new int[] {L1_LAN_IIH, L2_LSP, L1_CSNP, L2_PSNP}) {
            byte[] pdu = hello.clone();
            pdu[4] = (byte) type;       // a fixed length that is not this type's
            f.add(osi(ALL_ISS, pdu));
        }
        byte[] lsp = lsp(L1_LSP, 100, LEAF + "0000", 1, 1, tlv(137, ascii("r1")));
        byte[] shortLength = lsp.clone();
        shortLength[9] = 5;             // PDU length smaller than the header: the LSP checksum's range wraps
        f.add(osi(ALL_L1_ISS, shortLength));
        byte[] badChecksum = lsp.clone();
        badChecksum[25] ^= 1;
        f.add(osi(ALL_L1_ISS, badChecksum));
        byte[] noChecksum = lsp.clone();
        noChecksum[24] = 0;
        noChecksum[25] = 0;
        f.add(osi(ALL_L1_ISS, noChecksum));
        f.add(osi(ALL_L1_ISS, hex("83 1b 01 00 12")));                 // shorter than the common header
        f.add(LlcFrames.llc(ALL_L1_ISS, 8, hex("fefe03 83 1b 01 00 12")));
        f.add(osi(ALL_L1_ISS, concat(hello, hex("0102"))));            // bytes after the PDU length
        f.add(osi(ALL_L1_ISS, concat(hello, hex("81 05 0102"))));      // a TLV past the PDU length
        byte[] longer = concat(hello, tlv(137, ascii("x")));
        f.add(osi(ALL_L1_ISS, longer));
        f.add(osi(ALL_L1_ISS, concat(hex("83 1b 01 00 12 01 00 00"), zeros(10))));   // LSP header cut by the length
        return f;
    }

    /**
     * TLVs whose lengths or contents tcpdump checks: every way out of its TLV printers. Each in an LSP of its own
     * (many end the PDU), then all of a group in one LSP.
     */
    static List<Frame> brokenTlvFrames() {
        List<Frame> f = new ArrayList<>();
        for (List<byte[]> group : brokenTlvs()) {
            for (byte[] tlv : group) f.add(osi(ALL_L2_ISS, lsp(L2_LSP, 1, LEAF + "0000", f.size(), 3, tlv)));
            f.add(osi(ALL_L2_ISS, lsp(L2_LSP, 1, LEAF + "0000", f.size(), 3, group.toArray(byte[][]::new))));
        }
        return f;
    }

    static List<List<byte[]>> brokenTlvs() {
        List<List<byte[]>> g = new ArrayList<>();
        g.add(List.of(
            tlv(7, "0001 00"), tlv(6, "0c42a1d3e4"), tlv(232, "20010db8000000000000"), tlv(134, "0a0000"),
            tlv(132, "0a000001 0a00"), tlv(211, "01 00"), tlv(211, ""), tlv(131, "02 01"), tlv(131, "07 0102"),
            tlv(131, ""), tlv(12, "01"), tlv(250, "0000"), tlv(250, "00000c"), tlv(14, "05"), tlv(241, "000001"),
            tlv(137, "6c 65 61 66 01 7f 80 ff e9"), tlv(10, concat(hex("36"), hex("a1b2c3d4"))), tlv(10, "03 00"),
            tlv(10, "03"), tlv(13, "00"), tlv(13, "01 " + LEAF), tlv(13, "02 " + LEAF), tlv(13, "01 1921"),
            tlv(13, ""), tlv(229, "0000 00"), tlv(5, "0a80"), tlv(5, "0a808080 07 490001 0a 4900"),
            tlv(138, LEAF + "00"), tlv(138, LEAF + "00 00 0a00"), tlv(138, LEAF + "00 00 0a000001 0a000002 0001"),
            tlv(138, LEAF), tlv(9, "0102"), tlv(2, ""), tlv(2, "05 0a808080"), tlv(3, "0a8080"), tlv(4, "1921"),
            tlv(143, "00"), tlv(144, "00"), tlv(242, "0a000001"), tlv(8, "00")));
        // extended IS reachability: sub-TLV lengths against the sub-TLV total and the TLV, neighbors cut short
        g.add(List.of(
            tlv(22, concat(isReach(SPINE + "00", 1), hex(SPINE + "00 000001 05 03 04 00000001"))),
            tlv(22, concat(hex(SPINE + "00 000001 08 03"), hex("04 00000001 0000"))),
            tlv(22, concat(hex(SPINE + "00 000001 02 03 04"))),
            tlv(22, concat(hex(SPINE + "00 000001 03 03 00 ff"))),
            tlv(22, concat(hex(SPINE + "00 000001 01"), hex("ff"))),
            tlv(22, concat(hex(SPINE + "00 000001 ff 03 01 00"))),
            tlv(22, concat(hex(SPINE + "00 000001 04 12 05 00"))),
            tlv(22, hex(SPINE + "00 0001")),
            tlv(22, hex(SPINE)),
            tlv(24, hex(SPINE + "00")),
            tlv(222, "00"),
            tlv(222, concat(hex("0fff"), isReach(SPINE + "00", 1)))));
        // the other sub-TLVs of extended IS reachability
        String psc = "01 01 0000 " + bandwidth(1.25e9f).repeat(8) + bandwidth(1.0e6f) + "05dc";
        String tsc = "64 05 0000 " + bandwidth(0.0f).repeat(8) + bandwidth(155.52e6f / 8) + "01 000000";
        g.add(List.of(
            tlv(22, isReach(SPINE + "00", 0xffffff,
                tlv(22, "00 " + bandwidth(1.25e9f) + bandwidth(0.625e9f) + "01"), tlv(12, "01 " + bandwidth(1e3f)),
                tlv(22, ""), tlv(21, psc), tlv(21, tsc), tlv(21, "33 02 0000 " + bandwidth(1e9f).repeat(8) + "0102"),
                tlv(21, "c8 0b 0000" + bandwidth(1e9f).repeat(7)), tlv(21, "64 05 0000 " + bandwidth(1e9f).repeat(8)
                    + "00000000 07"))),
            tlv(22, isReach(SPINE + "00", 1,
                tlv(29, "00000a 02 0001"), tlv(29, "00000a"), tlv(32, "00 05 " + SPINE + " 00000100"),
                tlv(32, "20 05 " + SPINE + " 00000100"), tlv(32, "30 05 1921"), tlv(19, "000000"), tlv(20, "ff"),
                tlv(9, "0102"), tlv(11, "00"), tlv(250, "0102"), tlv(255, ""), tlv(6, "0a00"),
                tlv(3, "000001"), tlv(18, "0001"), tlv(9, "7fc00000"), tlv(10, "ff800000"), tlv(9, "00000001")))));
        // extended IP reachability: bad bit lengths, sub-TLVs of every kind, sums that do not add up
        g.add(List.of(
            tlv(135, concat(ipReach(1, false, 32, "0a000001", tlv(3, "08 01 003e80"), tlv(117, "00000001 00000002"),
                tlv(2, "0000000000000001 0000000000000002"), tlv(99, "0102"), tlv(1, "0001")))),
            tlv(135, hex("00000001 21 0a000000")),
            tlv(236, hex("00000001 00 81")),
            tlv(135, concat(ipReach(1, false, 8, "0a", tlv(3, "08 00 0001")))),
            tlv(135, concat(ipReach(1, false, 8, "0a", tlv(3, "00 00 000001")))),
            tlv(135, concat(hex("00000001 48 0a 05 01 04 00000001"), hex("00"))),
            tlv(135, hex("00000001 08 0a 00000002 10 0a01")),
            tlv(135, hex("00000001 08")),
            tlv(235, "00"),
            tlv(237, concat(hex("0002"), ip6Reach(1, 0x80, 0, ""), ip6Reach(2, 0x40, 1, "80"))),
            tlv(236, concat(ip6Reach(1, 0, 128, "fe800000000000000000000000000001", tlv(1, "00000001")),
                hex("00000001 00 40 20010db8")))));
        // router capability, shortest path bridging, multi-topology capability
        String mcid = "00" + "6d63696400".repeat(6) + "0102" + "0001" + "00112233445566778899aabbccddeeff";
        g.add(List.of(
            tlv(242, concat(hex("c0a80011 03"), tlv(2, "80 000064 01 04 00003e80 02 01 00 01 02 0001"),
                tlv(2, "00 000064 01 03 003e80"), tlv(7, "0102"), tlv(2, "00 00"), tlv(2, "00 000001 01 05 00"))),
            tlv(242, concat(hex("c0a80011 00"), hex("02 09 00"))),
            tlv(143, concat(hex("0001"), tlv(4, mcid + mcid), tlv(5, "5b " + "0102030405060708".repeat(4)),
                tlv(6, "00000001 0641 00"))),
            tlv(143, concat(hex("0001"), tlv(4, "00"), tlv(5, "00"), tlv(6, "0000"), tlv(9, "00"))),
            tlv(143, concat(hex("0001"), hex("06 09 00"))),
            tlv(144, concat(hex("0002"), tlv(1, "8000001122334455 000003e8 8000 00100001 02 c0 00000001 064065"
                + " 20 00000002 0c80c8"), tlv(1, "00"), tlv(3, "00"), tlv(9, "01"))),
            tlv(144, concat(hex("0002"), tlv(1, "8000001122334455 000003e8 8000 00100001 02 c0 00000001 064065"))),
            tlv(144, concat(hex("0002"), hex("01 30 00")))));
        return g;
    }

    static final String NET_A = "490001 0c42a1d3e4f5 00", NET_B = "490001 192168000001 00",
        NSAP_20 = "39840f80 11380000 00000000 0001 0c42a1d3e4f5";

    /** ES-IS: hellos of both kinds, redirects, options, and headers tcpdump refuses. */
    static List<Frame> esisFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(osi(ALL_ESS, esis(4, 30, true, "0a " + NET_B)));
        f.add(osi(ALL_ISS, esis(2, 300, true, "02 0a " + NET_A + " 14 " + NSAP_20)));
        f.add(osi(ALL_ISS, esis(2, 300, false, "01 0a " + NET_A + " c6 02 012c 81 02 cc 8e c3 01 00")));
        f.add(osi(ALL_ISS, esis(4, 30, true, "0a " + NET_B + " 81 03 cc 8e 81 c6 02 0005 e1 01 ff")));
        f.add(osi(ALL_ISS, esis(4, 30, true, "0a " + NET_B + " c6 01 00 c6 02 0005")));
        f.add(osi(ALL_ISS, esis(6, 60, true, "0a " + NET_A + " 06 0c42a1d3e4f6 0a " + NET_B)));
        f.add(osi(ALL_ISS, esis(6, 60, true, "0a " + NET_A + " 00 00")));
        f.add(osi(ALL_ISS, esis(6, 60, true, "14 " + NSAP_20 + " 04 0a000001 00")));
        f.add(osi(ALL_ISS, esis(6, 60, true, "00 02 0102 00")));
        f.add(osi(ALL_ISS, esis(6, 60, true, "0a " + NET_A + " 06 0c42a1d3e4f6")));
        f.add(osi(ALL_ISS, esis(6, 60, true, "0a " + NET_A + " 09 0c42")));
        f.add(osi(ALL_ISS, esis(6, 60, true, "05 4900")));
        f.add(osi(ALL_ISS, esis(2, 60, true, "03 0a " + NET_A)));
        f.add(osi(ALL_ISS, esis(2, 60, true, "01 0b " + NET_A)));
        f.add(osi(ALL_ISS, esis(4, 60, true, "0b " + NET_A)));
        f.add(osi(ALL_ISS, esis(4, 60, true, "0a " + NET_A + " 05")));
        f.add(osi(ALL_ISS, esis(4, 60, true, "0a " + NET_A + " 05 07 00")));
        f.add(osi(ALL_ISS, esis(9, 60, true, "0102 0304")));
        byte[] version = esis(4, 30, true, "0a " + NET_B);
        version[2] = 2;
        f.add(osi(ALL_ISS, version));
        byte[] li = esis(4, 30, true, "0a " + NET_B);
        li[1] = 40;
        f.add(osi(ALL_ISS, li));
        li = li.clone();
        li[1] = 10;
        f.add(osi(ALL_ISS, li));
        f.add(LlcFrames.llc(ALL_ISS, 5, hex("fefe03 82 0b")));
        f.add(LlcFrames.llc(ALL_ISS, 6, hex("fefe03 82 0b 01")));
        f.add(LlcFrames.llc(ALL_ISS, 10, hex("fefe03 82 0b 01 00 04 001e 00")));
        return f;
    }

    /** CLNP: data with every option tcpdump decodes, echoes, error reports carrying the original, broken headers. */
    static List<Frame> clnpFrames() {
        List<Frame> f = new ArrayList<>();
        byte[] data = ascii("payload of a CLNP data PDU");
        f.add(osi(ALL_ISS, clnp(0x9c, 64, NSAP_20, NET_A, "1234 0000 0048", "cd 01 05 c3 01 ff c5 02 40 07 cc 02 0000",
            true, data)));
        f.add(osi(ALL_ISS, clnp(0x3e, 255, NET_B, NET_A, "", "c3 01 41 c3 01 80 c3 01 3f c5 02 00 01", false, data)));
        f.add(osi(ALL_ISS, clnp(0x1f, 3, NET_B, NET_A, "", "", true, data)));
        byte[] original = clnp(0x1c, 20, NET_A, NET_B, "", "cd 01 02", true, ascii("the original"));
        f.add(osi(ALL_ISS, clnp(0x01, 20, NET_B, NET_A, "", "c1 01 02", true, original)));
        f.add(osi(ALL_ISS, clnp(0x01, 20, NET_B, NET_A, "", "c1 01 81", true,
            clnp(0x1f, 20, NET_A, NET_B, "", "c1 01 b4", true, original))));
        f.add(osi(ALL_ISS, clnp(0x01, 20, NET_B, NET_A, "", "", true, ascii("not clnp"))));
        f.add(osi(ALL_ISS, clnp(0x01, 20, NET_B, NET_A, "", "", true, new byte[0])));
        for (String reason : List.of("00", "07", "08", "81", "92", "93", "a1", "b4", "c0", "c1", "d0", "1f")) {
            f.add(osi(ALL_ISS, clnp(0x1c, 20, NET_B, NET_A, "", "c1 01 " + reason, true, data)));
        }
        f.add(osi(ALL_ISS, clnp(0x1c, 20, NET_B, NET_A, "", "c8 0e 00 03 0a " + NET_A + " 00", true, data)));
        f.add(osi(ALL_ISS, clnp(0x1c, 20, NET_B, NET_A, "", "cb 0e 01 03 05 4900010203 05 4900020304", true, data)));
        f.add(osi(ALL_ISS, clnp(0x1c, 20, NET_B, NET_A, "", "cb 04 02 00 0102", true, data)));
        f.add(osi(ALL_ISS, clnp(0x1c, 20, NET_B, NET_A, "", "c8 04 00 09 0102", true, data)));
        f.add(osi(ALL_ISS, clnp(0x1c, 20, NET_B, NET_A, "", "c8 04 00 03 09 01", true, data)));
        f.add(osi(ALL_ISS, clnp(0x1c, 20, NET_B, NET_A, "", "c8 01 00", true, data)));
        f.add(osi(ALL_ISS, clnp(0x1c, 20, NET_B, NET_A, "", "cd 00", true, data)));
        f.add(osi(ALL_ISS, clnp(0x1c, 20, NET_B, NET_A, "", "c3 00", true, data)));
        f.add(osi(ALL_ISS, clnp(0x1c, 20, NET_B, NET_A, "", "c5 01 00", true, data)));
        f.add(osi(ALL_ISS, clnp(0x1c, 20, NET_B, NET_A, "", "c1 00", true, data)));
        f.add(osi(ALL_ISS, clnp(0x1c, 20, NET_B, NET_A, "", "99 03 010203 c1 05 00", true, data)));
        f.add(osi(ALL_ISS, clnp(0x1c, 20, NET_B, NET_A, "", "cd", true, data)));
        f.add(osi(ALL_ISS, clnp(0x9c, 20, NET_B, NET_A, "0001", "", true, data)));
        f.add(osi(ALL_ISS, clnp(0x1d, 20, NET_B, NET_A, "", "", true, data)));
        f.add(osi(ALL_ISS, clnp(0x05, 20, "", "", "", "", true, data)));
        byte[] header = clnp(0x1c, 20, NET_B, NET_A, "", "", true, data);
        for (int[] change : new int[][] {{2, 2}, {1, 0xff}, {1, 8}, {1, 9}, {1, 10}, {1, 22}, {10, 0x20}, {21, 0x20}}) {
            byte[] pdu = header.clone();
            pdu[change[0]] = (byte) change[1];
            f.add(osi(ALL_ISS, pdu));
        }
        f.add(LlcFrames.llc(ALL_ISS, 10, hex("fefe03 81 09 01 14 1c 0009 00")));
        return f;
    }

    /** The other NLPIDs isoclns_print hands on: PPP, IPv4, IPv6, the null network layer, unknown ones. */
    static List<Frame> otherNlpidFrames() {
        List<Frame> f = new ArrayList<>();
        byte[] udp = TestFrames.ipv4(17, TestFrames.udp(1234, 53, hex("0000"), TestFrames.IP_A, TestFrames.IP_B));
        f.add(osi(ALL_ISS, concat(hex("cf ff03 0021"), udp)));
        f.add(osi(ALL_ISS, hex("cf ff03 c021 09 01 0008 01020304")));
        f.add(osi(ALL_ISS, hex("cf 21")));
        f.add(osi(ALL_ISS, concat(hex("cc"), udp)));
        f.add(osi(ALL_ISS, hex("8e 6000")));
        f.add(osi(ALL_ISS, hex("00 01")));
        f.add(osi(ALL_ISS, hex("c1 0102 0304")));
        return f;
    }

    static List<Frame> isisFrames() {
        List<Frame> all = new ArrayList<>(helloFrames());
        all.addAll(lspFrames());
        all.addAll(snpFrames());
        all.addAll(brokenHeaderFrames());
        all.addAll(brokenTlvFrames());
        return all;
    }

    @Test
    void isisAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, isisFrames(), "", "-q", "-v", "-vv");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, isisFrames(), Verbosity.VERBOSE, LINK, RawDump.NONE, "-e", "-v");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, isisFrames(), Verbosity.NORMAL, LINK, RawDump.NONE, "-e");
    }

    @Test
    void esisAndClnpAsTcpdump() throws Exception {
        List<Frame> frames = new ArrayList<>(esisFrames());
        frames.addAll(clnpFrames());
        frames.addAll(otherNlpidFrames());
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, frames, "", "-q", "-v", "-vv");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, frames, Verbosity.VERBOSE, LINK, RawDump.NONE, "-e", "-v");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, frames, Verbosity.QUIET, LINK, RawDump.NONE, "-e", "-q");
    }

    @Test
    void esisAndClnpCutAfterEveryByteAsTcpdump() throws Exception {
        List<Frame> frames = new ArrayList<>(esisFrames());
        frames.addAll(clnpFrames());
        frames.addAll(otherNlpidFrames());
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(frames, 14);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-v -x");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, cut, Verbosity.VERY_VERBOSE, LINK, RawDump.NONE, "-e", "-vv");
    }

    @Test
    void isisCutAfterEveryByteAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(isisFrames(), 14);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-v -x");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, cut, Verbosity.NORMAL, LINK, RawDump.NONE, "-e");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, cut, Verbosity.VERY_VERBOSE, LINK, RawDump.HEX_ASCII, "-e", "-vv",
            "-X");
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x");
    }

    static List<Frame> allFrames() {
        List<Frame> all = new ArrayList<>(isisFrames());
        all.addAll(esisFrames());
        all.addAll(clnpFrames());
        all.addAll(otherNlpidFrames());
        return all;
    }

    /**
     * Every frame above with a few bytes of its PDU changed at random (a fixed seed), half of them also cut short:
     * lengths, types and fields no hand-built frame has, against tcpdump too. {@code -Disis.mutationRounds=N} runs
     * more rounds.
     */
    @Test
    void mutatedFramesAsTcpdump() throws Exception {
        // the PDU after the Ethernet and LLC headers; Q.933 prints its name only (OsiFormatter's known difference)
        List<Frame> mutants = MutatedFrames.of(allFrames(), new Random(0x1589),
            Integer.getInteger("isis.mutationRounds", 12), bytes -> 17, 4, 40, (original, bytes, pdu) -> bytes[pdu] != 0x08);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-v -x");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, mutants, Verbosity.NORMAL, LINK, RawDump.NONE, "-e");
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-vv");
    }

    /**
     * BSD loopback (LINKTYPE_NULL) captures of address family 7 (ISO) carry the PDU after the 4-byte family, in host
     * or network order: printed as tcpdump's null_if_print hands them to isoclns_print.
     */
    static List<Frame> nullFrames() {
        List<Frame> f = new ArrayList<>();
        List<byte[]> pdus = List.of(leafLsp(), ptpIih(3, LEAF, 30, 1, tlv(129, "cc")), esis(4, 30, true, "0a " + NET_B),
            clnp(0x1e, 20, NET_B, NET_A, "", "", true, ascii("echo")), hex("42 0102"), hex("00"),
            hex("cc 4500"));
        for (byte[] pdu : pdus) {
            f.add(new Frame(concat(hex("07000000"), pdu)));
            f.add(new Frame(concat(hex("00000007"), pdu)));
        }
        f.add(new Frame(hex("07000000")));
        return f;
    }

    @Test
    void isoOverNullAsTcpdump() throws Exception {
        List<Frame> frames = nullFrames();
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(frames, 3);
        assertPrintsAsTcpdump(LinkType.NULL, frames, Verbosity.NORMAL, Set.of(), RawDump.NONE);
        assertPrintsAsTcpdump(LinkType.NULL, frames, Verbosity.VERBOSE, LINK, RawDump.NONE, "-e", "-v");
        assertPrintsAsTcpdump(LinkType.NULL, cut, Verbosity.VERBOSE, Set.of(), RawDump.HEX, "-v", "-x");
        assertPrintsAsTcpdump(LinkType.NULL, cut, Verbosity.NORMAL, LINK, RawDump.HEX_ASCII, "-e", "-X");
    }

    /** As {@link TcpdumpOracle#assertPrintsAsTcpdump}, for a capture of another link type. */
    private void assertPrintsAsTcpdump(int linkType, List<Frame> frames, Verbosity verbosity,
                                       Set<PacketPrinter.Option> options, RawDump dump, String... flags)
            throws Exception {
        assumeTrue(Tcpdump.available(), "tcpdump is not installed: the oracle for these tests (apt-get install tcpdump)");
        Path file = dir.resolve("frames.pcap");
        TestPcap.write(file, linkType, 1_700_000_000L, frames);
        List<String> tcpdumpFlags = new ArrayList<>(List.of("-S"));
        tcpdumpFlags.addAll(List.of(flags));
        List<Tcpdump.Record> expected = Tcpdump.run(file, "UTC", tcpdumpFlags.toArray(String[]::new));
        List<String> actual = PacketPrinterTest.perPacket(file,
            new PacketPrinter(ZoneOffset.UTC, verbosity, options, TimestampStyle.TIME, dump));
        assertEquals(frames.size(), expected.size(), "tcpdump records");
        for (int i = 0; i < frames.size(); i++) {
            String ours = actual.get(i).replace("\n\n", "\n");
            if (ours.endsWith("\n")) ours = ours.substring(0, ours.length() - 1);
            assertEquals(expected.get(i).full(), ours, "frame " + (i + 1) + " with tcpdump -n " + String.join(" ", tcpdumpFlags));
        }
    }

    /** Printing every frame above at -vv with -e and -x allocates nothing per packet once warmed up. */
    @Test
    void printingDoesNotAllocatePerPacket() {
        PrinterAllocation.assertNoAllocationPerPacket(allFrames(),
            new PacketPrinter(ZoneOffset.UTC, Verbosity.VERY_VERBOSE, LINK, TimestampStyle.TIME, RawDump.HEX), 1_000,
            "OSI");
    }
}
