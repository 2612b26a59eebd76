package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * IGMP (RFC 1112, 2236, 3376 layouts; mtrace from draft-ietf-idmr-traceroute-ipm) against tcpdump 4.99 itself:
 * v1/v2/v3 queries, reports and leaves, v3 group records with sources, mtrace, and tcpdump's length complaints, in
 * every verbosity, whole, cut after every byte, and seeded mutants.
 */
class IgmpFormatterTest extends TcpdumpConformance {
    private static final byte[] ROUTER_ALERT = hex("94040000");
    private static final byte[] ALL_HOSTS = hex("e0000001");

    /** The message with its checksum computed (unless {@code badChecksum}), in IPv4 with TTL 1 and Router Alert. */
    static Frame igmp(byte[] message, byte[] dst, boolean badChecksum) {
        byte[] m = message.clone();
        if (m.length >= 4) {
            int c = checksum(m) ^ (badChecksum ? 0x0101 : 0);
            m[2] = (byte) (c >>> 8);
            m[3] = (byte) c;
        }
        return new Frame(ethernet(0x0800, ipv4(IgmpFormatter.PROTOCOL, m, 0xc0, 1, 7, 0, ROUTER_ALERT, -1, IP_A, dst)));
    }

    static Frame igmp(String message, String dst) {
        return igmp(hex(message), hex(dst), false);
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(igmp("11 00 0000 00000000", "e0000001"));                             // v1 query
        f.add(igmp("11 64 0000 00000000", "e0000001"));                             // v2 general query
        f.add(igmp("11 0a 0000 ef010101", "ef010101"));                             // v2 group query, 1 s
        f.add(igmp("11 64 0000 00000000 00", "e0000001"));                          // v2 with a stray byte
        f.add(igmp("11 64 0000 00000000 027d0000", "e0000001"));                    // v3 general query
        f.add(igmp("11 0a 0000 ef010101 0a7d0002 0a000001 0a000002", "ef010101"));  // v3 group-and-source
        f.add(igmp("11 82 0000 ef010102 00000001 0a000003", "ef010102"));           // v3, exponential time
        f.add(igmp("11 ff 0000 ef010103 00000000", "ef010103"));                    // v3, longest time
        f.add(igmp("11 c0 0000 00000000 00000000", "e0000001"));                    // v3, 60 s
        f.add(igmp("11 00 0000 00000000 00000000", "e0000001"));                    // v3, zero time
        f.add(igmp("11 64 0000 ef010104 00000005 0a000001", "ef010104"));           // v3, too many sources
        f.add(igmp("11 64 0000 00000000 00000000 0000", "e0000001"));               // v3, length not 4n
        f.add(igmp("12 00 0000 ef010105", "ef010105"));                             // v1 report
        f.add(igmp("12 00 0000 ef010105 00000000", "ef010105"));                    // v1 report, 12 bytes
        f.add(igmp("16 00 0000 ef010106", "ef010106"));                             // v2 report
        f.add(igmp("17 00 0000 ef010106", "e0000002"));                             // leave
        f.add(igmp("22 00 0000 0000 0004"
            + "01 00 0002 ef010107 0a000001 0a000002"
            + "02 00 0000 ef010108"
            + "03 00 0001 ef010109 0a000003"
            + "07 00 0000 ef01010a", "e0000016"));                                    // v3 report, 4 records
        f.add(igmp("22 00 0000 0000 0003 04 00 0000 ef01010b 05 00 0001 ef01010c 0a000004 06 00 0000 ef01010d",
            "e0000016"));
        f.add(igmp("22 00 0000 0000 0002 04 00 0000 ef01010b", "e0000016"));        // more records than bytes
        f.add(igmp("22 00 0000 0000 0001 05 00 0003 ef01010c 0a000004", "e0000016")); // more sources than bytes
        f.add(igmp("22 00 0000 0000 0001 05 00 0000 ef01010c 00", "e0000016"));    // length not 4n
        f.add(igmp("22 00 0000 0000 0000", "e0000016"));                            // too short
        f.add(igmp("1f 00 0000 ef01010e 0a000001 0a000002 e0000010 20 000abc", "0a000002"));   // mtrace, multicast reply
        f.add(igmp("1e 00 0000 ef01010e 0a000001 0a000002 0a000009 20 000abd", "0a000009"));   // mresp
        f.add(igmp("1f 00 0000 ef01010e 0a000001 0a000002", "0a000002"));                      // short mtrace
        f.add(igmp("13 00 0000", "e0000004"));                                                 // short DVMRP
        f.add(igmp("99 00 0000 00000000", "e0000001"));
        f.add(igmp(hex("16 00 0000 ef010106"), hex("ef010106"), true));               // bad checksum
        f.add(igmp(hex("1600"), hex("ef010106"), false));
        f.add(new Frame(ethernet(0x86dd, ipv6(IgmpFormatter.PROTOCOL, hex("16000000ef010106"), 0x60000000L, IP6_A,
            IP6_B))));
        return f;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("IGMP", 2236, 500))
            .cut("-x", "-v", "-vv");
    }

    /** The IGMP message: after the IPv4 header with its Router Alert option (or the IPv6 header). */
    @Override
    int start(byte[] frame) {
        return (frame[12] & 0xff) == 0x86 ? MutatedFrames.afterIp(frame) : 14 + (frame[14] & 0x0f) * 4;
    }
}
