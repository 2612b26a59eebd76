package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import dev.fabricscope.testing.Oracles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * LINKTYPE_IPNET (Solaris ipnet) against tcpdump 4.99 itself: the 24-byte header (version, family, hook type, packet
 * length, interface and group interface index, source and destination zone, all big-endian) before IPv4 (family 2)
 * and IPv6 (26), other families; with and without -e, in the verbosities, whole, cut after every byte and mutated.
 */
class IpnetLinkTest extends LinkConformance {
    @BeforeAll
    static void tcpdump() {
        Oracles.requireTcpdump();
    }

    private static final int AF_INET = 2, AF_INET6 = 26;

    static byte[] ipnet(int family, long srcZone, long dstZone, byte[] payload) {
        return concat(new byte[] {1, (byte) family}, u16(1), u32(payload.length), u32(2), u32(0), u32(srcZone),
            u32(dstZone), payload);
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(ipnet(AF_INET, 0, 0, ipv4(1, icmpEcho(8, 0x0d0e, 1, new byte[16])))));
        f.add(new Frame(ipnet(AF_INET, 3, 0, ipv4(17, udp(1000, 53, ascii("abcd"), IP_A, IP_B)))));
        f.add(new Frame(ipnet(AF_INET, 0, 4, ipv4(6, tcp(0x012, new byte[0], new byte[0])))));
        f.add(new Frame(ipnet(AF_INET6, 0xffffffffL, 0x80000000L,
            ipv6(17, udp(546, 547, new byte[4], IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B))));
        f.add(new Frame(ipnet(AF_INET6, 1, 1, ipv4(17, udp(1, 2, new byte[0], IP_A, IP_B)))));   // not IPv6
        f.add(new Frame(ipnet(7, 1, 2, hex("0102030405060708090a0b0c0d0e0f1011"))));             // unknown family
        f.add(new Frame(ipnet(0, 0, 0, hex("ab"))));
        f.add(new Frame(ipnet(AF_INET, 0, 0, new byte[0])));                                     // the header alone
        f.add(new Frame(ipnet(0x1a, 0, 0, new byte[0])));
        return f;
    }

    @Override
    int linkType() {
        return LinkType.IPNET;
    }

    @Override
    Checks checks() {
        return linkChecks(new Mutants("IPNET", 20_250_805L, 24, 3, 24, MutatedFrames.ALL))
            .mutated("-e -x", "-v", "-e -q");
    }
}
