package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * The IPv4 header (RFC 791) as tcpdump 4.99 prints it (print-ip.c), against tcpdump itself: every option it decodes
 * (EOL, NOP, RR, LSRR, SSRR, timestamp with each flag, RA, security, traceroute, unknown) and bad option lengths,
 * fragments (first, middle, last, DF, the reserved bit), header lengths below 20 and past the total length, total
 * lengths longer and shorter than the capture, TOS and ECN values, TTLs, good and bad header checksums at -v, other
 * versions in an IPv4 ethertype; whole in every verbosity, cut after every byte of the IP header on, and mutants of it.
 */
class Ipv4FormatterTest extends TcpdumpConformance {
    private static final int IP = 14;

    /** A UDP datagram to a port nobody decodes, with a few bytes of payload. */
    static byte[] datagram() {
        return udp(40000, 44444, ascii("payload!"), IP_A, IP_B);
    }

    static Frame ip(int proto, byte[] payload, int tos, int ttl, int flagsFragment, String options, int totalLength) {
        return new Frame(ethernet(0x0800, ipv4(proto, payload, tos, ttl, 0x1234, flagsFragment, hex(options),
            totalLength, IP_A, IP_B)));
    }

    static Frame withOptions(String options) {
        return ip(17, datagram(), 0, 64, 0x4000, options, -1);
    }

