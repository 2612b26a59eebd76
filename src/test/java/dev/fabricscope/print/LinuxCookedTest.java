package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

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
 * Linux cooked captures (LINUX_SLL, and LINUX_SLL2, what "-i any" gives), and NULL/LOOP captures, against tcpdump
 * 4.99 itself: packet types,
 * link-layer addresses, VLAN tags inside, unknown protocols with their default dump, and -e/-q, whole and cut after
 * every byte. SLL2's interface indexes are named as this machine names them, by both.
 */
class LinuxCookedTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void tcpdump() {
        Oracles.requireTcpdump();
    }

    private static final byte[] UDP4 = ipv4(17, udp(1000, 2000, "abcd".getBytes(), IP_A, IP_B));
    private static final byte[] ARP = arp(1, MAC_B, IP_A, new byte[6], IP_B);
    private static final byte[] UDP6 = ipv6(17, udp(5000, 5001, new byte[3], IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B);

    /** pkttype, ARPHRD type, address length, 8 address bytes, protocol. */
    private static byte[] sll(int packetType, int addressLength, int protocol, byte[] payload) {
        return concat(u16(packetType), u16(1), u16(addressLength), MAC_A, hex("0000"), u16(protocol), payload);
    }

    /** protocol, reserved, interface index, ARPHRD type, pkttype, address length, 8 address bytes. */
    private static byte[] sll2(int protocol, long ifindex, int packetType, int addressLength, byte[] payload) {
        return concat(u16(protocol), hex("0000"), u32(ifindex), u16(1), new byte[] {(byte) packetType,
            (byte) addressLength}, MAC_A, hex("0000"), payload);
    }

    private static byte[] tag(int tci, int type, byte[] payload) {
        return concat(u16(tci), u16(type), payload);
    }

    /** The carried packets, each with the protocol field that names it. */
    private record Carried(int protocol, byte[] payload) { }

    private static List<Carried> carried() {
        return List.of(
            new Carried(0x0800, UDP4),
            new Carried(0x86dd, UDP6),
            new Carried(0x0806, ARP),
            new Carried(0x1234, "hello world".getBytes()),                                   // unknown: default dump
            new Carried(0x8100, tag(0x2005, 0x0800, UDP4)),                                  // VLAN 5, priority 1
            new Carried(0x8100, tag(0x1fff, 0x8100, tag(0x0007, 0x86dd, UDP6))),             // two tags, DEI
            new Carried(0x8100, tag(0x0005, 0x1234, "xyz".getBytes())),                      // unknown inside a tag
            new Carried(0x8100, tag(0x0005, 0x0030, "abc".getBytes())),                      // length inside a tag
            new Carried(0x8100, hex("00")),                                                  // tag cut short
            new Carried(0x0010, "opaque".getBytes()),                                        // another non-ethertype
            new Carried(0x0004, hex("4242 03 0000 00 00")));                                 // 802.2: LLC, a short STP
    }

    static List<Frame> sllFrames() {
        List<Frame> f = new ArrayList<>();
        int packetType = 0;
        for (Carried c : carried()) f.add(new Frame(sll(packetType++ % 6, 6, c.protocol(), c.payload())));
        f.add(new Frame(sll(0, 0, 0x0800, UDP4)));     // no link-layer address
        f.add(new Frame(sll(4, 8, 0x0800, UDP4)));     // an 8-byte one
        return f;
    }

    static List<Frame> sll2Frames() {
        List<Frame> f = new ArrayList<>();
        int i = 0;
        for (Carried c : carried()) {
            f.add(new Frame(sll2(c.protocol(), 1 + i % 4, i % 6, 6, c.payload())));
            i++;
        }
        f.add(new Frame(sll2(0x0800, 99_999, 0, 6, UDP4)));         // no such interface
        f.add(new Frame(sll2(0x0800, 1, 7, 0, UDP4)));              // unknown packet type, no address
        return f;
    }

    private Path write(String name, int linkType, List<Frame> frames) throws Exception {
        Path file = dir.resolve(name);
        TestPcap.write(file, linkType, 1_700_000_000L, frames);
        return file;
    }

    private static final String[] FLAGS = {"", "-e", "-q", "-e -q", "-v", "-e -v", "-x", "-e -x", "-XX", "-A"};

    @Test
    void sllAsTcpdump() throws Exception {
        Path file = write("sll.pcap", LinkType.LINUX_SLL, sllFrames());
        for (String flags : FLAGS) PacketPrinterFlagsTest.assertSameAsTcpdump(file, flags.isEmpty() ? "-n" : flags);
    }

    @Test
    void sll2AsTcpdump() throws Exception {
        Path file = write("sll2.pcap", LinkType.LINUX_SLL2, sll2Frames());
        for (String flags : FLAGS) PacketPrinterFlagsTest.assertSameAsTcpdump(file, flags.isEmpty() ? "-n" : flags);
    }

    @Test
    void cutAsTcpdump() throws Exception {
        Path sll = write("sll-cut.pcap", LinkType.LINUX_SLL, TcpdumpOracle.cutAfterEveryByte(sllFrames(), 1));
        Path sll2 = write("sll2-cut.pcap", LinkType.LINUX_SLL2, TcpdumpOracle.cutAfterEveryByte(sll2Frames(), 1));
        for (String flags : new String[] {"-x", "-e", "-e -q"}) {
            PacketPrinterFlagsTest.assertSameAsTcpdump(sll, flags);
            PacketPrinterFlagsTest.assertSameAsTcpdump(sll2, flags);
        }
    }

    /** LINKTYPE_NULL (host order, either way round) and LOOP (network order): -e's address-family header, unknowns. */
    @Test
    void nullAndLoopAsTcpdump() throws Exception {
        List<Frame> nulls = new ArrayList<>();
        for (String family : new String[] {"02000000", "00000002", "1e000000", "18000000", "1c000000",
                "ff000000", "00000063", "00010002"}) {   // ISO (7) and IPX (23): a known difference
            nulls.add(new Frame(concat(hex(family), family.startsWith("1") ? UDP6 : UDP4)));
        }
        List<Frame> loops = List.of(new Frame(concat(hex("00000002"), UDP4)), new Frame(concat(hex("0000001e"), UDP6)),
            new Frame(concat(hex("00000063"), "opaque".getBytes())), new Frame(hex("000000")));
        Path nullFile = write("null.pcap", LinkType.NULL, nulls);
        Path loopFile = write("loop.pcap", LinkType.LOOP, loops);
        Path cut = write("null-cut.pcap", LinkType.NULL, TcpdumpOracle.cutAfterEveryByte(nulls, 1));
        for (String flags : FLAGS) {
            PacketPrinterFlagsTest.assertSameAsTcpdump(nullFile, flags.isEmpty() ? "-n" : flags);
            PacketPrinterFlagsTest.assertSameAsTcpdump(loopFile, flags.isEmpty() ? "-n" : flags);
        }
        for (String flags : new String[] {"-x", "-e", "-e -q"}) PacketPrinterFlagsTest.assertSameAsTcpdump(cut, flags);
    }
}
