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
 * Hilscher netANALYZER captures against tcpdump 4.99 itself: LINKTYPE_NETANALYZER (a 4-byte status header, then the
 * Ethernet frame) and LINKTYPE_NETANALYZER_TRANSPARENT (the header, then the frame's preamble and SFD): IPv4, IPv6
 * behind a VLAN tag, ARP, unknown and named types, 802.3 with LLC, MACsec; with and without -e, in the verbosities,
 * whole, cut after every byte and mutated.
 */
class NetanalyzerLinkTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void tcpdump() {
        Oracles.requireTcpdump();
    }

    private static final List<byte[]> FRAMES = List.of(
        ethernet(0x0800, ipv4(17, udp(1000, 2000, ascii("abcd"), IP_A, IP_B))),
        vlan(0x2005, 0x86dd, ipv6(17, udp(5000, 5001, new byte[3], IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B)),
        ethernet(0x0806, arp(1, MAC_B, IP_A, new byte[6], IP_B)),
        ethernet(0x1234, ascii("hello world")),
        ethernet(0x0600, ascii("xns")),
        ethernet(0x0007, hex("4242 03 0000 00 00")),
        ethernet(0x0800, ipv4(1, icmpEcho(8, 1, 2, ascii("ping")))),
        MacsecFormatterTest.allFrames().getFirst().bytes());

    /** The status header (receive status, port, reserved bits: not printed by tcpdump), varied per frame. */
    private static final String[] HEADERS = {"00000000", "a1020000", "ff00ffff", "0c3f0001"};

    private static List<Frame> frames(int linkType) {
        List<Frame> f = new ArrayList<>();
        for (int i = 0; i < FRAMES.size(); i++) {
            byte[] header = hex(HEADERS[i % HEADERS.length]);
            f.add(new Frame(linkType == LinkType.NETANALYZER ? concat(header, FRAMES.get(i))
                : concat(header, hex("55555555555555 d5"), FRAMES.get(i))));
        }
        return f;
    }

    private static final int[] LINK_TYPES = {LinkType.NETANALYZER, LinkType.NETANALYZER_TRANSPARENT};

    @Test
    void wholeFramesAsTcpdump() throws Exception {
        for (int linkType : LINK_TYPES) {
            PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "whole-" + linkType, linkType, frames(linkType),
                "", "-e", "-v", "-e -v", "-q", "-e -q", "-x", "-e -x", "-e -XX", "-X");
        }
    }

    @Test
    void cutFramesAsTcpdump() throws Exception {
        for (int linkType : LINK_TYPES) {
            PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "cut-" + linkType, linkType,
                TcpdumpOracle.cutAfterEveryByte(frames(linkType), 1), "-x", "-e -x", "-v", "-q");
        }
    }

    /** Mutants of the header and the Ethernet header after it (half the changes in the first 30 bytes). */
    @Test
    void mutantsAsTcpdump() throws Exception {
        for (int linkType : LINK_TYPES) {
            List<Frame> mutants = MutatedFrames.of(frames(linkType), "NETANALYZER", 20_261_123L + linkType, 24, b -> 0, 3,
                30, MutatedFrames.ALL);
            PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "mutants-" + linkType, linkType, mutants, "-e -x", "-v");
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