    /** The header checksum broken (one added to it). */
    static Frame badChecksum(Frame f) {
        byte[] b = f.bytes().clone();
        b[IP + 11]++;
        return new Frame(b);
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(ip(17, datagram(), 0, 64, 0x4000, "", -1));                                 // DF
        f.add(badChecksum(ip(17, datagram(), 0, 64, 0x4000, "", -1)));
        // TOS: precedence and DSCP bits, each ECN codepoint
        for (int tos : new int[] {0x10, 0x01, 0x02, 0x03, 0xb8, 0xbb, 0xff}) f.add(ip(17, datagram(), tos, 64, 0, "", -1));
        // TTL 0 (not printed), 1, 255
        for (int ttl : new int[] {0, 1, 255}) f.add(ip(17, datagram(), 0, ttl, 0, "", -1));
        // fragments: first, middle, last, the reserved bit, all flags
        byte[] big = concat(datagram(), new byte[32]);
        f.add(ip(17, big, 0, 64, 0x2000, "", -1));
        f.add(ip(17, new byte[24], 0, 64, 0x2000 | 5, "", -1));
        f.add(ip(17, new byte[16], 0, 64, 8, "", -1));
        f.add(ip(6, new byte[16], 0, 64, 0x1fff, "", -1));
        f.add(ip(17, datagram(), 0, 64, 0x8000, "", -1));
        f.add(ip(17, datagram(), 0, 64, 0xe000, "", -1));
        f.add(ip(17, new byte[8], 0, 64, 0x6003, "", -1));
        // options: NOPs and EOL, record route, source routes, timestamps, RA, security, traceroute, unknown
        f.add(withOptions("01010100"));
        f.add(withOptions("00000000"));
        f.add(withOptions("01000101"));                                                   // options after EOL
        f.add(withOptions("070b040a0000010a00000200"));                                   // RR, first of two
        f.add(withOptions("070b0c0a0000010a00000200"));                                   // RR, full
        f.add(withOptions("070b050a0000010a00000200"));                                   // RR, bad pointer
        f.add(withOptions("830b000a0000010a00000200"));                                   // LSRR, pointer 0
        f.add(withOptions("83070401020304"));                                             // LSRR, 1 hop
        f.add(withOptions("830b04c0a801010a000005 01"));                                  // LSRR: UDP checksum to last hop
        f.add(withOptions("890b08c0a80101c0a8010200"));                                   // SSRR, second hop next
        f.add(withOptions("890304 00"));                                                  // SSRR without hops
        f.add(withOptions("44 0c 05 00 00000000 00000000"));                              // TS only
        f.add(withOptions("44 0c 0d 01 0a000001 00000064"));                              // TS+ADDR
        f.add(withOptions("44 0c 05 03 0a000001 00000000"));                              // PRESPEC
        f.add(withOptions("44 08 05 f2 00000000"));                                       // bad flag, overflow
        f.add(withOptions("94040000"));                                                   // RA
        f.add(withOptions("94040102"));                                                   // RA with a value
        f.add(withOptions("94030000"));                                                   // RA, bad length
        f.add(withOptions("9402 0000"));                                                  // RA, length 2
        f.add(withOptions("820b000000000000000000 00"));                                  // security
        f.add(withOptions("520c0001000200030a000001"));                                   // traceroute
        f.add(withOptions("19040102"));                                                   // unknown 25
        f.add(withOptions("fe03aa00"));                                                   // unknown 254
        f.add(withOptions("0701 0000"));                                                  // length 1
        f.add(withOptions("0700 0000"));                                                  // length 0
        f.add(withOptions("0709040a00000100"));                                           // longer than the options
        f.add(withOptions("01 44 10 05 00000000"));                                       // TS past the header
        f.add(withOptions("0101 0109"));                                                  // length byte past the header
        f.add(withOptions("01010101 01010101 01010101 01010101 01010101 01010101 01010101 01010101 01010101 01010101"));
        f.add(badChecksum(withOptions("94040000")));
        // header and total lengths
        f.add(ip(17, datagram(), 0, 64, 0, "", 12));                                      // total < header
        f.add(ip(17, datagram(), 0, 64, 0, "", 20));                                      // nothing after the header
        f.add(ip(17, datagram(), 0, 64, 0, "", 24));                                      // shorter than the capture
        f.add(ip(17, datagram(), 0, 64, 0, "", 100));                                     // longer than the capture
        f.add(ip(17, datagram(), 0, 64, 0, "", 0xffff));
        f.add(ip(17, datagram(), 0, 64, 0, "", 0));
        f.add(ip(17, datagram(), 0, 64, 0, "01010101", 22));                              // total inside the options
        f.add(ip(6, new byte[0], 0, 64, 0, "", -1));                                      // TCP without a header
        f.add(new Frame(concat(ethernet(0x0800, ipv4(17, datagram())), new byte[10])));   // Ethernet padding after
        f.add(hlen(3));
        f.add(hlen(0));
        f.add(hlen(15));                                                                  // header past the total
        f.add(hlen(6));                                                                   // option bytes = UDP's
        f.add(version(6));
        f.add(version(5));
        f.add(version(0));
        // protocols with no decoder, and ND
        f.add(ip(253, ascii("experiment"), 0, 64, 0, "", -1));
        f.add(ip(0, new byte[4], 0, 64, 0, "", -1));
        f.add(ip(77, new byte[12], 0, 64, 0, "", -1));
        f.add(ip(255, new byte[0], 0, 64, 0, "", -1));
        return f;
    }

    /** A datagram whose header length field says {@code words} (the header itself 20 bytes). */
    static Frame hlen(int words) {
        byte[] b = ethernet(0x0800, ipv4(17, datagram()));
        b[IP] = (byte) (0x40 | words);
        return fixChecksum(b);
    }

    static Frame version(int v) {
        byte[] b = ethernet(0x0800, ipv4(17, datagram()));
        b[IP] = (byte) (v << 4 | 5);
        return fixChecksum(b);
    }

    static Frame fixChecksum(byte[] b) {
        b[IP + 10] = 0;
        b[IP + 11] = 0;
        int c = checksum(java.util.Arrays.copyOfRange(b, IP, IP + 20));
        b[IP + 10] = (byte) (c >>> 8);
        b[IP + 11] = (byte) c;
        return new Frame(b);
    }

    @Override
    int start(byte[] frame) {
        return IP;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("IPV4", 791, 8))
            // UDP's checksum is verified from -vv on IPv4.
            .mutated("-x", "-v -x", "-vv -x");
    }
}
