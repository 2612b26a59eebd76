package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AppleTalk (Inside AppleTalk's layouts) against tcpdump 4.99 itself: DDP in Ethernet II (EtherTalk phase 1) and in
 * SNAP with Apple's OUI (phase 2), carrying NBP lookups, broadcast requests and replies (anomalous tuples, counted
 * strings too long or cut, unprintable bytes), ATP requests, responses and releases with every flag and bitmap shape,
 * EIGRP, and the types tcpdump names only (RTMP, echo, ZIP, ...); AARP requests, replies, probes and other hardware;
 * lengths below each header; whole, cut after every byte and mutated.
 */
class AtalkFormatterTest {
    @TempDir
    Path dir;

    /** A long DDP header (hop count 0, no checksum) from 1000.5 socket {@code srcSocket} to 2000.{@code dstNode}. */
    static byte[] ddp(int dstNode, int dstSocket, int srcSocket, int type, byte[] data) {
        return concat(u16(13 + data.length), hex("0000"), u16(2000), u16(1000), new byte[] {(byte) dstNode, 5,
            (byte) dstSocket, (byte) srcSocket, (byte) type}, data);
    }

    static byte[] ddp(int type, byte[] data) {
        return ddp(255, 2, 253, type, data);
    }

    static Frame phase1(byte[] ddp) {
        return new Frame(ethernet(AtalkFormatter.ETHERTYPE, ddp));
    }

    static Frame phase2(byte[] ddp) {
        return LlcFrames.llc(hex("090007ffffff"), concat(hex("aaaa03 080007 809b"), ddp));
    }

    static byte[] counted(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return concat(new byte[] {(byte) b.length}, b);
    }

    /** An NBP tuple: address, enumerator, then object, type and zone as counted strings. */
    static byte[] tuple(int net, int node, int socket, int enumerator, byte[] object, byte[] type, byte[] zone) {
        return concat(u16(net), new byte[] {(byte) node, (byte) socket, (byte) enumerator}, object, type, zone);
    }

    static byte[] nbp(int control, int id, byte[]... tuples) {
        return concat(new byte[] {(byte) control, (byte) id}, concat(tuples));
    }

    static byte[] atp(int control, int bitmap, int transaction, long userData, byte[] data) {
        return concat(new byte[] {(byte) control, (byte) bitmap}, u16(transaction), u32(userData), data);
    }

    /** An AARP packet for Ethernet and AppleTalk (or the given fields). */
    static byte[] aarp(int hardware, int protocol, int hlen, int plen, int op, String senderAt, String targetAt) {
        return concat(u16(hardware), u16(protocol), new byte[] {(byte) hlen, (byte) plen}, u16(op), MAC_A,
            hex(senderAt), hex("000000000000"), hex(targetAt));
    }

