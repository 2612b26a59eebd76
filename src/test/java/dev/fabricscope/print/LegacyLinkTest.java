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

    private static final int[] LINK_TYPES = {LinkType.SYMANTEC_FIREWALL, LinkType.APPLE_IP_OVER_IEEE1394};

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
