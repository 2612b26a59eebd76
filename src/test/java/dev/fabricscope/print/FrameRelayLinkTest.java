package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import dev.fabricscope.testing.Oracles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LINKTYPE_FRELAY and LINKTYPE_MFR against tcpdump 4.99 itself: Q.922 addresses of 2, 3 and 4 bytes (DLCI, C/R,
 * FECN, BECN, DE and the SDLC bit; invalid ones), UI with and without the pad byte, Cisco's ethertype encapsulation,
 * the NLPIDs (IPv4, IPv6 with OSPFv3, IS-IS, ES-IS, CLNP, SNAP, Q.933 ANSI and CCITT LMI with their information
 * elements, FRF.15, PPP, unknown), and FRF.16 control messages (every IE, the loop guard) and fragments; whole, in
 * the verbosities and with -e, cut after every byte and mutated.
 */
class FrameRelayLinkTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void tcpdump() {
        Oracles.requireTcpdump();
    }

    /** A 2-byte Q.922 address: DLCI, C/R, and FECN/BECN/DE as the second byte's bits 3-1. */
    static byte[] q922(int dlci, boolean cr, int fecnBecnDe) {
        return new byte[] {(byte) ((dlci >> 4) << 2 | (cr ? 2 : 0)), (byte) ((dlci & 0xf) << 4 | fecnBecnDe << 1 | 1)};
    }

    /** A UI frame with the NLPID (no pad). */
    static byte[] ui(int dlci, int nlpid, byte[] payload) {
        return concat(q922(dlci, false, 0), new byte[] {3, (byte) nlpid}, payload);
    }

    private static byte[] icmp() {
        return ipv4(1, icmpEcho(8, 0x1234, 1, new byte[8]));
    }

    private static byte[] ospf6Hello() {
        byte[] ip = ipv6(89, Ospf6Frames.packet(1, Ospf6Frames.hello(0x13, "0a000002")), 0x6e000000L,
            Ospf6Frames.LINK_LOCAL, Ospf6Frames.ALL_SPF_ROUTERS);
        ip[7] = 1;
        return ip;
    }

    /** Q.933 after NLPID 0x08: call reference length and value, message type, IEs. */
    static byte[] q933(String callRef, int type, String ies) {
        return concat(hex(callRef), new byte[] {(byte) type}, hex(ies));
    }

    static List<Frame> frFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(ui(100, 0xcc, icmp())));
        f.add(new Frame(concat(q922(1023, true, 7), hex("03 8e"), ipv6(17, udp(546, 547, new byte[4], IP6_A, IP6_B),
            0x60000000L, IP6_A, IP6_B))));
        f.add(new Frame(concat(q922(17, false, 4), hex("03 8e"), ospf6Hello())));
        f.add(new Frame(concat(q922(18, true, 2), hex("03 cc"), ipv4(17, udp(1000, 53, ascii("abcd"), IP_A, IP_B)))));
        // 3-byte address with the pad, and without; 4-byte address; the pad after a 2-byte address
        f.add(new Frame(concat(hex("18 40 ab 03 00 cc"), icmp())));
        f.add(new Frame(concat(hex("18 40 a9 03 cc"), icmp())));
        f.add(new Frame(concat(hex("1a 40 a4 fb 03 cc"), icmp())));
        f.add(new Frame(concat(q922(99, false, 0), hex("03 00 cc"), icmp())));
        // invalid addresses: EA in the first byte, more than 4 bytes
        f.add(new Frame(hex("19 41 03 cc 45 00")));
        f.add(new Frame(hex("18 40 00 00 00 03 cc")));
        // Cisco encapsulation: an ethertype after the address, a known and an unknown one, and DLCI 0
        f.add(new Frame(concat(q922(50, false, 0), u16(0x0800), icmp())));
        f.add(new Frame(concat(q922(50, false, 1), u16(0x86dd), ipv6(58, hex("80 00 0000 0001 0001"), 0x60000000L,
            IP6_A, IP6_B))));
        f.add(new Frame(concat(q922(51, false, 0), hex("1234 5678 9a"))));
        f.add(new Frame(concat(q922(51, false, 0), hex("0100 cc"), icmp())));
        f.add(new Frame(concat(q922(0, false, 0), hex("04 cc"), icmp())));
        // OSI
        f.add(new Frame(concat(q922(16, false, 0), hex("03"), OsiCarriedTest.hello())));
        f.add(new Frame(concat(q922(16, false, 0), hex("03"), OsiCarriedTest.esHello())));
        f.add(new Frame(concat(q922(16, false, 0), hex("03"), OsiCarriedTest.clnpData())));
        f.add(new Frame(concat(q922(16, false, 0), hex("03"), OsiCarriedTest.lsp())));
        // SNAP: an ethertype, Cisco's CDP-less OUI with an unknown PID, RFC 2684 bridged Ethernet
        f.add(new Frame(concat(q922(200, false, 0), hex("03 00 80 000000 0800"), icmp())));
        f.add(new Frame(concat(q922(200, false, 0), hex("03 80 00000c 0999 0102030405"))));
        f.add(new Frame(concat(q922(200, false, 0), hex("03 80 0080c2 0007"),
            ethernet(0x0800, ipv4(17, udp(1, 2, new byte[2], IP_A, IP_B))))));
        f.add(new Frame(concat(q922(200, false, 0), hex("03 80 000000 3333 0102"))));
        // SNAP's IPv4 carrying (VXLAN) an 802.3 frame of RFC 2684 bridged Ethernet: its 2-byte pad is LLC's, not
        // the none of the Frame Relay SNAP around it
        byte[] bridged = concat(hex("aaaa03 0080c2 0007 0000"), ethernet(0x0800, ipv4(17, udp(1, 2, new byte[2], IP_A,
            IP_B))));
        f.add(new Frame(concat(q922(200, false, 0), hex("03 80 000000 0800"), ipv4(17, udp(50000, 4789,
            concat(hex("08000000 00000100 0180c2000014 001122334455"), u16(bridged.length), bridged), IP_A, IP_B)))));
        // Q.933: ANSI LMI status enquiry and status with PVC status IEs (2-, 3- and 4-byte DLCIs)
        f.add(new Frame(concat(q922(0, false, 0), hex("03 08"), q933("00", 0x75, "95 01 01 01 03 02 05 04"))));
        f.add(new Frame(concat(q922(0, false, 0), hex("03 08"), q933("00", 0x7d,
            "95 01 01 00 03 02 06 05 07 03 06 81 82 07 03 07 90 8a 07 04 01 10 7f 82 07 05 02 20 10 7f 88"))));
        // CCITT (Annex A): no shift; report type, link verify, PVC status; the invalid forms
        f.add(new Frame(concat(q922(0, false, 0), hex("03 08"), q933("00", 0x75, "51 01 02 53 02 ff 00"))));
        f.add(new Frame(concat(q922(0, false, 0), hex("03 08"), q933("00", 0x7d,
            "51 01 07 53 01 05 57 02 00 80 57 03 80 00 80 57 06 00 00 00 00 00 80 57 03 00 00 00"))));
        // call references, a non-locking shift, codesets without IE printers, unknown IEs and messages
        f.add(new Frame(concat(q922(0, false, 0), hex("03 08"), q933("01 05", 0x05, "9d 01 01 00 30 02 aabb"))));
        f.add(new Frame(concat(q922(0, false, 0), hex("03 08"), q933("02 0001", 0x4d, "96 51 01 00 a0 98 62 01 09"))));
        f.add(new Frame(concat(q922(0, false, 0), hex("03 08"), q933("01 00", 0x33, "03 02 01 02"))));
        f.add(new Frame(concat(q922(0, false, 0), hex("03 08"), q933("00", 0x02, "01 00 03 02 01 02"))));
        f.add(new Frame(concat(q922(0, false, 0), hex("03 08"), q933("00", 0x0f, "00 02 01 02"))));
        f.add(new Frame(concat(q922(0, false, 0), hex("03 08"), q933("00", 0x75, "95"))));
        f.add(new Frame(concat(q922(0, false, 0), hex("03 08"), q933("00", 0x75, "03 05 01"))));
        f.add(new Frame(concat(q922(0, false, 0), hex("03 08"), q933("03 010203", 0x75, ""))));
        f.add(new Frame(concat(q922(0, false, 0), hex("03 08 00"))));
        f.add(new Frame(concat(q922(0, false, 0), hex("03 08"))));
        // FRF.15, PPP, an unknown NLPID
        f.add(new Frame(concat(q922(300, false, 0), hex("03 b1 a5 67"), icmp())));
        f.add(new Frame(concat(q922(300, false, 0), hex("03 b1 1e ff"))));
        f.add(new Frame(concat(q922(300, false, 0), hex("03 cf ff03 0021"), icmp())));
        f.add(new Frame(concat(q922(300, false, 0), hex("03 11 0102030405060708090a0b0c0d0e0f1011"))));
        f.add(new Frame(hex("18 41 03")));
        f.add(new Frame(hex("18 41")));
        return f;
    }

    /** An FRF.16 information element: type, length (with its 2-byte header), value. */
    static byte[] ie(int type, byte[] value) {
        return concat(new byte[] {(byte) type, (byte) (value.length + 2)}, value);
    }

    static byte[] control(int message, byte[]... ies) {
        return concat(new byte[] {(byte) 0xe1, 0, (byte) message}, concat(ies));
    }

    /** A little-endian 64-bit struct timeval field, as the 64-bit hosts' tcpdump reads it. */
    static byte[] le64(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) b[i] = (byte) (v >>> 8 * i);
        return b;
    }

    static List<Frame> mfrFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(control(1, ie(1, ascii("bundle-1\0xx")), ie(2, ascii("link\u0007\u00c1")),
            ie(3, u32(0xdeadbeefL)), ie(5, concat(le64(1_700_000_123L), le64(654_321))), ie(6, hex("00000c 01")),
            ie(7, hex("05")), ie(9, hex("0102")))));
        f.add(new Frame(control(2, ie(3, hex("0102")), ie(5, hex("01020304")), ie(1, ascii("b")))));
        f.add(new Frame(control(4, ie(5, concat(le64(0x80000000L), le64(7))), ie(2, ascii(
            "a-very-long-link-identifier-that-goes-on-past-fifty-bytes-of-text")))));
        f.add(new Frame(control(5, hex("0202"), ie(3, u32(1)))));
        f.add(new Frame(control(6, hex("0003 01"))));
        f.add(new Frame(control(7, hex("01"))));
        f.add(new Frame(control(0x42)));
        f.add(new Frame(control(3, hex("0105 6162"))));
        // fragments: whole, first (a Frame Relay frame follows), middle, last; control bits with a nonzero byte
        f.add(new Frame(concat(hex("c1 05"), ui(100, 0xcc, icmp()))));
        f.add(new Frame(concat(hex("9e ff"), ui(100, 0x8e, ipv6(17, udp(1, 2, new byte[4], IP6_A, IP6_B),
            0x60000000L, IP6_A, IP6_B)))));
        f.add(new Frame(concat(hex("01 07"), hex("0102030405060708090a0b0c0d0e0f101112"))));
        f.add(new Frame(concat(hex("41 08 aabbccdd"))));
        f.add(new Frame(concat(hex("e1 01 04 00"))));
        f.add(new Frame(concat(hex("c1 05 19 41 03"))));
        f.add(new Frame(hex("e1 00 01")));
        f.add(new Frame(hex("e1")));
        return f;
    }

    @Test
    void frameRelayAsTcpdump() throws Exception {
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "fr", LinkType.FRELAY, frFrames(),
            "", "-v", "-vv", "-e", "-e -v", "-q", "-e -q", "-x", "-e -x", "-X", "-e -XX");
    }

    @Test
    void multilinkAsTcpdump() throws Exception {
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "mfr", LinkType.MFR, mfrFrames(),
            "", "-v", "-vv", "-e", "-e -v", "-q", "-x", "-e -x", "-tttt -v", "-tt -v", "-t -v", "-ttt -v",
            "-ttttt -vv");
    }

    @Test
    void cutFramesAsTcpdump() throws Exception {
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "frcut", LinkType.FRELAY,
            TcpdumpOracle.cutAfterEveryByte(frFrames(), 1), "-x", "-v", "-e -x", "-q", "-X", "-A");
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "mfrcut", LinkType.MFR,
            TcpdumpOracle.cutAfterEveryByte(mfrFrames(), 1), "-x", "-v", "-vv -e", "-X");
    }

    @Test
    void mutantsAsTcpdump() throws Exception {
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "frmut", LinkType.FRELAY,
            MutatedFrames.of(frFrames(), "FRELAY", 20_261_123L, 8, b -> 0, 3, 16, MutatedFrames.ALL),
            "-e -x", "-v", "-vv", "-q", "-X");
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "mfrmut", LinkType.MFR,
            MutatedFrames.of(mfrFrames(), "MFR", 20_261_124L, 16, b -> 0, 3, 40, MutatedFrames.ALL),
            "-e -x", "-v", "-vv");
    }

    /** Q.933 where the OSI printers meet NLPID 0x08: after IEEE 802.2 SAP 0xfe. */
    static List<Frame> osiQ933Frames() {
        List<Frame> f = new ArrayList<>();
        for (String q : new String[] {"00 75 95 01 01 01 03 02 05 04", "00 7d 51 01 00 57 03 06 81 82", "01 07 02",
                "", "02"}) {
            byte[] llc = concat(hex("fefe03 08"), hex(q));
            f.add(new Frame(concat(hex("0180c2000014 020000000001"), u16(llc.length), llc)));
        }
        return f;
    }

    @Test
    void q933AfterLlcAsTcpdump() throws Exception {
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "llc", LinkType.EN10MB, osiQ933Frames(),
            "", "-v", "-vv", "-e", "-e -v", "-q");
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "llccut", LinkType.EN10MB,
            TcpdumpOracle.cutAfterEveryByte(osiQ933Frames(), 14), "-x", "-v", "-e");
    }

    @Test
    void noAllocationPerPacket() {
        PrinterAllocation.assertNoAllocationPerPacketWith(frFrames(), LinkType.FRELAY, 500, "FRELAY", "-v", "-vv",
            "-e -v", "-q", "-x");
        PrinterAllocation.assertNoAllocationPerPacketWith(mfrFrames(), LinkType.MFR, 500, "MFR", "-v", "-vv", "-e");
    }
}
