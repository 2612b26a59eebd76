package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.IsisFrames.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ISO PDUs (IS-IS, ES-IS, CLNP) where tcpdump 4.99 hands them to isoclns_print besides LLC and NULL/LOOP: ethertype
 * 0xfefe (after one skipped byte), GRE protocol 0x00fe, after an MPLS stack (first byte 0x81-0x83) and in PPP
 * (protocol 0x0023, over PPPoE and PPTP's GRE), against tcpdump itself, whole and cut after every byte.
 */
class OsiCarriedTest {
    private static final String NET_A = "490001 0c42a1d3e4f5 00", NET_B = "490001 192168000001 00";

    @TempDir
    Path dir;

    static byte[] hello() {
        return ptpIih(2, LEAF, 30, 1, tlv(129, "cc"), tlv(1, "03 490001"));
    }

    static byte[] lsp() {
        return IsisFrames.lsp(L2_LSP, 1199, LEAF + "0000", 0x1234, 3, tlv(137, ascii("leaf")),
            tlv(135, ipReach(10, false, 24, "0a0001")));
    }

    static byte[] esHello() {
        return esis(4, 30, true, "0a " + NET_B);
    }

    static byte[] clnpData() {
        return clnp(0x9c, 64, NET_B, NET_A, "", "", true, ascii("data"));
    }

    static Frame overGre(byte[] gre) {
        return new Frame(ethernet(0x0800, ipv4(47, gre)));
    }

    static List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        // ethertype 0xfefe: one byte tcpdump skips, then the PDU
        f.add(new Frame(ethernet(0xfefe, concat(hex("00"), hello()))));
        f.add(new Frame(ethernet(0xfefe, concat(hex("fe"), clnpData()))));
        f.add(new Frame(vlan(7, 0xfefe, concat(hex("00"), esHello()))));
        f.add(new Frame(ethernet(0xfefe, hex("00"))));                                  // nothing after the byte
        f.add(new Frame(ethernet(0xfefe, new byte[0])));                                // not even it
        f.add(new Frame(ethernet(0xfefe, concat(hex("00 cc"), ipv4(17, udp(1, 2, new byte[2], IP_A, IP_B))))));
        // GRE protocol 0x00fe
        f.add(overGre(concat(hex("0000 00fe"), lsp())));
        f.add(overGre(concat(hex("2000 00fe 0000002a"), esHello())));
        f.add(overGre(concat(hex("0000 00fe"), clnpData())));
        // MPLS, by the payload's first byte
        f.add(new Frame(ethernet(0x8847, concat(MplsFormatterTest.label(16, 0, true, 64), hello()))));
        f.add(new Frame(ethernet(0x8847, concat(MplsFormatterTest.label(100, 0, false, 64),
            MplsFormatterTest.label(200, 1, true, 63), esHello()))));
        f.add(new Frame(ethernet(0x8847, concat(MplsFormatterTest.label(24000, 0, true, 9), clnpData()))));
        // PPP protocol 0x0023 over PPPoE (with and without address and control) and over PPTP's GRE
        f.add(PppoeFormatterTest.session(hex("0023"), hello()));
        f.add(PppoeFormatterTest.session(hex("ff03 0023"), clnpData()));
        f.add(overGre(concat(hex("3001 880b 00000007 00000001 ff03 0023"), lsp())));
        // nested: an IS-IS hello after MPLS in GRE
        f.add(overGre(concat(hex("0000 8847"), MplsFormatterTest.label(30, 0, true, 1), hello())));
        return f;
    }

    @Test
    void wholeFramesAsTcpdump() throws Exception {
        List<Frame> frames = frames();
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, frames, "", "-q", "-v", "-vv", "-vvv");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, frames, Verbosity.NORMAL, EnumSet.of(PacketPrinter.Option.LINK_HEADERS),
            RawDump.NONE, "-e");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, frames, Verbosity.VERBOSE, EnumSet.of(PacketPrinter.Option.LINK_HEADERS),
            RawDump.NONE, "-e", "-v");
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames, "-X");
    }

    @Test
    void cutFramesAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(frames(), 12);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x", "-v");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, cut, Verbosity.VERY_VERBOSE, EnumSet.of(PacketPrinter.Option.LINK_HEADERS),
            RawDump.NONE, "-e", "-vv");
    }
}
