package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import dev.fabricscope.testing.Oracles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * Hilscher netANALYZER captures against tcpdump 4.99 itself: LINKTYPE_NETANALYZER (a 4-byte status header, then the
 * Ethernet frame) and LINKTYPE_NETANALYZER_TRANSPARENT (the header, then the frame's preamble and SFD): IPv4, IPv6
 * behind a VLAN tag, ARP, unknown and named types, 802.3 with LLC, MACsec; with and without -e, in the verbosities,
 * whole, cut after every byte and mutated.
 */
class NetanalyzerLinkTest {
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

    /** Both link types' checks: the same frames behind each one's header, the same flag sets, a seed per type. */
    abstract static class NetanalyzerType extends LinkConformance {
        @Override
        List<Frame> frames() {
            return NetanalyzerLinkTest.frames(linkType());
        }

        @Override
        Checks checks() {
            // Mutants of the header and the Ethernet header after it (half the changes in the first 30 bytes).
            return linkChecks(new Mutants("NETANALYZER", 20_261_123L + linkType(), 24, 3, 30, MutatedFrames.ALL))
                .whole("", "-e", "-v", "-e -v", "-q", "-e -q", "-x", "-e -x", "-e -XX", "-X");
        }
    }

    @Nested
    class Netanalyzer extends NetanalyzerType {
        @Override
        int linkType() {
            return LinkType.NETANALYZER;
        }
    }

    @Nested
    class NetanalyzerTransparent extends NetanalyzerType {
        @Override
        int linkType() {
            return LinkType.NETANALYZER_TRANSPARENT;
        }
    }
}
