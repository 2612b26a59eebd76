package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import dev.fabricscope.testing.Oracles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The older link types with a fixed header before an ethertype's payload against tcpdump 4.99 itself:
 * SYMANTEC_FIREWALL (44 bytes, the type at 6) and APPLE_IP_OVER_IEEE1394 (two EUI-64 addresses, the type); IPv4,
 * IPv6, ARP, types named but not decoded, unknown types and 802.3 lengths; with and without -e, in the verbosities,
 * whole, cut after every byte and mutated.
 */
class LegacyLinkTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void tcpdump() {
        Oracles.requireTcpdump();
    }

    private record Typed(int type, byte[] payload) { }

    private static final List<Typed> PAYLOADS = List.of(
        new Typed(0x0800, ipv4(17, udp(1000, 2000, ascii("abcd"), IP_A, IP_B))),
        new Typed(0x86dd, ipv6(17, udp(5000, 5001, new byte[3], IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B)),
        new Typed(0x0806, arp(1, MAC_B, IP_A, new byte[6], IP_B)),
        new Typed(0x0800, ipv4(1, icmpEcho(8, 1, 2, ascii("ping")))),
        new Typed(0x1234, ascii("hello world")),       // unknown
        new Typed(0x0600, ascii("xns")),               // named, not decoded
        new Typed(0x0020, hex("4242 03 0000 00 00")),  // an 802.3 length
        new Typed(0x05dc, ascii("x")),                 // the longest length
        new Typed(0x05dd, new byte[0]),                // the first type, nothing after it
        new Typed(0x0800, new byte[0]));               // IPv4 of nothing

    private static final byte[] EUI_DST = hex("0011223344556677"), EUI_SRC = hex("8899aabbccddeeff");

    static List<Frame> frames(int linkType) {
        List<Frame> f = new ArrayList<>();
        for (int i = 0; i < PAYLOADS.size(); i++) {
            Typed t = PAYLOADS.get(i);
            f.add(new Frame(switch (linkType) {
                case LinkType.SYMANTEC_FIREWALL -> concat(hex("0102030405" + String.format("%02x", i)), u16(t.type()),
                    zeros(36), t.payload());
                default -> concat(EUI_DST, EUI_SRC, u16(t.type()), t.payload());
            }));
        }
        return f;
    }

    /** LLC frames: SNAP with IPv4, ARP and an unknown OUI, STP, IPX (802.2 and raw), OSI, unknown SAPs, XID, I and S. */
    private static final List<byte[]> LLC = List.of(
        concat(hex("aaaa03 000000 0800"), PAYLOADS.getFirst().payload()),
        concat(hex("aaaa03 000000 0806"), PAYLOADS.get(2).payload()),
        concat(hex("aaaa03 000000 86dd"), PAYLOADS.get(1).payload()),
        hex("aaaa03 00000c 2000 0102030405"),                   // Cisco CDP: not decoded
        hex("aaaa03 123456 0001 0102"),                         // unknown OUI
        hex("424203 0000 00 00 8000000000000001 00000000 8000000000000001 8001 0000 1400 0200 0f00"),   // STP
        hex("f0f003 0102030405"),                               // NetBIOS: not decoded
        hex("e0e003 ffff 001e 00 11 00000000 ffffffffffff 0452 00000001 0a0b0c0d0e0f 4000"),   // IPX
        concat(hex("fefe03"), IsisFrames.ptpIih(3, "192168001001", 30, 1, IsisFrames.tlv(129, "cc"))),
        hex("0404af 810100"),                                   // XID
        hex("0404bf"),                                          // XID, no information field
        hex("f0f10000 0102"),                                   // an I frame
        hex("12340100"),                                        // an S frame, unknown SAPs
        hex("aa"));                                             // shorter than LLC

    private static final byte[] MAC_C = hex("0a0b0c0d0e0f");

    static List<Frame> llcFrames(int linkType) {
        List<Frame> f = new ArrayList<>();
        for (int i = 0; i < LLC.size(); i++) {
            byte[] llc = LLC.get(i);
            f.add(new Frame(switch (linkType) {
                case LinkType.IP_OVER_FC -> concat(hex("1000"), MAC_A, hex("1000"), MAC_B, llc);
                case LinkType.FDDI -> concat(new byte[] {(byte) (0x50 + i % 8)}, MAC_A, MAC_B, llc);
                default -> i % 3 == 0 ? concat(hex("10 40"), MAC_A, MAC_B, llc)
                    : concat(hex("10 40"), MAC_A, new byte[] {(byte) 0x82}, Arrays.copyOfRange(MAC_C, 1, 6),
                        ROUTES[i % ROUTES.length], llc);
            }));
        }
        if (linkType == LinkType.FDDI) {
            for (int fc : new int[] {0x40, 0x80, 0xc0, 0x41, 0x4f, 0xc2, 0xc3, 0xc5, 0x47, 0xd3, 0x61, 0xe2, 0x00,
                                     0x2f, 0x9e, 0xf1}) {
                f.add(new Frame(concat(new byte[] {(byte) fc}, MAC_A, MAC_B, hex("0102030405"))));
            }
            f.add(new Frame(concat(hex("50"), MAC_A, MAC_B)));    // the header alone
        }
        if (linkType == LinkType.IEEE802) {
            for (int fc : new int[] {0x00, 0x01, 0x80, 0xc0}) {   // MAC and reserved frames
                f.add(new Frame(concat(new byte[] {0x10, (byte) fc}, MAC_A, MAC_B, hex("0102030405"))));
                f.add(new Frame(concat(new byte[] {0x10, (byte) fc}, MAC_A, hex("8a0b0c0d0e0f"), ROUTES[1],
                    hex("0102"))));
            }
            for (byte[] route : ROUTES) f.add(new Frame(concat(hex("1040"), MAC_A, MAC_C, hex("8a"), route)));
            f.add(new Frame(concat(hex("1040"), MAC_A, hex("8a0b0c0d0e0f 0a"))));   // the route cut in its control
            // a source-routed frame carrying (SNAP, IPv4, VXLAN) an 802.3 frame whose source has the 0x80 bit: the
            // inner LLC prints that address whole (the routing bit is only the Token Ring frame's)
            for (String innerLlc : new String[] {"123403 0102", "f0f10000 0102", "aaaa03 00000c 0999 01"}) {
                byte[] inner = concat(hex("0180c2000014 9a1122334455"), u16(hex(innerLlc).length), hex(innerLlc));
                f.add(new Frame(concat(hex("1040"), MAC_A, hex("8a0b0c0d0e0f"), ROUTES[1], hex("aaaa03 000000 0800"),
                    ipv4(17, udp(50000, 4789, concat(hex("08000000 00000100"), inner), IP_A, IP_B)))));
            }
        }
        return f;
    }

    /** Routing information fields: control (broadcast, length, direction, largest frame), then ring:bridge segments. */
    private static final byte[][] ROUTES = {
        hex("0200"),                                    // no segments
        hex("0630 0011 0022"),                          // two, forward, 1500
        hex("c8f0 0011 0022 fff0"),                     // single-route, backward, "??"
        hex("8470 abcd"),                               // all-routes, one segment
        hex("0500 1234 56"),                            // odd length
        hex("0000"), hex("0100"),                       // lengths 0 and 1
        hex("1ff0 0001 0002 0003 0004 0005 0006 0007 0008 0009 000a 000b 000c 000d 0e"),   // the longest
        hex("0a00 0001")};                              // longer than the capture

    private static final int[] LINK_TYPES = {LinkType.SYMANTEC_FIREWALL, LinkType.APPLE_IP_OVER_IEEE1394};
    private static final int[] LLC_LINK_TYPES = {LinkType.IP_OVER_FC, LinkType.FDDI, LinkType.IEEE802};

    @Test
    void llcLinksAsTcpdump() throws Exception {
        for (int linkType : LLC_LINK_TYPES) {
            PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "llc-" + linkType, linkType, llcFrames(linkType),
                "", "-e", "-v", "-e -v", "-vv", "-q", "-e -q", "-x", "-e -x", "-e -XX", "-X");
        }
    }

    @Test
    void cutLlcLinksAsTcpdump() throws Exception {
        for (int linkType : LLC_LINK_TYPES) {
            PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "llc-cut-" + linkType, linkType,
                TcpdumpOracle.cutAfterEveryByte(llcFrames(linkType), 1), "-x", "-e -x", "-v", "-q");
        }
    }

    /** Mutants of the link header, the routing information and the LLC header (the first 40 bytes). */
    @Test
    void llcLinkMutantsAsTcpdump() throws Exception {
        for (int linkType : LLC_LINK_TYPES) {
            List<Frame> mutants = MutatedFrames.of(llcFrames(linkType), "LEGACY_LLC_LINK", 20_261_126L + linkType, 12,
                b -> 0, 3, 40, MutatedFrames.ALL);
            PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "llc-mutants-" + linkType, linkType, mutants,
                "-e -x", "-v", "");
        }
    }

    @Test
    void llcLinksAllocateNothingPerPacket() {
        for (int linkType : LLC_LINK_TYPES) {
            PrinterAllocation.assertNoAllocationPerPacketWith(llcFrames(linkType), linkType, 2000,
                LinkType.name(linkType), "", "-v", "-e -v", "-e -x", "-q -e");
        }
    }

    @Test
    void wholeFramesAsTcpdump() throws Exception {
        for (int linkType : LINK_TYPES) {
            PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "whole-" + linkType, linkType, frames(linkType),
                "", "-e", "-v", "-e -v", "-q", "-e -q", "-x", "-e -x", "-e -XX", "-X", "-A");
        }
    }

    @Test
    void cutFramesAsTcpdump() throws Exception {
        for (int linkType : LINK_TYPES) {
            PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "cut-" + linkType, linkType,
                TcpdumpOracle.cutAfterEveryByte(frames(linkType), 1), "-x", "-e -x", "-v", "-q");
        }
    }

    /** Mutants of the header (half the changes in the first 50 bytes) and of what follows. */
    @Test
    void mutantsAsTcpdump() throws Exception {
        for (int linkType : LINK_TYPES) {
            List<Frame> mutants = MutatedFrames.of(frames(linkType), "LEGACY_LINK", 20_261_125L + linkType, 16, b -> 0,
                3, 50, MutatedFrames.ALL);
            PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "mutants-" + linkType, linkType, mutants, "-e -x",
                "-v");
        }
    }

    @Test
    void noAllocationPerPacket() {
        for (int linkType : LINK_TYPES) {
            PrinterAllocation.assertNoAllocationPerPacketWith(frames(linkType), linkType, 2000, LinkType.name(linkType),
                "-v", "-e -v", "-e -x", "-q -e");
        }
    }
}
