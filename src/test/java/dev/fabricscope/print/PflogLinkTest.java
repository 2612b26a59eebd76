package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import dev.fabricscope.testing.Oracles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * LINKTYPE_PFLOG (pf's log) against tcpdump 4.99 itself: struct pfloghdr as Linux lays it out (length, family,
 * action, reason, 16-byte interface and ruleset names, rule and subrule numbers, uid/pid fields, direction, padding:
 * 64 bytes) before IPv4 and IPv6 (the BSDs' three AF_INET6 values), other families, longer and invalid header
 * lengths; with and without -e, whole, cut after every byte and mutated.
 */
class PflogLinkTest extends LinkConformance {
    @BeforeAll
    static void tcpdump() {
        Oracles.requireTcpdump();
    }

    private static final int AF_INET = 2;

    static byte[] name(String s) {
        return Arrays.copyOf(s.getBytes(StandardCharsets.ISO_8859_1), 16);
    }

    /** A header of {@code length} bytes (64 and more: padded to the rounded length), then the packet. */
    static byte[] pflog(int length, int family, int action, int reason, String ifname, String ruleset, long rule,
                        long subrule, int dir, byte[] payload) {
        byte[] header = concat(new byte[] {(byte) length, (byte) family, (byte) action, (byte) reason}, name(ifname),
            name(ruleset), u32(rule), u32(subrule), u32(0), u32(0x1234), u32(0xffffffffL), u32(0), new byte[] {(byte) dir},
            new byte[3]);
        int rounded = Math.max(64, (length + 3) & ~3);
        return concat(Arrays.copyOf(header, rounded), payload);
    }

    static byte[] pflog(int family, int action, int reason, int dir, byte[] payload) {
        return pflog(61, family, action, reason, "em0", "", 3, 0xffffffffL, dir, payload);
    }

    @Override
    List<Frame> frames() {
        byte[] v4 = ipv4(1, icmpEcho(8, 0x0d0e, 1, new byte[16]));
        byte[] v6 = ipv6(17, udp(546, 547, new byte[4], IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B);
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(pflog(AF_INET, 0, 0, 1, v4)));
        f.add(new Frame(pflog(61, AF_INET, 1, 0, "vio0", "anchor/sub", 7, 2, 2,
            ipv4(17, udp(1000, 53, ascii("abcd"), IP_A, IP_B)))));
        f.add(new Frame(pflog(64, AF_INET, 10, 14, "ifname0123456789", "0123456789abcdef", 0xffffffffL, 0, 0,
            ipv4(6, tcp(0x012, new byte[0], new byte[0])))));
        f.add(new Frame(pflog(24, 3, 3, 1, v6)));
        f.add(new Frame(pflog(28, 4, 4, 2, v6)));
        f.add(new Frame(pflog(30, 11, 15, 3, v6)));
        f.add(new Frame(pflog(45, AF_INET, 2, 5, "\u00e9\u0001x", "r\u007f", 1, 0, 1, v4)));
        f.add(new Frame(pflog(69, AF_INET, 5, 9, "pflog0", "", 0, 0xffffffffL, 0, v4)));   // rounded to 72
        f.add(new Frame(pflog(AF_INET, 6, 13, 1, v6)));                                       // not IPv4
        f.add(new Frame(pflog(AF_INET + 24 - 2, 7, 6, 2, v4)));                               // not IPv6
        f.add(new Frame(pflog(7, 8, 7, 1, hex("0102030405060708090a0b0c0d0e0f1011"))));      // unknown family
        f.add(new Frame(pflog(0, 9, 8, 1, hex("ab"))));
        f.add(new Frame(pflog(AF_INET, 0, 10, 2, new byte[0])));                              // the header alone
        f.add(new Frame(pflog(44, AF_INET, 0, 0, "em0", "", 1, 0xffffffffL, 1, v4)));        // too short a length
        f.add(new Frame(pflog(0, AF_INET, 0, 0, "em0", "", 1, 0xffffffffL, 1, v4)));
        f.add(new Frame(pflog(200, AF_INET, 0, 11, "em1", "", 1, 0xffffffffL, 1, v4)));      // a long header
        return f;
    }

    @Override
    int linkType() {
        return LinkType.PFLOG;
    }

    @Override
    Checks checks() {
        return linkChecks(new Mutants("PFLOG", 20_261_123L, 24, 3, 64, MutatedFrames.ALL))
            .mutated("-e -x", "-v", "-e -q");
    }
}
