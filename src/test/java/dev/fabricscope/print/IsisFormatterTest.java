package dev.fabricscope.print;

import static dev.fabricscope.print.IsisFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

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
 * cut after every byte, and mutated at random.
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

    static List<Frame> isisFrames() {
        List<Frame> all = new ArrayList<>(helloFrames());
        all.addAll(lspFrames());
        all.addAll(snpFrames());
        return all;
    }

    @Test
    void isisAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, isisFrames(), "", "-q", "-v", "-vv");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, isisFrames(), Verbosity.VERBOSE, LINK, RawDump.NONE, "-e", "-v");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, isisFrames(), Verbosity.NORMAL, LINK, RawDump.NONE, "-e");
    }

    @Test
    void isisCutAfterEveryByteAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(isisFrames(), 14);
        TcpdumpOracle.assertPrintsAsTcpdump(dir, cut, Verbosity.VERBOSE, RawDump.HEX, "-v", "-x");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, cut, Verbosity.NORMAL, LINK, RawDump.NONE, "-e");
    }

    /** Printing every frame above at -vv with -e and -x allocates nothing per packet once warmed up. */
    @Test
    void printingDoesNotAllocatePerPacket() {
        PrinterAllocation.assertNoAllocationPerPacket(isisFrames(),
            new PacketPrinter(ZoneOffset.UTC, Verbosity.VERY_VERBOSE, LINK, TimestampStyle.TIME, RawDump.HEX), 1_000,
            "IS-IS");
    }
}
