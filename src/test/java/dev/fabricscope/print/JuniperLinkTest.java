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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Juniper link types (what Junos {@code monitor traffic ... write-file} writes) against tcpdump 4.99 itself: the
 * pseudo-header (magic "MGC", flags, -vv's extension TLVs, no-L2 packets guessed as IP) and what follows it; with
 * and without -e, in the verbosities, whole, cut after every byte and mutated.
 */
class JuniperLinkTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void tcpdump() {
        Oracles.requireTcpdump();
    }

    private static final int IN = 0x01, NO_L2 = 0x02, IIF = 0x04, FILTER = 0x40, EXT = 0x80;

    /** The 4-byte header: "MGC" and the flags. */
    static byte[] magic(int flags) {
        return concat(ascii("MGC"), new byte[] {(byte) flags});
    }

    /** The header with extension TLVs (flag 0x80 set): their total length, then the TLVs. */
    static byte[] withExtensions(int flags, byte[]... tlvs) {
        byte[] all = concat(tlvs);
        return concat(magic(flags | EXT), u16(all.length), all);
    }

    static byte[] tlv(int type, byte[] value) {
        return concat(new byte[] {(byte) type, (byte) value.length}, value);
    }

    /** The TLVs a Junos capture carries, little-endian as Junos writes types below 128. */
    private static final byte[][] JUNOS_TLVS = {
        tlv(1, hex("93010000")),                 // device interface index 403
        tlv(2, ascii("xe-0/0/1")),              // device interface name: no value printed
        tlv(3, hex("01")),                       // media type Ethernet
        tlv(4, hex("4a02")),                     // logical interface index 586
        tlv(5, hex("00000000")),                 // unit 0
        tlv(6, hex("0e"))};                      // encapsulation Ethernet

    private static byte[] udpPacket() {
        return ipv4(17, udp(1000, 2000, ascii("junos"), IP_A, IP_B));
    }

    private static List<Frame> etherFrames() {
        List<Frame> f = new ArrayList<>();
        byte[] frame = ethernet(0x0800, udpPacket());
        f.add(new Frame(concat(magic(0), frame)));                                  // out
        f.add(new Frame(concat(magic(IN), frame)));                                 // in
        f.add(new Frame(concat(magic(IN | IIF | FILTER), ethernet(0x86dd, ipv6(6, tcp(0x012, new byte[0],
            new byte[0]), 0x60000000L, IP6_A, IP6_B)))));
        f.add(new Frame(concat(withExtensions(IN, JUNOS_TLVS), frame)));
        f.add(new Frame(concat(withExtensions(0, JUNOS_TLVS), vlan(100, 0x0806, arp(1, MAC_A, IP_A, zeros(6),
            IP_B)))));
        f.add(new Frame(concat(withExtensions(IN,
            tlv(3, hex("22")), tlv(6, hex("44")), tlv(7, hex("0100")), tlv(8, hex("3f000000")),  // TTP, 2 and 4 bytes
            tlv(3, hex("63")), tlv(6, hex("40")), tlv(6, hex("00")),                  // unnamed, named "", zero
            tlv(0x81, hex("00000193")), tlv(0x83, hex("0001")), tlv(0x86, hex("00000e")),  // big-endian
            tlv(9, hex("7f")), tlv(1, hex("ffffffff")), tlv(1, hex("feffffff")),     // unknown; -1 not printed
            tlv(0x85, hex("ffffffff")), tlv(1, hex("0102030405"))), frame)));       // more than 4 bytes
        f.add(new Frame(concat(withExtensions(IN, tlv(1, hex("05")), hex("00 04 01020304")), frame)));  // type 0 ends
        f.add(new Frame(concat(withExtensions(IN, tlv(1, hex("05")), hex("07 00 01020304")), frame)));  // length 0
        f.add(new Frame(concat(withExtensions(IN, tlv(1, hex("05")), hex("01 09 0102")), frame)));  // past the total
        f.add(new Frame(concat(withExtensions(IN, hex("0102")), frame)));            // 2 bytes: no TLV read
        f.add(new Frame(concat(withExtensions(IN), frame)));                         // no TLV at all
        f.add(new Frame(concat(magic(IN | NO_L2), zeros(4), udpPacket())));
        f.add(new Frame(concat(magic(NO_L2), zeros(4), ipv6(17, udp(5, 6, new byte[2], IP6_A, IP6_B), 0x60000000L,
            IP6_A, IP6_B))));
        f.add(new Frame(concat(withExtensions(IN | NO_L2, JUNOS_TLVS), hex("01020304"), udpPacket())));
        f.add(new Frame(concat(magic(IN | NO_L2), zeros(4), hex("44 0102030405"))));  // no IP: nothing
        f.add(new Frame(concat(magic(NO_L2), zeros(4), hex("70"))));
        f.add(new Frame(concat(magic(0xff), zeros(4), udpPacket())));                  // every flag, no TLVs
        f.add(new Frame(concat(ascii("MGD"), hex("00"), frame)));                      // no magic
        f.add(new Frame(concat(hex("004d4743"), frame)));
        f.add(new Frame(concat(magic(IN), ethernet(0x1234, hex("0102030405060708")))));  // unknown ethertype
        f.add(new Frame(concat(magic(IN), MAC_B, MAC_A, u16(38), hex("42 42 03"), LlcFrames.stpConfig(0, 0))));
        f.add(new Frame(concat(magic(0), ethernet(0x8847, concat(hex("00064140"), udpPacket())))));
        f.add(new Frame(concat(magic(0), frame), frame.length + 4 + 100));            // longer on the wire
        return f;
    }

    /** An IPv4/UDP packet whose total length is {@code length} (its low byte is the ES header's type field). */
    private static byte[] udpPacketOfLength(int length) {
        return ipv4(17, udp(500, 4500, new byte[length - 28], IP_A, IP_B));
    }

    private static byte[] ipv6Packet() {
        return ipv6(17, udp(5000, 5001, new byte[3], IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B);
    }

    /**
     * JUNIPER_PPPOE: a PIC cookie of 0 bytes (a first byte 0x54 makes a Link Services cookie of 2, 0x47 an Adaptive
     * Services one of 8), 2 more bytes read as the protocol, an Ethernet frame.
     */
    private static List<Frame> pppoeFrames() {
        byte[] session = ethernet(0x8864, concat(hex("11 00 0001"), u16(2 + 33), hex("0021"), udpPacket()));
        byte[] discovery = ethernet(0x8863, hex("11 09 0000 0004 0101 0000"));
        return List.of(new Frame(concat(magic(IN), session)), new Frame(concat(magic(0), discovery)),
            new Frame(concat(magic(IN), ethernet(0x0800, udpPacket()))),
            new Frame(concat(withExtensions(IN, JUNOS_TLVS), session)),
            new Frame(concat(magic(0), hex("54 01"), session)), new Frame(concat(magic(IN), hex("47 00 00 00 00 00 00 00"),
                session)), new Frame(concat(magic(IN | NO_L2), zeros(4), udpPacket())),
            new Frame(concat(magic(0), ethernet(0x1234, hex("0102")))));
    }

    /** The 16-byte IPsec SA header of JUNIPER_ES: index, TTL, type, SPI, tunnel source and destination. */
    private static byte[] saHeader(int type) {
        return concat(u16(7), new byte[] {64, (byte) type}, u32(0x1234_5678L), hex("c0000201 c6336402"));
    }

    /**
     * JUNIPER_ES: types 3-5 have the SA header and then 16 bytes before the IP packet; for the bundle types 1 and 2
     * tcpdump reads the header from the IP packet itself (its length's low byte is the type).
     */
    private static List<Frame> esFrames() {
        return List.of(new Frame(concat(magic(IN), saHeader(3), zeros(16), udpPacket())),
            new Frame(concat(magic(0), saHeader(4), zeros(16), udpPacket())),
            new Frame(concat(magic(0), saHeader(5), zeros(16), ipv6Packet())),
            new Frame(concat(magic(IN), udpPacketOfLength(0x101))), new Frame(concat(magic(0), udpPacketOfLength(0x102))),
            new Frame(concat(magic(0), saHeader(9), udpPacket())), new Frame(concat(magic(0), saHeader(0), udpPacket())),
            new Frame(concat(withExtensions(IN, JUNOS_TLVS), saHeader(3), zeros(16), udpPacket())),
            new Frame(concat(magic(IN), hex("54 00"), saHeader(3), zeros(16), udpPacket())),
            new Frame(concat(magic(IN), hex("47 00 00 00 00 00 00 00"), saHeader(4), zeros(16), udpPacket())));
    }

    /** The GGSN PIC's 8-byte cookie: service, flags, protocol (2 IPv4, 6 IPv6), flags, VLAN, 2 reserved bytes. */
    private static byte[] ggsnCookie(int protocol, int vlan) {
        return concat(new byte[] {1, 0, (byte) protocol, 0}, u16(vlan), u16(0));
    }

    private static List<Frame> ggsnFrames() {
        return List.of(new Frame(concat(magic(IN), ggsnCookie(2, 300), udpPacket())),
            new Frame(concat(magic(0), ggsnCookie(6, 4095), ipv6Packet())),
            new Frame(concat(magic(0), ggsnCookie(1, 0), udpPacket())),
            new Frame(concat(magic(0), ggsnCookie(17, 1), udpPacket())),
            new Frame(concat(magic(IN), hex("47 00 02 00 00 05 00 00"), udpPacket())),
            new Frame(concat(magic(IN), hex("54 00 02 00 00 05 00 00 00 00"), udpPacket())),   // cookie of 10: invalid
            new Frame(concat(withExtensions(IN, JUNOS_TLVS), ggsnCookie(2, 300), udpPacket())),
            new Frame(concat(magic(IN | NO_L2), zeros(4), ipv6Packet())));
    }

    /**
     * JUNIPER_SERVICES and JUNIPER_MONITOR: an 8-byte cookie, then tcpdump reads an 8-byte header (for -e) and
     * guesses IP from the first byte of the same bytes.
     */
    private static List<Frame> servicesFrames() {
        byte[] cookie = hex("01 02 03 04 05 06 07 08");
        return List.of(new Frame(concat(magic(IN), cookie, udpPacket())), new Frame(concat(magic(0), cookie, ipv6Packet())),
            new Frame(concat(magic(0), cookie, hex("05 11 1234 00 010203"), udpPacket())),   // not IP: nothing
            new Frame(concat(magic(IN), hex("47 00 00 00 00 00 00 00"), udpPacket())),
            new Frame(concat(magic(IN), hex("54 00 00 00 00 00 00 00 00 00"), udpPacket())),
            new Frame(concat(withExtensions(0, JUNOS_TLVS), cookie, udpPacket())));
    }

    /** JUNIPER_PPP: a PPP frame (with or without address and control) after the pseudo-header, no cookie. */
    private static List<Frame> pppFrames() {
        return List.of(new Frame(concat(magic(IN), hex("ff03 0021"), udpPacket())),
            new Frame(concat(magic(0), hex("0057"), ipv6Packet())),
            new Frame(concat(magic(0), hex("ff03 c021 01 01 0008 01 04 05dc"))),
            new Frame(concat(magic(0), hex("ff03 8021 01 01 000a 03 06 0a000001"))),
            new Frame(concat(withExtensions(IN, JUNOS_TLVS), hex("ff03 0281"), hex("00064140"), udpPacket())),
            new Frame(concat(magic(0), hex("ff03 1234 0102"))));
    }

    /** JUNIPER_CHDLC: a Cisco HDLC frame after the pseudo-header, no cookie. */
    private static List<Frame> chdlcFrames() {
        return List.of(new Frame(concat(magic(IN), hex("0f00 0800"), udpPacket())),
            new Frame(concat(magic(0), hex("8f00 86dd"), ipv6Packet())),
            new Frame(concat(magic(0), hex("8f00 8035 00000000 0000000a 00000000 ffff"))),
            new Frame(concat(withExtensions(IN, JUNOS_TLVS), hex("0f00 8847 00064140"), udpPacket())),
            new Frame(concat(magic(0), hex("0f00 1234 0102"))));
    }

    private static final byte[] ISIS_HELLO = hex("83 1b 01 00 11 01 00 00 02 0000000000a1 001e 001b 40 0000000000a2 01");

    /**
     * JUNIPER_MLPPP: a 2-byte cookie (bundle; or PPP's own first bytes on a member link), LS (4) and AS (8, with the
     * LSQ protocol and bundle) cookies, then a PPP frame or, by the LSQ protocol, IPv4, IPv6, MPLS, OSI.
     */
    private static List<Frame> mlpppFrames() {
        byte[] mpls = concat(hex("00064140"), udpPacket());
        return List.of(new Frame(concat(magic(IN), hex("0005 ff03 0021"), udpPacket())),
            new Frame(concat(magic(0), hex("ff03 0021"), udpPacket())),
            new Frame(concat(magic(0), hex("0023"), ISIS_HELLO)),
            new Frame(concat(magic(0), hex("0700 0000"), udpPacket())),
            new Frame(concat(magic(0), hex("0700 0010"), ipv6Packet())),
            new Frame(concat(magic(0), hex("0700 0020"), mpls)),
            new Frame(concat(magic(0), hex("0700 0030"), ISIS_HELLO)),
            new Frame(concat(magic(IN), hex("47 000000 0c 00 0128 ff03 0021"), udpPacket())),   // to the RE: PPP
            new Frame(concat(magic(IN), hex("47 000000 00 10 0128"), ipv6Packet())),
            new Frame(concat(magic(IN), hex("47 000000 00 20 0128"), mpls)),
            new Frame(concat(magic(IN), hex("47 000000 00 30 0128"), ISIS_HELLO)),
            new Frame(concat(magic(IN), hex("47 000000 00 00 0128"), udpPacket())),
            new Frame(concat(magic(IN), hex("47 000000 00 40 ffff ff03 0021"), udpPacket())),
            new Frame(concat(magic(0), hex("5409 0000 ff03 0021"), udpPacket())),
            new Frame(concat(withExtensions(IN, JUNOS_TLVS), hex("0005 ff03 c021 01 01 0008 01 04 05dc"))));
    }

    /**
     * JUNIPER_MLFR: a 2-byte cookie (LS: 4, AS: 8), then (unless AS) 2 protocol bytes: UI before an OSI PDU, or UI
     * and the NLPID of IPv4 or IPv6. Q.933 (NLPID 8) is a known difference of the OSI printer: no such frame here.
     */
    private static List<Frame> mlfrFrames() {
        return List.of(new Frame(concat(magic(IN), hex("0005 03cc"), udpPacket())),
            new Frame(concat(magic(0), hex("0005 038e"), ipv6Packet())),
            new Frame(concat(magic(0), hex("0001 0383"), ISIS_HELLO)),
            new Frame(concat(magic(0), hex("0005 0003"), ISIS_HELLO)),
            new Frame(concat(magic(0), hex("0005 0300"), ISIS_HELLO)),
            new Frame(concat(magic(0), hex("0005 1234 0102"))),
            new Frame(concat(magic(IN), hex("5409 0001 03cc"), udpPacket())),
            new Frame(concat(magic(IN), hex("47 000000 00 00 0128"), udpPacket())),
            new Frame(concat(withExtensions(0, JUNOS_TLVS), hex("0005 03cc"), udpPacket())));
    }

    private static boolean reachesOsi(int linkType) {
        return List.of(LinkType.JUNIPER_MLFR, LinkType.JUNIPER_MLPPP, LinkType.JUNIPER_PPP, LinkType.JUNIPER_CHDLC)
            .contains(linkType);
    }

    /** Leaves out a mutant that may reach Q.933 (a 0x08 byte where the mutations fall). */
    private static boolean noQ933(byte[] mutant) {
        for (int i = 0; i < Math.min(mutant.length, 40); i++) {
            if (mutant[i] == 0x08) return false;
        }
        return true;
    }

    private static List<Frame> frames(int linkType) {
        return switch (linkType) {
            case LinkType.JUNIPER_ETHER -> etherFrames();
            case LinkType.JUNIPER_PPPOE -> pppoeFrames();
            case LinkType.JUNIPER_ES -> esFrames();
            case LinkType.JUNIPER_GGSN -> ggsnFrames();
            case LinkType.JUNIPER_SERVICES, LinkType.JUNIPER_MONITOR -> servicesFrames();
            case LinkType.JUNIPER_PPP -> pppFrames();
            case LinkType.JUNIPER_CHDLC -> chdlcFrames();
            case LinkType.JUNIPER_MLPPP -> mlpppFrames();
            case LinkType.JUNIPER_MLFR -> mlfrFrames();
            default -> throw new IllegalArgumentException("link type " + linkType);
        };
    }

    @ParameterizedTest
    @ValueSource(ints = {LinkType.JUNIPER_PPPOE, LinkType.JUNIPER_ES, LinkType.JUNIPER_GGSN, LinkType.JUNIPER_SERVICES,
        LinkType.JUNIPER_MONITOR, LinkType.JUNIPER_PPP, LinkType.JUNIPER_CHDLC, LinkType.JUNIPER_MLPPP,
        LinkType.JUNIPER_MLFR})
    void picAndSerialTypesAsTcpdump(int linkType) throws Exception {
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "whole", linkType, frames(linkType),
            "", "-e", "-v", "-vv", "-e -vv", "-q", "-x", "-e -x", "-e -XX");
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "cut", linkType, TcpdumpOracle.cutAfterEveryByte(frames(linkType), 1),
            "-x", "-e -x", "-vv", "-q");
        List<Frame> mutants = MutatedFrames.of(frames(linkType), "JUNIPER_" + linkType, 20_261_123L + linkType, 40,
            b -> 3, 3, 24, (original, mutant, start) -> !reachesOsi(linkType) || noQ933(mutant));
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "mutants", linkType, mutants, "-e -x", "-vv");
        PrinterAllocation.assertNoAllocationPerPacketWith(frames(linkType), linkType, 2000, "JUNIPER " + linkType, "-v",
            "-e -vv", "-e -x");
    }

    @Test
    void etherWholeFramesAsTcpdump() throws Exception {
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "ether", LinkType.JUNIPER_ETHER, etherFrames(),
            "", "-e", "-v", "-vv", "-e -vv", "-vvv", "-q", "-e -q", "-x", "-e -x", "-vv -x", "-e -XX", "-X");
    }

    @Test
    void etherCutFramesAsTcpdump() throws Exception {
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "ether-cut", LinkType.JUNIPER_ETHER, TcpdumpOracle.cutAfterEveryByte(etherFrames(), 1),
            "-x", "-e -x", "-vv", "-q");
    }

    /**
     * Mutants of the pseudo-header (flags, extension length and TLVs) and the start of the frame after it. An
     * ethertype tcpdump decodes and we do not (Realtek, IPX, ...) is a known difference of the Ethernet printer: such
     * a mutant is left out.
     */
    @Test
    void etherMutantsAsTcpdump() throws Exception {
        List<Frame> mutants = MutatedFrames.of(etherFrames(), "JUNIPER_ETHER", 20_261_123L, 16, b -> 3, 3, 24,
            MutatedFrames.ALL);
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "ether-mutants", LinkType.JUNIPER_ETHER, mutants, "-e -x", "-vv");
    }

    /** The Juniper link types tcpdump has no printer for (Voice PIC, Secure Tunnel): UNSUPPORTED and the dump. */
    @Test
    void voiceAndSecureTunnelAreUnsupportedAsInTcpdump() throws Exception {
        List<Frame> frames = List.of(new Frame(concat(magic(IN), udpPacket())), new Frame(magic(0)));
        for (int linkType : new int[] {LinkType.JUNIPER_VP, LinkType.JUNIPER_ST}) {
            PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "unsupported" + linkType, linkType, frames, "", "-e", "-x");
        }
    }


    @Test
    void noAllocationPerPacket() {
        PrinterAllocation.assertNoAllocationPerPacketWith(etherFrames(), LinkType.JUNIPER_ETHER, 2000, "JUNIPER_ETHER",
            "-v", "-e -vv", "-e -x");
    }
}
