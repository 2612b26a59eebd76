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
 * LINKTYPE_ENC (OpenBSD's enc0) against tcpdump 4.99 itself: the 12-byte header (address family and flags in the
 * capturing host's byte order, either; the SPI big-endian) before IPv4 and IPv6 (the BSDs' AF_INET6 values), other
 * families; the flags' combinations; with and without -e, whole, cut after every byte and mutated.
 */
class EncLinkTest extends LinkConformance {
    @BeforeAll
    static void tcpdump() {
        Oracles.requireTcpdump();
    }

    static byte[] le32(long v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    /** A little-endian host's header. */
    static byte[] enc(int family, long spi, int flags, byte[] payload) {
        return concat(le32(family), u32(spi), le32(flags), payload);
    }

    /** A big-endian host's header. */
    static byte[] encBig(int family, long spi, int flags, byte[] payload) {
        return concat(u32(family), u32(spi), u32(flags), payload);
    }

    @Override
    List<Frame> frames() {
        byte[] v4 = ipv4(1, icmpEcho(8, 0x0d0e, 1, new byte[16]));
        byte[] v6 = ipv6(17, udp(546, 547, new byte[4], IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B);
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(enc(2, 0x1000, 0x0c00, v4)));
        f.add(new Frame(enc(2, 0xdeadbeefL, 0x0800, ipv4(17, udp(1000, 53, ascii("abcd"), IP_A, IP_B)))));
        f.add(new Frame(enc(2, 1, 0x0400, ipv4(6, tcp(0x012, new byte[0], new byte[0])))));
        f.add(new Frame(enc(24, 0, 0, v6)));
        f.add(new Frame(encBig(28, 0x1234, 0x0c00, v6)));
        f.add(new Frame(encBig(30, 0x1234, 0x0401, v6)));
        f.add(new Frame(encBig(2, 0x1234, 0x0800, v4)));
        f.add(new Frame(enc(2, 7, 0x0801, v4)));
        f.add(new Frame(enc(2, 7, 0x0c10, v4)));
        f.add(new Frame(enc(2, 7, 0x1, v4)));
        f.add(new Frame(enc(2, 7, 0xffffffff, v4)));
        f.add(new Frame(enc(7, 7, 0x0c00, v4)));                                         // unknown family
        f.add(new Frame(enc(0, 7, 0, hex("0102030405"))));
        f.add(new Frame(enc(2, 7, 0x0c00, new byte[0])));                                // the header alone
        f.add(new Frame(enc(24, 7, 0x0c00, v4)));                                         // not IPv6
        return f;
    }

    @Override
    int linkType() {
        return LinkType.ENC;
    }

    @Override
    Checks checks() {
        return linkChecks(new Mutants("ENC", 20_261_125L, 24, 3, 12, MutatedFrames.ALL))
            .mutated("-e -x", "-v", "-e -q");
    }
}