    static List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        byte[] lookup = nbp(0x21, 7, tuple(1000, 5, 253, 0, counted("="), counted("LaserWriter"), counted("*")));
        f.add(phase1(ddp(2, lookup)));
        f.add(phase2(ddp(2, lookup)));
        f.add(new Frame(vlan(3, AtalkFormatter.ETHERTYPE, ddp(2, lookup))));
        f.add(phase2(ddp(2, nbp(0x13, 9, tuple(1001, 6, 2, 4, counted("obj\u00e9\u0001"), counted("t"),
            counted("zone")))))); // broadcast request: anomalies
        f.add(phase2(ddp(2, nbp(0x31, 1, tuple(1000, 5, 253, 1, counted("Printer"), counted("LaserWriter"),
            counted("*"))))));
        f.add(phase2(ddp(2, nbp(0x33, 2, tuple(1000, 5, 253, 1, counted("a"), counted("b"), counted("c")),
            tuple(1000, 9, 130, 2, counted("d"), counted("e"), counted("f")),
            tuple(7, 255, 253, 1, counted("g"), counted("h"), counted("i"))))));
        f.add(phase2(ddp(2, nbp(0x32, 3, tuple(1000, 5, 253, 1, counted("a"), counted("b"), counted("c"))))));
        f.add(phase2(ddp(2, nbp(0x21, 4, tuple(1000, 5, 253, 0, hex("21"), counted("x"), counted("y"))))));  // len 33
        f.add(phase2(ddp(2, nbp(0x21, 4, tuple(1000, 5, 253, 0, counted("abc"), hex("05 6162"), hex(""))))));   // string cut
        f.add(phase2(ddp(2, nbp(0x41, 5, tuple(1000, 5, 253, 0, counted("a"), counted("b"), counted("c"))))));
        f.add(phase2(ddp(2, hex("2101 0000"))));          // shorter than a tuple
        f.add(phase2(ddp(2, hex("21"))));
        f.add(phase2(ddp(2, hex("2101 03e8 05fd 00 00"))));   // a tuple, empty strings cut
        for (int control : new int[] {0x40, 0x60, 0x50, 0x48, 0x58, 0x80, 0x90, 0xa0, 0x88, 0xa8, 0xc0, 0xf8, 0xd0,
                0x00, 0x3f}) {
            f.add(phase1(ddp(255, 0x81, 0x82, 3, atp(control, control == 0x40 ? 0x01 : 0x0f, 0x1234, 0, hex("")))));
        }
        for (int bitmap : new int[] {0x00, 0x01, 0x03, 0xff, 0x05, 0x80, 0xfe, 0x7f}) {
            f.add(phase2(ddp(255, 0x81, 0x82, 3, atp(0x40, bitmap, 77, 0x01020304L, hex("aabb")))));
        }
        f.add(phase2(ddp(255, 0x81, 0x82, 3, atp(0xc0, 0x03, 78, 0, hex("00")))));   // release with data
        f.add(phase2(ddp(255, 0x81, 0x82, 3, hex("4001 0000 0000 00"))));           // shorter than ATP
        for (int type : new int[] {1, 4, 5, 6, 22, 23, 0x4b, 0, 99}) {
            f.add(phase2(ddp(255, type, type, type, hex("01020304"))));
        }
        f.add(phase1(ddp(255, 1, 1, 1, new byte[40])));
        f.add(phase1(ddp(88, hex("02 05 ee68 00000000 00000000 00000000 00000064 0001 000c 010001000000000f"))));
        f.add(phase1(hex("000d 0000 0000 0000 ff ff 01 01 01")));   // net 0 node 255 both ends
        f.add(phase2(hex("000d 0000 07d0")));                         // shorter than DDP
        f.add(phase2(hex("")));
        // AARP: request, reply, probe, and headers tcpdump only lists
        f.add(new Frame(ethernet(AtalkFormatter.ETHERTYPE_AARP, aarp(1, 0x809b, 6, 4, 1, "0003e805", "0003e8ff"))));
        f.add(new Frame(ethernet(AtalkFormatter.ETHERTYPE_AARP, aarp(1, 0x809b, 6, 4, 2, "00000102", "0003e805"))));
        f.add(new Frame(ethernet(AtalkFormatter.ETHERTYPE_AARP, aarp(1, 0x809b, 6, 4, 3, "ff0003e8", "ff0003e8"))));
        f.add(new Frame(ethernet(AtalkFormatter.ETHERTYPE_AARP, aarp(1, 0x809b, 6, 4, 4, "0003e805", "0003e8ff"))));
        f.add(new Frame(ethernet(AtalkFormatter.ETHERTYPE_AARP, aarp(6, 0x809b, 6, 4, 1, "0003e805", "0003e8ff"))));
        f.add(new Frame(ethernet(AtalkFormatter.ETHERTYPE_AARP, aarp(1, 0, 6, 4, 1, "0003e805", "0003e8ff"))));
        f.add(new Frame(ethernet(AtalkFormatter.ETHERTYPE_AARP, aarp(1, 0x809b, 8, 2, 2, "0003e805", "0003e8ff"))));
        f.add(LlcFrames.llc(hex("090007ffffff"), concat(hex("aaaa03 000000 80f3"),
            aarp(1, 0x809b, 6, 4, 1, "0003e805", "0003e8ff"))));   // AARP in SNAP: OUI 0
        f.add(new Frame(ethernet(AtalkFormatter.ETHERTYPE_AARP, hex("0001809b06040001"))));
        f.add(new Frame(ethernet(0x0800, ipv4(47, concat(hex("0000 809b"), ddp(2, lookup))))));   // in GRE
        f.add(new Frame(ethernet(0x0800, ipv4(47, concat(hex("0000 809b"), hex("000d 00"))))));
        return f;
    }

    /** BSD loopback's address family 16 (LINKTYPE_NULL, host order: little-endian here). */
    static List<Frame> loopbackFrames() {
        List<Frame> f = new ArrayList<>();
        for (byte[] ddp : List.of(ddp(2, nbp(0x21, 7, tuple(1000, 5, 253, 0, counted("="), counted("x"),
                counted("*")))), ddp(255, 0x81, 0x82, 3, atp(0x90, 1, 2, 3, hex(""))), ddp(1, hex("0102")))) {
            f.add(new Frame(concat(hex("10000000"), ddp)));
        }
        return f;
    }

    /** LocalTalk frames: an LLAP header (destination, source, type), then a short or long DDP header. */
    static List<Frame> localTalkFrames() {
        List<Frame> f = new ArrayList<>();
        byte[] lookup = nbp(0x21, 7, tuple(0, 5, 253, 0, counted("="), counted("LaserWriter"), counted("*")));
        f.add(new Frame(concat(hex("ff 05 01"), u16(5 + lookup.length), hex("02 fd 02"), lookup)));
        f.add(new Frame(concat(hex("09 05 01"), u16(5 + lookup.length), hex("02 fe 02"), lookup)));   // other socket
        f.add(new Frame(concat(hex("09 05 01 0009 81 82 03"), atp(0x40, 1, 9, 0, hex("")))));
        f.add(new Frame(concat(hex("09 05 01 0009 01 01 01 00000000"))));
        f.add(new Frame(concat(hex("09 05 02"), ddp(2, lookup))));
        f.add(new Frame(concat(hex("09 05 02"), ddp(255, 0x81, 0x82, 3, atp(0x90, 3, 9, 0, hex("aa"))))));
        f.add(new Frame(concat(hex("09 05 02"), ddp(255, 4, 4, 4, hex("01 02")))));
        f.add(new Frame(hex("09 05 4b 0102")));     // KLAP: tcpdump names the type only
        f.add(new Frame(hex("09 05 07")));
        f.add(new Frame(hex("09 05 01 0000")));      // shorter than a short DDP header
        f.add(new Frame(hex("09 05 02 000d 0000 0000")));
        f.add(new Frame(hex("09 05")));
        return f;
    }

    /** KIP: LLAP and a long DDP header in UDP, between ports of the DDP-in-UDP ranges. */
    static List<Frame> kipFrames() {
        List<Frame> f = new ArrayList<>();
        byte[] lookup = nbp(0x21, 7, tuple(1000, 5, 253, 0, counted("="), counted("LaserWriter"), counted("*")));
        int[][] ports = {{200, 200}, {40000, 327}, {16512, 40000}, {40000, 16639}, {768, 895}, {319, 319},
            {320, 40000}, {199, 328}, {767, 896}, {16511, 16640}};
        for (int[] p : ports) {
            f.add(new Frame(ethernet(0x0800, ipv4(17, udp(p[0], p[1], concat(hex("09 05 02"), ddp(2, lookup)), IP_A,
                IP_B)))));
        }
        f.add(new Frame(ethernet(0x0800, ipv4(17, udp(200, 200, concat(hex("09 05 02"), ddp(255, 0x81, 0x82, 3,
            atp(0x80, 0, 9, 0, hex("01")))), IP_A, IP_B)))));
        f.add(new Frame(ethernet(0x0800, ipv4(17, udp(200, 200, hex("0905 01 0009 0102 01 0000"), IP_A, IP_B)))));
        f.add(new Frame(ethernet(0x0800, ipv4(17, udp(200, 200, hex("0905 02 000d"), IP_A, IP_B)))));
        f.add(new Frame(ethernet(0x0800, ipv4(17, udp(200, 200, hex("0905"), IP_A, IP_B)))));
        f.add(new Frame(ethernet(0x86dd, ipv6(17, udp(201, 40000, concat(hex("09 05 02"), ddp(1, hex("00"))), IP6_A,
            IP6_B), 0x60000000L, IP6_A, IP6_B))));
        return f;
    }

    @Test
    void kipAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, kipFrames(), "", "-v", "-q", "-e -x");
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, TcpdumpOracle.cutAfterEveryByte(kipFrames(), 14 + 20 + 8), "-x",
            "-v");
        List<Frame> mutants = MutatedFrames.of(kipFrames(), "KIP", 200, 12, frame -> MutatedFrames.afterIp(frame) + 8,
            4, 30, MutatedFrames.ALL);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-x", "-v");
    }

    @Test
    void localTalkAsTcpdump() throws Exception {
        List<Frame> all = new ArrayList<>(localTalkFrames());
        all.addAll(TcpdumpOracle.cutAfterEveryByte(localTalkFrames(), 0));
        all.addAll(MutatedFrames.of(localTalkFrames(), "LTALK", 114, 20, frame -> 0, 4, 12, MutatedFrames.ALL));
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "ltalk", dev.fabricscope.capture.LinkType.LTALK, all,
            "", "-e", "-v", "-x", "-q", "-e -v -x");
    }

    @Test
    void localTalkWithoutAllocating() {
        PrinterAllocation.assertNoAllocationPerPacketWith(localTalkFrames(), dev.fabricscope.capture.LinkType.LTALK,
            2000, "LocalTalk", "-v", "-x");
    }

    @Test
    void loopbackAsTcpdump() throws Exception {
        List<Frame> all = new ArrayList<>(loopbackFrames());
        all.addAll(TcpdumpOracle.cutAfterEveryByte(loopbackFrames(), 0));
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "null-atalk", dev.fabricscope.capture.LinkType.NULL, all,
            "", "-e", "-v", "-x", "-q");
    }

    @Test
    void wholeAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames(), "", "-v", "-e", "-q", "-e -v -x");
    }

    @Test
    void cutAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(frames(), 14);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x", "-v", "-e -x");
    }

    @Test
    void mutantsAsTcpdump() throws Exception {
        List<Frame> mutants = MutatedFrames.of(frames(), "ATALK", 0x809b, 10, AtalkFormatterTest::afterSnap, 4, 40,
            MutatedFrames.ALL);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-x", "-v", "-e -v -x");
    }

    /** Mutations start after the SNAP header of an 802.3 frame (LlcFormatterTest mutates that). */
    static int afterSnap(byte[] frame) {
        return ((frame[12] & 0xff) << 8 | frame[13] & 0xff) < 0x600 ? 22 : MutatedFrames.afterEthernet(frame);
    }

    @Test
    void printsWithoutAllocating() {
        PrinterAllocation.assertNoAllocationPerPacketWith(frames(), "AppleTalk", "-v", "-e -x");
        PrinterAllocation.assertNoAllocationPerPacketWith(kipFrames(), "KIP", "-v", "-x");
    }
}
